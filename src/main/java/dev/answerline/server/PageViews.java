package dev.answerline.server;

import org.eclipse.jetty.server.Request;

/**
 * Told of every HTML page answered to a GET with 200 or 304, on the thread that answered it: it must not
 * block or do I/O. Insights count views with it.
 */
@FunctionalInterface
public interface PageViews {
    /** Counts nothing. */
    PageViews NONE = (request, path) -> { };

    /** A page was answered; {@code path} is the decoded path it was answered for. */
    void viewed(Request request, String path);
}
