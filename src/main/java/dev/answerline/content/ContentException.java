package dev.answerline.content;

import java.nio.file.Path;
import java.util.List;

/**
 * A site that cannot be loaded at all: no folder, or a {@code site.yaml} without which nothing renders.
 * Problems in single content files are not thrown; they are collected in {@link Site#problems()}.
 */
public final class ContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path dir;
    private final transient List<Problem> problems;

    public ContentException(String message) {
        super(message);
        this.dir = null;
        this.problems = List.of();
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
        this.dir = null;
        this.problems = List.of();
    }

    /** {@code site.yaml} is unusable for these problems; the message lists them. */
    public ContentException(Path dir, List<Problem> problems) {
        super(describe(problems));
        this.dir = dir;
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<Problem> problems) {
        StringBuilder message = new StringBuilder("site.yaml cannot be used:");
        problems.forEach(p -> message.append("\n  ").append(p));
        return message.toString();
    }

    /** The site folder the problems' files are relative to, or null. */
    public Path dir() {
        return dir;
    }

    /** The problems that made the site unusable, by file and line; empty when the message says it all. */
    public List<Problem> problems() {
        return problems;
    }
}
