package dev.answerline.render;

import dev.answerline.content.Answer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a preview keeps between renders of a changing site, so that an edit costs what it changes: the
 * llms-full.txt entry of each answer, by the answer's content. Thread-safe.
 */
public final class RenderCache {
    final Map<Answer, String> fragments = new ConcurrentHashMap<>();

    /** Drops the entries of answers no longer on the site, so that the cache does not grow with every edit. */
    public void keepOnly(java.util.Collection<Answer> answers) {
        fragments.keySet().retainAll(new java.util.HashSet<>(answers));
    }
}
