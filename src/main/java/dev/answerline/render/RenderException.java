package dev.answerline.render;

import dev.answerline.AnswerlineException;
import java.util.Objects;

/**
 * A page could not be rendered: a bug or a broken theme resource (see {@link #bug()}), or a static file that can
 * no longer be read; never bad content, which is reported as problems.
 */
public final class RenderException extends AnswerlineException {
    private static final long serialVersionUID = 1L;

    /** Something the user can put right: {@code problem — fix}. */
    public RenderException(String problem, String fix) {
        this(problem, fix, null);
    }

    /** Something the user can put right, found as {@code cause}. */
    public RenderException(String problem, String fix, Throwable cause) {
        super(problem, Objects.requireNonNull(fix, "fix"), false, cause);
    }

    private RenderException(String problem, Throwable cause) {
        super(problem, null, true, cause);
    }

    /** A failure that is Answerline's fault, whatever it was given: reported as a bug. */
    public static RenderException bug(String problem, Throwable cause) {
        return new RenderException(problem, cause);
    }
}
