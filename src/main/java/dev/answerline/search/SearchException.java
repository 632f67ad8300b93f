package dev.answerline.search;

import dev.answerline.AnswerlineException;
import java.util.Objects;

/**
 * The search index failed: its temporary folder is full or gone, or a bug (see {@link #bug()}); never something a
 * reader typed.
 */
public final class SearchException extends AnswerlineException {
    private static final long serialVersionUID = 1L;

    /** Something the user can put right: {@code problem — fix}. */
    public SearchException(String problem, String fix) {
        this(problem, fix, null);
    }

    /** Something the user can put right, found as {@code cause}. */
    public SearchException(String problem, String fix, Throwable cause) {
        super(problem, Objects.requireNonNull(fix, "fix"), false, cause);
    }

    private SearchException(String problem, Throwable cause) {
        super(problem, null, true, cause);
    }

    /** A failure that is Answerline's fault, whatever it was given: reported as a bug. */
    public static SearchException bug(String problem, Throwable cause) {
        return new SearchException(problem, cause);
    }
}
