package dev.answerline.server.internal;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The short answers the server gives when it will not or cannot answer a request: JSON for API clients
 * ({@code /api/} or {@code Accept: application/json}), a small HTML page for browsers. Never a stack trace.
 */
public final class Refusals {
    private Refusals() {}

    /**
     * Answers {@code status} with {@code message}, a sentence for the reader.
     *
     * @param close whether to close the connection afterwards, e.g. when the request's body was not read
     */
    public static void send(Request request, Response response, Callback callback, int status, boolean close,
            String message) {
        byte[] body;
        String type;
        if (wantsJson(request)) {
            type = "application/json; charset=utf-8";
            body = ("{\"error\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            type = "text/html; charset=utf-8";
            body = html(status, message).getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Whether the client asked for JSON, by its path or its Accept header. */
    public static boolean wantsJson(Request request) {
        String path = request.getHttpURI().getPath();
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return path != null && Address.of(path).kind() == Kind.API
                || accept != null && accept.contains("application/json");
    }

    /** A minimal page for a status; {@code message} is plain text. */
    public static String html(int status, String message) {
        String reason = HttpStatus.getMessage(status);
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + status + " " + reason + "</title></head>"
                + "<body><h1>" + reason + "</h1><p>" + escape(message) + " <a href=\"/\">Go to the home page</a>.</p>"
                + "</body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
