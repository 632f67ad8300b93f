package dev.answerline.search;

/** The search index failed: a bug or an exhausted machine, never something a reader typed. */
public final class SearchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
