package dev.answerline.newsletter.internal;

/** Delivers one finished MIME message. Implementations are thread-safe. */
public interface Mailer {
    /** Sends the message; throws when it was not accepted, so that it is tried again later. */
    void send(byte[] mime) throws Exception;

    /** What the mailer does, for the start-up line: never includes a password. */
    String describe();
}
