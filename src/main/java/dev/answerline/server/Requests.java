package dev.answerline.server;

import dev.answerline.content.Address;
import java.util.Objects;

/**
 * Told of every request once its answer is complete, on the thread that completed it: it must not block or do
 * I/O beyond a log line. Metrics count requests with it, and {@code serve --request-log} writes them.
 *
 * <pre>{@code
 * Server.builder(pages).requests(Requests.both(metrics.requests(), RequestLog.create())).build().start();
 * }</pre>
 */
public interface Requests {
    /** Told nothing. */
    Requests NONE = answered -> { };

    /**
     * A request as answered.
     *
     * @param method the method if it is one HTTP defines ({@code GET}, {@code POST}, ...), else {@code OTHER}:
     *     anyone may send any word there
     * @param path the path as the client sent it, still percent-encoded, without the query (which carries
     *     search terms and link tokens)
     * @param route what the path is by its shape: a bounded set of kinds, unlike paths
     * @param status the status answered
     * @param nanos from the request's arrival at the handlers to the end of its answer
     */
    record Answered(String method, String path, Address.Kind route, int status, long nanos) {}

    /** A request was answered. */
    void answered(Answered request);

    /**
     * Called once with the Jetty server before it starts: for meters of its connections and threads. The
     * server is {@code serve}'s; nothing may change how it answers.
     */
    default void serving(org.eclipse.jetty.server.Server jetty) { }

    /** Tells {@code first}, then {@code second}. */
    static Requests both(Requests first, Requests second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first == NONE) {
            return second;
        }
        if (second == NONE) {
            return first;
        }
        return new Requests() {
            @Override
            public void answered(Answered request) {
                first.answered(request);
                second.answered(request);
            }

            @Override
            public void serving(org.eclipse.jetty.server.Server jetty) {
                first.serving(jetty);
                second.serving(jetty);
            }
        };
    }
}
