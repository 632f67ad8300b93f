package dev.answerline.content;

import dev.answerline.memory.MappedStore;
import dev.answerline.memory.TextStore;

/**
 * What a load of a site keeps of its Markdown texts, and where. A site to publish keeps its bodies, their HTML
 * and their text outside the heap, and not the facts only {@code check} reads (each body's blocks and links:
 * ~20 MB of heap at 10,000 answers); anything else keeps everything on the heap.
 *
 * @param store where long texts are kept
 * @param facts whether each body's blocks, links and images are kept, for {@code check}
 */
public record Keeping(TextStore store, boolean facts) {
    /** Everything, on the heap: for check, previews and tests. */
    public static final Keeping ALL = new Keeping(TextStore.HEAP, true);

    /** What a site to serve or export needs: long texts outside the heap, in Java's temporary folder. */
    public static Keeping publish() {
        return new Keeping(TextStore.mapped(MappedStore.temporary()), false);
    }
}
