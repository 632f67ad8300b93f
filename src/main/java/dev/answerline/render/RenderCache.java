package dev.answerline.render;

import dev.answerline.content.Address.Kind;
import dev.answerline.content.SiteChange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a preview keeps between renders of a changing site, so that an edit costs what it changes: the
 * llms-full.txt entry of each answer, by slug, until a change touches that answer. Thread-safe.
 */
public final class RenderCache {
    final Map<String, String> fragments = new ConcurrentHashMap<>();

    /** Forgets everything: what the entries say of authors and categories may have changed. */
    void clear() {
        fragments.clear();
    }

    /** Forgets the entries of the answers a change added, changed or removed. */
    void forget(SiteChange change) {
        fragments.keySet().removeAll(change.changed(Kind.ANSWER));
        fragments.keySet().removeAll(change.removed(Kind.ANSWER));
    }
}
