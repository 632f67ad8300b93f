package dev.answerline.newsletter.internal;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.newsletter.IssueEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.util.Date;

/**
 * An issue made into each recipient's own message: their unsubscribe link in the footer and in the
 * one-click {@code List-Unsubscribe} header (RFC 8058), the brand's postal address, and the headers bulk
 * mail needs ({@code Message-ID}, {@code Date}, {@code Precedence: bulk}). Thread-safe.
 */
public final class IssueMessages {
    private static final String TEST_PREFIX = "[Test] ";

    private final IssueEmail issue;
    private final InternetAddress from;
    private final String unsubscribeBase;
    private final String postalAddress;
    private final Clock clock;

    /**
     * @param publicUrl where the site is, without a trailing slash
     * @param postalAddress the brand's postal address for the footer, or null
     */
    public IssueMessages(IssueEmail issue, InternetAddress from, String publicUrl, String postalAddress, Clock clock) {
        this.issue = issue;
        this.from = from;
        this.unsubscribeBase = publicUrl + Address.of(Kind.NEWSLETTER, "unsubscribe").path() + "?token=";
        this.postalAddress = postalAddress == null || postalAddress.isBlank() ? null : postalAddress.strip();
        this.clock = clock;
    }

    /**
     * The message to {@code to}.
     *
     * @param unsubscribeToken their unsubscribe token, already stored
     * @param test a test copy: subject prefixed with "[Test] "
     */
    public MimeMessage compose(String to, String unsubscribeToken, boolean test) throws MessagingException {
        String unsubscribe = unsubscribeBase + unsubscribeToken;
        MimeMessage message = Emails.from(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(Emails.oneLine((test ? TEST_PREFIX : "") + issue.subject()), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // tells auto-responders (vacation replies) not to answer a mailing
        message.setHeader("Precedence", "bulk");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(text(unsubscribe), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(unsubscribe), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private String text(String unsubscribe) {
        String text = issue.text().replace(IssueEmail.UNSUBSCRIBE_URL, unsubscribe);
        if (!text.contains(unsubscribe)) {
            text = text + "\n\nUnsubscribe: " + unsubscribe + "\n";
        }
        if (postalAddress != null && !text.contains(postalAddress)) {
            text = text.stripTrailing() + "\n\n" + postalAddress + "\n";
        }
        return text;
    }

    private String html(String unsubscribe) {
        // the token is URL-safe base64 and the base a site URL: nothing in it needs escaping in an attribute
        String html = issue.html().replace(IssueEmail.UNSUBSCRIBE_URL, unsubscribe);
        StringBuilder footer = new StringBuilder();
        if (!html.contains(unsubscribe)) {
            footer.append("<p><a href=\"").append(escape(unsubscribe)).append("\">Unsubscribe</a></p>");
        }
        if (postalAddress != null && !html.contains(escape(postalAddress))) {
            footer.append("<p>").append(escape(postalAddress).replace("\n", "<br>")).append("</p>");
        }
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
