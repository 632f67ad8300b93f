package dev.answerline.export;

import dev.answerline.AnswerlineException;
import java.util.Objects;

/**
 * The static export could not be written: the folder given with {@code --out} is a file, holds other files, or
 * cannot be written.
 */
public final class ExportException extends AnswerlineException {
    private static final long serialVersionUID = 1L;

    /** Something the user can put right: {@code problem — fix}. */
    public ExportException(String problem, String fix) {
        this(problem, fix, null);
    }

    /** Something the user can put right, found as {@code cause}. */
    public ExportException(String problem, String fix, Throwable cause) {
        super(problem, Objects.requireNonNull(fix, "fix"), false, cause);
    }

    private ExportException(String problem, Throwable cause) {
        super(problem, null, true, cause);
    }

    /** A failure that is Answerline's fault, whatever it was given: reported as a bug. */
    public static ExportException bug(String problem, Throwable cause) {
        return new ExportException(problem, cause);
    }
}
