package dev.answerline.store;

/** The database could not be opened, migrated or used; the message says which database and what to check. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
