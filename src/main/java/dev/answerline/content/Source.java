package dev.answerline.content;

import java.util.Map;

/**
 * Where a content file's values came from: the file, the line of every front matter key, and the
 * Markdown body with the line it starts on. Checks use it to point editors at the right line.
 *
 * @param file the file relative to the site folder, with forward slashes ({@code answers/x.md})
 * @param lines the line of each front matter value by JSON pointer ({@code /question}, {@code /related/0/answer})
 * @param body the Markdown after the front matter
 * @param bodyLine the line the body starts on
 */
public record Source(String file, Map<String, Integer> lines, String body, int bodyLine) {

    public Source {
        // every answer has the same keys: one copy of each saves ~100 MB at 100,000 answers
        Map<String, Integer> shared = new java.util.HashMap<>(lines.size() * 2);
        lines.forEach((key, line) -> shared.put(key.intern(), line));
        lines = Map.copyOf(shared);
    }

    /** The line of a front matter key or JSON pointer, or 1 when the key is not in the file. */
    public int lineOf(String keyOrPointer) {
        String pointer = keyOrPointer.startsWith("/") ? keyOrPointer : "/" + keyOrPointer;
        return lines.getOrDefault(pointer, 1);
    }
}
