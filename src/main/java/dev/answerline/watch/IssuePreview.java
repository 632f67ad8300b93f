package dev.answerline.watch;

import dev.answerline.content.Address;
import dev.answerline.content.Site;
import dev.answerline.newsletter.IssueEmail;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /newsletter/preview/{slug}} in {@code serve --watch}: a newsletter issue's email as it will be sent,
 * rendered from the site as last saved, with the live reload script so that it reloads on save. Only the
 * preview mounts it: a served or exported site has no such path, sent or not.
 */
final class IssuePreview extends Handler.Abstract {
    /**
     * The email's own styles are inline (as mail clients need), which the site's policy forbids; the preview
     * allows them, and its one script, and nothing else.
     */
    static final String POLICY = "default-src 'none'; img-src 'self' data: https: http:; style-src 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final Supplier<Site> site;

    IssuePreview(Supplier<Site> site) {
        this.site = site;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Address address = Address.of(request.getHttpURI().getDecodedPath());
        boolean get = HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
        Site now = site.get();
        if (address.kind() != Address.Kind.ISSUE_PREVIEW || !get || now.issue(address.id()).isEmpty()) {
            return false;
        }
        String html = IssueEmail.render(now, address.id()).html().replace("</body>",
                "<script src=\"" + LiveReload.SCRIPT + "\"></script>\n</body>");
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Content-Security-Policy", POLICY);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, HttpMethod.HEAD.is(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body),
                callback);
        return true;
    }
}
