package dev.answerline.newsletter;

/** The newsletter could not do its work: mail settings that make no sense, a sender that cannot start. */
public final class NewsletterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NewsletterException(String message) {
        super(message);
    }

    public NewsletterException(String message, Throwable cause) {
        super(message, cause);
    }
}
