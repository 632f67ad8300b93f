package dev.answerline.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A route's handler that can answer some requests at once, on the thread that read them, instead of on its
 * {@link Lane}: those it has the answer to in memory, such as a search made a moment ago. Such a request
 * never waits behind the lane's slow work (issue 20: one expensive search must not queue the rest).
 */
public interface AtOnce {
    /**
     * Answers the request when its answer is ready, else returns false having written nothing, and the request
     * goes to the lane and to the handler's {@code handle} as any other. Runs on Jetty's thread that read the
     * request, as pages do: it must not block and should take microseconds.
     */
    boolean answerAtOnce(Request request, Response response, Callback callback) throws Exception;
}
