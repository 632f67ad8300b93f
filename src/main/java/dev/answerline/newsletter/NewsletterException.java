package dev.answerline.newsletter;

import dev.answerline.AnswerlineException;
import java.util.Objects;

/** The newsletter could not do its work: mail settings that make no sense, a sender that cannot start. */
public final class NewsletterException extends AnswerlineException {
    private static final long serialVersionUID = 1L;

    /** Something the user can put right: {@code problem — fix}. */
    public NewsletterException(String problem, String fix) {
        this(problem, fix, null);
    }

    /** Something the user can put right, found as {@code cause}. */
    public NewsletterException(String problem, String fix, Throwable cause) {
        super(problem, Objects.requireNonNull(fix, "fix"), false, cause);
    }

    private NewsletterException(String problem, Throwable cause) {
        super(problem, null, true, cause);
    }

    /** A failure that is Answerline's fault, whatever it was given: reported as a bug. */
    public static NewsletterException bug(String problem, Throwable cause) {
        return new NewsletterException(problem, cause);
    }
}
