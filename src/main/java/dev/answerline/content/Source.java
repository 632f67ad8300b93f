package dev.answerline.content;

import dev.answerline.memory.MappedStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a content file's values came from: the file, the line of every front matter key, and the
 * Markdown body with the line it starts on. Checks use it to point editors at the right line.
 *
 * <p>A long body is kept outside the heap, as UTF-8, and made into a string again each time it is asked
 * for: bodies are most of a site's text (~400 MB at 100,000 answers), and after a site is rendered and
 * indexed they are read again only for search snippets.
 */
public final class Source {
    /** Bodies shorter than this stay on the heap: a view costs about as much as a short text. */
    private static final int KEPT_FROM = 512;
    private static final MappedStore BODIES = MappedStore.temporary();

    private final String file;
    private final Map<String, Integer> lines;
    private final String shortBody;
    private final ByteBuffer longBody;
    private final int bodyLine;
    /** Made when first asked for, as String does: answers are map keys, and hashing a body reads all of it. */
    private int hash;

    /**
     * @param file the file relative to the site folder, with forward slashes ({@code answers/x.md})
     * @param lines the line of each front matter value by JSON pointer ({@code /question},
     *     {@code /related/0/answer})
     * @param body the Markdown after the front matter
     * @param bodyLine the line the body starts on
     */
    public Source(String file, Map<String, Integer> lines, String body, int bodyLine) {
        this.file = Objects.requireNonNull(file);
        // every answer has the same keys: one copy of each saves ~100 MB at 100,000 answers
        Map<String, Integer> shared = new HashMap<>(lines.size() * 2);
        lines.forEach((key, line) -> shared.put(key.intern(), line));
        this.lines = Map.copyOf(shared);
        if (body.length() < KEPT_FROM) {
            this.shortBody = body;
            this.longBody = null;
        } else {
            this.shortBody = null;
            this.longBody = BODIES.keep(body.getBytes(StandardCharsets.UTF_8));
        }
        this.bodyLine = bodyLine;
    }

    /** The file relative to the site folder, with forward slashes ({@code answers/x.md}). */
    public String file() {
        return file;
    }

    /** The line of each front matter value by JSON pointer. */
    public Map<String, Integer> lines() {
        return lines;
    }

    /** The Markdown after the front matter. */
    public String body() {
        if (shortBody != null) {
            return shortBody;
        }
        byte[] bytes = new byte[longBody.remaining()];
        longBody.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The line the body starts on. */
    public int bodyLine() {
        return bodyLine;
    }

    /** The line of a front matter key or JSON pointer, or 1 when the key is not in the file. */
    public int lineOf(String keyOrPointer) {
        String pointer = keyOrPointer.startsWith("/") ? keyOrPointer : "/" + keyOrPointer;
        return lines.getOrDefault(pointer, 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Source s && bodyLine == s.bodyLine && file.equals(s.file) && lines.equals(s.lines)
                && Objects.equals(shortBody, s.shortBody) && Objects.equals(longBody, s.longBody);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(file, lines, shortBody, longBody, bodyLine);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return "Source[file=" + file + ", bodyLine=" + bodyLine + "]";
    }
}
