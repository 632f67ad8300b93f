package dev.answerline.content;

import dev.answerline.markdown.Prose;
import dev.answerline.memory.KeptText;
import dev.answerline.memory.TextStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a content file's values came from: the file, the line of every front matter key, and the
 * Markdown body with the line it starts on and the {@link Prose} it reads as. Checks use it to point editors
 * at the right line.
 *
 * <p>The body and its prose are kept where the caller of {@link Site#load} asked ({@link TextStore}): bodies
 * are most of a site's text (~400 MB at 100,000 answers), and after a site is rendered and indexed they are
 * read again only for search snippets, so a served site keeps them outside the heap.
 */
public final class Source {
    private final String file;
    private final Map<String, Integer> lines;
    private final KeptText body;
    private final int bodyLine;
    private final Prose prose;

    /**
     * @param file the file relative to the site folder, with forward slashes ({@code answers/x.md})
     * @param lines the line of each front matter value by JSON pointer ({@code /question},
     *     {@code /related/0/answer})
     * @param body the Markdown after the front matter
     * @param bodyLine the line the body starts on
     * @param prose the body read as Markdown; null for a file without one (site.yaml)
     * @param store where the body is kept
     */
    public Source(String file, Map<String, Integer> lines, String body, int bodyLine, Prose prose, TextStore store) {
        this.file = Objects.requireNonNull(file);
        // every answer has the same keys: one copy of each saves ~100 MB at 100,000 answers
        Map<String, Integer> shared = new HashMap<>(lines.size() * 2);
        lines.forEach((key, line) -> shared.put(key.intern(), line));
        this.lines = Map.copyOf(shared);
        this.body = store.keep(body);
        this.bodyLine = bodyLine;
        this.prose = prose;
    }

    private Source(String file, Map<String, Integer> lines, KeptText body, int bodyLine, Prose prose) {
        this.file = file;
        this.lines = lines;
        this.body = body;
        this.bodyLine = bodyLine;
        this.prose = prose;
    }

    /** A source an earlier run read, whose body is made again from the file when asked for. */
    static Source restored(String file, Map<String, Integer> lines, KeptText body, int bodyLine, Prose prose) {
        Map<String, Integer> shared = new HashMap<>(lines.size() * 2);
        lines.forEach((key, line) -> shared.put(key.intern(), line));
        return new Source(file, Map.copyOf(shared), body, bodyLine, prose);
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
        return body.text();
    }

    /** The body as read: its HTML, text, links and blocks. */
    public Prose prose() {
        return prose;
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

    /** Equal when the file, its lines and its body are: the prose is made from them. */
    @Override
    public boolean equals(Object other) {
        // the same source is equal without comparing a body that may have to be made or read from a mapping
        return this == other || other instanceof Source s && bodyLine == s.bodyLine && file.equals(s.file) && lines.equals(s.lines)
                && body.equals(s.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, lines, body, bodyLine);
    }

    @Override
    public String toString() {
        return "Source[file=" + file + ", bodyLine=" + bodyLine + "]";
    }
}
