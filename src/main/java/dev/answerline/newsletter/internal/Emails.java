package dev.answerline.newsletter.internal;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.language.Label;
import dev.answerline.language.Labels;
import dev.answerline.render.Templates;
import dev.answerline.newsletter.EmailAddress;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Composes the confirmation and welcome emails as finished MIME messages (plain text and HTML), ready to
 * be stored in the outbox and sent as they are. Thread-safe.
 */
public final class Emails {
    private static final Session SESSION = JakartaMail.plain();

    /**
     * Who writes, in which language, and where links lead.
     *
     * @param publicUrl the address readers reach the site at, without a trailing slash
     * @param labels the site's texts: emails speak the site's language
     */
    public record Letterhead(String brand, InternetAddress from, String publicUrl, Labels labels, Templates templates) {}

    private final Clock clock;

    public Emails(Clock clock) {
        this.clock = clock;
    }

    /** The double opt-in email: one link, to the page with the Confirm button. */
    public byte[] confirmation(Letterhead letterhead, EmailAddress to, String token, String pageTitle) {
        String brand = letterhead.brand();
        Labels labels = letterhead.labels();
        MailView view = new MailView(brand, labels.text(Label.CONFIRM_EMAIL_HEADING),
                List.of(labels.text(Label.CONFIRM_EMAIL_ASKED, brand, pageTitle), labels.text(Label.CONFIRM_EMAIL_PRESS)),
                labels.text(Label.CONFIRM_EMAIL_BUTTON),
                letterhead.publicUrl() + Address.of(Kind.NEWSLETTER, "confirm").path() + "?token=" + token,
                List.of(labels.text(Label.CONFIRM_EMAIL_NOTE)), null, labels.language(),
                labels.text(Label.UNSUBSCRIBE));
        return compose(letterhead, to, labels.text(Label.CONFIRM_SUBJECT, brand), view, null);
    }

    /** The welcome email after confirmation; it can unsubscribe in one click. */
    public byte[] welcome(Letterhead letterhead, EmailAddress to, String unsubscribeToken, String pitch) {
        String brand = letterhead.brand();
        String unsubscribe = letterhead.publicUrl() + Address.of(Kind.NEWSLETTER, "unsubscribe").path() + "?token="
                + unsubscribeToken;
        Labels labels = letterhead.labels();
        MailView view = new MailView(brand, labels.text(Label.WELCOME_HEADING),
                List.of(labels.text(Label.WELCOME_THANKS, brand), pitch),
                labels.text(Label.LATEST_ANSWERS_LINK), letterhead.publicUrl() + Address.of(Kind.ANSWERS).path(),
                List.of(labels.text(Label.WELCOME_NOTE)), unsubscribe, labels.language(),
                labels.text(Label.UNSUBSCRIBE));
        return compose(letterhead, to, labels.text(Label.WELCOME_SUBJECT, brand), view, unsubscribe);
    }

    private byte[] compose(Letterhead letterhead, EmailAddress to, String subject, MailView view, String unsubscribe) {
        try {
            MimeMessage message = from(letterhead.from());
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.value(), true));
            message.setSubject(oneLine(subject), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            if (unsubscribe != null) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(view.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(letterhead.templates().render("newsletter/mail.jte", view), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("composing an email failed: " + e.getMessage(), e);
        }
    }

    /** A new message from {@code from}, whose Message-ID will name the sender's domain. */
    static MimeMessage from(InternetAddress from) throws MessagingException {
        String domain = from.getAddress().replaceFirst(".*@", "");
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // the default asks the machine for its host name; ours names the sender's domain
                setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
            }
        };
        message.setFrom(from);
        return message;
    }

    /** Header text from site.yaml on one line, so that it can never start a header of its own. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
