package dev.answerline.newsletter;

import java.time.Instant;

/**
 * A subscriber with the consent record: when and where they signed up, what the form said, when they
 * confirmed and when they unsubscribed. Null times have not happened.
 */
public record Subscriber(String email, Status status, String sourcePage, String consentText, Instant signedUpAt,
        Instant confirmedAt, Instant unsubscribedAt) {

    /** Where a subscriber stands; stored by {@link #code()}. */
    public enum Status {
        PENDING("pending"),
        CONFIRMED("confirmed"),
        UNSUBSCRIBED("unsubscribed"),
        /** A mail server refused the address for good (a 5xx answer): it gets no mail of any kind. */
        BOUNCED("bounced");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The status with this code, e.g. {@code confirmed}. */
        public static Status of(String code) {
            for (Status status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("no subscriber status " + code + "; use pending, confirmed, unsubscribed or bounced");
        }
    }
}
