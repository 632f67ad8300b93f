package dev.answerline.memory;

import java.nio.charset.StandardCharsets;

/**
 * Where a site's long texts are kept: its Markdown bodies and what they become (HTML, plain text). A served
 * site keeps them outside the heap ({@link #mapped}), which at 100,000 answers is the difference between
 * fitting in 1 GiB or not; a check, a preview or a test keeps them on it ({@link #HEAP}) and writes nothing
 * to the temporary folder. Thread-safe.
 */
public interface TextStore {
    /** Texts shorter than this stay on the heap in any store: a view costs about as much as a short text. */
    int ON_HEAP_BELOW = 512;

    /** Keeps every text on the heap. */
    TextStore HEAP = KeptText::onHeap;

    /** Keeps a text. */
    KeptText keep(String text);

    /** Keeps long texts as UTF-8 in {@code store}, outside the heap, and short ones on it. */
    static TextStore mapped(MappedStore store) {
        return text -> text.length() < ON_HEAP_BELOW ? KeptText.onHeap(text)
                : KeptText.offHeap(store.keep(text.getBytes(StandardCharsets.UTF_8)));
    }
}
