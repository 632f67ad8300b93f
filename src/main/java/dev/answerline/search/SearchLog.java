package dev.answerline.search;

import org.eclipse.jetty.server.Request;

/**
 * Told of every search made on the search page (not of the suggestions under the search box, which come at
 * each key). Insights keep the searches that found nothing with it. Called on the search lane's thread.
 */
@FunctionalInterface
public interface SearchLog {
    /** Keeps nothing. */
    SearchLog NONE = (request, query, found) -> { };

    /**
     * @param query the query as searched: tidied and shortened, never empty
     * @param found whether any answer, post or product matched
     */
    void searched(Request request, String query, boolean found);
}
