package dev.answerline.render;

import dev.answerline.content.Answer;
import java.util.Map;

/**
 * What a preview keeps between renders of a changing site, so that an edit costs what it changes: the
 * llms-full.txt entry of each answer, by the answer's content. Thread-safe.
 */
public final class RenderCache {
    /**
     * By identity: an unchanged answer is the same object from load to load (the parse cache keeps it), and
     * hashing 10,000 answers by content on every save cost more than rendering the page.
     */
    final Map<Answer, String> fragments = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** Forgets everything: what the entries say of authors and categories may have changed. */
    void clear() {
        fragments.clear();
    }

    /** Drops the entries of answers no longer on the site, so that the cache does not grow with every edit. */
    public void keepOnly(java.util.Collection<Answer> answers) {
        java.util.Set<Answer> current = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        current.addAll(answers);
        fragments.keySet().retainAll(current);
    }
}
