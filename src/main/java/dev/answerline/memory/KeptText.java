package dev.answerline.memory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A text kept by a {@link TextStore}: a string on the heap, or UTF-8 bytes outside it, made into a string
 * again each time it is asked for. Equal when the texts are. Immutable.
 */
public final class KeptText {
    private final String onHeap;
    private final ByteBuffer offHeap;
    /** Makes the text when it is asked for (see {@link #later}). */
    private final java.util.function.Supplier<String> later;
    /** Made when first asked for, as String does: hashing a text kept outside the heap reads all of it. */
    private int hash;

    private KeptText(String onHeap, ByteBuffer offHeap) {
        this.onHeap = onHeap;
        this.offHeap = offHeap;
        this.later = null;
    }

    private KeptText(java.util.function.Supplier<String> later) {
        this.onHeap = null;
        this.offHeap = null;
        this.later = later;
    }

    /**
     * A text made only when first asked for, by {@code make}, which must give the same text each time: a
     * build that reuses what an earlier one read makes again only the texts of the pages it renders.
     */
    public static KeptText later(java.util.function.Supplier<String> make) {
        return new KeptText(make);
    }

    static KeptText onHeap(String text) {
        return new KeptText(text, null);
    }

    static KeptText offHeap(ByteBuffer utf8) {
        return new KeptText(null, utf8);
    }

    /** The text. */
    public String text() {
        if (onHeap != null) {
            return onHeap;
        }
        if (later != null) {
            return later.get();
        }
        byte[] bytes = new byte[offHeap.remaining()];
        offHeap.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether the text is empty, without making it. */
    public boolean isEmpty() {
        return onHeap != null ? onHeap.isEmpty() : offHeap != null ? !offHeap.hasRemaining() : text().isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            // a text made later is not made just to be compared with itself
            return true;
        }
        if (!(other instanceof KeptText kept)) {
            return false;
        }
        if (onHeap != null && kept.onHeap != null) {
            return onHeap.equals(kept.onHeap);
        }
        if (offHeap != null && kept.offHeap != null) {
            return offHeap.equals(kept.offHeap);
        }
        return text().equals(kept.text());
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = text().hashCode();
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return onHeap != null ? onHeap : offHeap != null ? "(" + offHeap.remaining() + " bytes outside the heap)"
                : "(a text made when asked for)";
    }
}
