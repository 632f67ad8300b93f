package dev.answerline.server.internal;

import dev.answerline.render.Pages;
import dev.answerline.server.SecurityHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers errors Jetty raises itself (a too-large request, a failed handler) with the site's 404 page or a
 * short plain page: never a stack trace. Logging the cause is Jetty's job; visitors see only the status.
 */
public final class ErrorPages extends ErrorHandler {
    private final Supplier<Pages> pages;

    public ErrorPages(Supplier<Pages> pages) {
        this.pages = pages;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        if (status < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        if (Refusals.wantsJson(request)) {
            Refusals.send(request, response, callback, status, false, status == HttpStatus.URI_TOO_LONG_414
                    ? "The address is too long; search with fewer words." : HttpStatus.getMessage(status) + ".");
            return true;
        }
        ByteBuffer body;
        if (status == HttpStatus.NOT_FOUND_404) {
            body = pages.get().notFound().body("").identityView();
        } else {
            String reason = HttpStatus.getMessage(status);
            String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " "
                    + reason + "</title></head><body><h1>" + reason + "</h1><p>The request could not be answered."
                    + " <a href=\"/\">Go to the home page</a>.</p></body></html>";
            body = ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8));
        }
        response.setStatus(status);
        // an error may come after the headers were added once
        SecurityHeaders.replace(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(true, body, callback);
        return true;
    }
}
