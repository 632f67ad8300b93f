package dev.answerline.server;

/** The server could not start or stop, e.g. because its port is taken; the message says what to do. */
public final class ServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
