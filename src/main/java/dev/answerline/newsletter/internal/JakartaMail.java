package dev.answerline.newsletter.internal;

import jakarta.mail.Session;
import java.util.Properties;

/** Jakarta Mail as the newsletter uses it: one way to get sessions, with its slow provider lookup pinned. */
final class JakartaMail {
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks up its StreamProvider with a ServiceLoader, scanning every jar, on each
        // header or body it encodes (jakartaee/mail-api#861): four fifths of a signup's time. Naming the
        // class turns the lookup into a cheap Class.forName.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static final Session PLAIN = Session.getInstance(new Properties());

    private JakartaMail() {}

    /** A session for composing and parsing messages, not for sending. */
    static Session plain() {
        return PLAIN;
    }

    /** A session for sending with these SMTP properties. */
    static Session smtp(Properties properties) {
        return Session.getInstance(properties);
    }
}
