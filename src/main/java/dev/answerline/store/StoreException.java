package dev.answerline.store;

import dev.answerline.AnswerlineException;
import java.util.Objects;

/** The database could not be opened, migrated or used; the message says which database, and the fix what to check. */
public final class StoreException extends AnswerlineException {
    private static final long serialVersionUID = 1L;

    /** Something the user can put right: {@code problem — fix}. */
    public StoreException(String problem, String fix) {
        this(problem, fix, null);
    }

    /** Something the user can put right, found as {@code cause}. */
    public StoreException(String problem, String fix, Throwable cause) {
        super(problem, Objects.requireNonNull(fix, "fix"), false, cause);
    }

    private StoreException(String problem, Throwable cause) {
        super(problem, null, true, cause);
    }

    /** A failure that is Answerline's fault, whatever it was given: reported as a bug. */
    public static StoreException bug(String problem, Throwable cause) {
        return new StoreException(problem, cause);
    }
}
