package dev.answerline.server;

import dev.answerline.AnswerlineException;
import java.util.Objects;

/** The server could not start or stop, e.g. because its port is taken; the fix says what to do. */
public final class ServerException extends AnswerlineException {
    private static final long serialVersionUID = 1L;

    /** Something the user can put right: {@code problem — fix}. */
    public ServerException(String problem, String fix) {
        this(problem, fix, null);
    }

    /** Something the user can put right, found as {@code cause}. */
    public ServerException(String problem, String fix, Throwable cause) {
        super(problem, Objects.requireNonNull(fix, "fix"), false, cause);
    }

    private ServerException(String problem, Throwable cause) {
        super(problem, null, true, cause);
    }

    /** A failure that is Answerline's fault, whatever it was given: reported as a bug. */
    public static ServerException bug(String problem, Throwable cause) {
        return new ServerException(problem, cause);
    }
}
