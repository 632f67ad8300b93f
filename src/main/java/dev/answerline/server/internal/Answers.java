package dev.answerline.server.internal;

import dev.answerline.content.Address;
import dev.answerline.server.Requests;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Tells {@link Requests} of every request when its answer is complete, whoever answered it (a route, the
 * pages, or Jetty's 404 when nobody did). What a path is, is worked out only then, off the answer's way.
 */
public final class Answers extends Handler.Wrapper {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH");

    private final Requests requests;

    public Answers(Handler next, Requests requests) {
        super(next);
        this.requests = requests;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        String path = request.getHttpURI().getPath();
        String decoded = request.getHttpURI().getDecodedPath();
        Request.addCompletionListener(request, failure -> {
            int status = response.getStatus();
            requests.answered(new Requests.Answered(method, path == null ? "" : path,
                    Address.of(decoded == null ? "" : decoded).kind(), failure != null && status < 400 ? 500 : status,
                    System.nanoTime() - started));
        });
        return super.handle(request, response, callback);
    }
}
