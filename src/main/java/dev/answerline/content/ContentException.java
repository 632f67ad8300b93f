package dev.answerline.content;

/**
 * A site that cannot be loaded at all: no folder, or a {@code site.yaml} without which nothing renders.
 * Problems in single content files are not thrown; they are collected in {@link Site#problems()}.
 */
public final class ContentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContentException(String message) {
        super(message);
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
