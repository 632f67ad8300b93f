package dev.answerline.newsletter.internal;

import dev.answerline.newsletter.MailSettings;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/** Sends through an SMTP server with Jakarta Mail. */
public final class SmtpMailer implements Mailer {
    private static final String TIMEOUT_MS = "20000";

    private final MailSettings settings;
    private final Session session;

    public SmtpMailer(MailSettings settings) {
        this.settings = settings;
        this.session = session(settings);
    }

    /** A Jakarta Mail session for these settings, shared with {@link SmtpSession}. */
    static Session session(MailSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.auth", String.valueOf(settings.user() != null));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        properties.put("mail.smtp.timeout", TIMEOUT_MS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MS);
        if (settings.security() == MailSettings.Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        } else if (settings.security() == MailSettings.Security.TLS) {
            properties.put("mail.smtp.ssl.enable", "true");
        }
        if (settings.security() != MailSettings.Security.NONE) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return JakartaMail.smtp(properties);
    }

    @Override
    public void send(byte[] mime) throws Exception {
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mime));
        if (settings.user() != null) {
            Transport.send(message, settings.user(), settings.password());
        } else {
            Transport.send(message);
        }
    }

    @Override
    public String describe() {
        return "sending mail through " + settings;
    }
}
