package dev.answerline.newsletter;

/**
 * Told of each signup that asked for a confirmation and of each confirmation, with the page whose form the
 * reader used: insights count them per answer. Called after the database has them, on the newsletter's lane.
 */
public interface SignupLog {
    /** Keeps nothing. */
    SignupLog NONE = new SignupLog() {
        @Override
        public void signedUp(String page) { }

        @Override
        public void confirmed(String page) { }
    };

    /** A reader signed up on {@code page} and was sent a confirmation link. */
    void signedUp(String page);

    /** A reader who signed up on {@code page} confirmed. */
    void confirmed(String page);
}
