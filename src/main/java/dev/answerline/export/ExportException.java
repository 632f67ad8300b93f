package dev.answerline.export;

/** The static export could not be written; the message names the folder and what to do. */
public final class ExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
