package dev.answerline;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * A failure Answerline can explain: what is wrong and where ({@link #problem()}), what to do about it
 * ({@link #fix()}), and whether it is a bug in Answerline rather than in what it was given ({@link #bug()}).
 * The {@link #getMessage() message} is {@code problem — fix}.
 *
 * <p>Each subsystem throws its own subclass ({@code ContentException}, {@code StoreException}, ...), and the
 * {@code answerline} command handles them all in one place: it prints the message, never a stack trace, and
 * asks for a bug report only when {@link #bug()} says so. Whatever a user can cause (a missing folder, a
 * taken port, a full disk) is thrown as one of these, with the fix.
 *
 * <pre>{@code
 * throw new ExportException(out + " is a file", "choose a folder with --out");
 * throw RenderException.bug("rendering /x with answer.jte failed: " + e.getMessage(), e);
 * }</pre>
 */
public abstract class AnswerlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String fix;
    private final boolean bug;

    /*
     * Subclasses must have no public constructor taking only a Throwable, nor one taking nothing: a parallel
     * stream rethrows a worker's exception as a new instance made with one of those, losing problem and fix.
     */

    /**
     * @param problem what is wrong, and where (a file, a folder, a port, a database)
     * @param fix what to do about it; null only when the problem's text already says it for each part
     * @param bug true when the failure is Answerline's fault, whatever it was given
     * @param cause the failure underneath, or null
     */
    protected AnswerlineException(String problem, String fix, boolean bug, Throwable cause) {
        super(fix == null ? problem : problem + " — " + fix, cause);
        this.problem = problem;
        this.fix = fix;
        this.bug = bug;
    }

    /** What is wrong, and where. */
    public String problem() {
        return problem;
    }

    /** What to do about it, or null when {@link #problem()} says it (a list of problems, each with its fix). */
    public String fix() {
        return fix;
    }

    /** Whether this is a bug in Answerline, to be reported, rather than something the user can change. */
    public boolean bug() {
        return bug;
    }

    /**
     * A file system failure in words, for a problem's text: the JDK's message for a missing or forbidden file
     * is only its path ({@code /srv/out/index.html}), which says where but not what. An
     * {@link UncheckedIOException} is described by its cause.
     */
    public static String describe(Exception failure) {
        Exception e = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        return e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " + reason(e) : reason(e);
    }

    /** What {@link #describe} says about a failure, without the file's name, for when the problem names it. */
    public static String reason(Exception failure) {
        Exception e = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
