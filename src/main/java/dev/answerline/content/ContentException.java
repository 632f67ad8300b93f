package dev.answerline.content;

import dev.answerline.AnswerlineException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A site folder that cannot be used at all: no folder, a folder that cannot be read (or watched, or written
 * to by {@code answerline new}), or a {@code site.yaml} without which nothing renders. Problems in single
 * content files are not thrown; they are collected in {@link Site#problems()}.
 */
public final class ContentException extends AnswerlineException {
    private static final long serialVersionUID = 1L;

    private final transient Path dir;
    private final transient List<Problem> problems;

    /** The site as a whole cannot be used: {@code problem — fix}. */
    public ContentException(String problem, String fix) {
        this(problem, fix, null);
    }

    /** The site as a whole cannot be used, found as {@code cause}. */
    public ContentException(String problem, String fix, Throwable cause) {
        super(problem, Objects.requireNonNull(fix, "fix"), false, cause);
        this.dir = null;
        this.problems = List.of();
    }

    /** {@code site.yaml} is unusable for these problems; the message lists them, each with its fix. */
    public ContentException(Path dir, List<Problem> problems) {
        super(describe(problems), null, false, null);
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
