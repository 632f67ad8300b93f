import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/**
 * The reference for bench/newsletter.sh: the same number of messages, of the same size and headers, sent by
 * a bare Jakarta Mail loop over one SMTP connection, with no database, no claims, no tokens and no rate
 * limit. The ratio between the two is the cost of Answerline's bookkeeping.
 *
 * <p>usage: java -cp target/answerline.jar bench/BareSend.java HOST PORT MESSAGES ISSUE.md
 */
public final class BareSend {
    public static void main(String[] args) throws Exception {
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        Properties properties = new Properties();
        properties.put("mail.smtp.host", args[0]);
        properties.put("mail.smtp.port", args[1]);
        int messages = Integer.parseInt(args[2]);
        String body = Files.readString(Path.of(args[3]));
        Session session = Session.getInstance(properties);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < messages; i++) {
                String unsubscribe = "https://answers.example/newsletter/unsubscribe?token=" + UUID.randomUUID();
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("Bench <bench@example.com>"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("reader" + i + "@example.com"));
                message.setSubject("Bench issue", "UTF-8");
                message.setSentDate(new Date());
                message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                message.setHeader("Precedence", "bulk");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(body + "\n\nUnsubscribe: " + unsubscribe + "\n", "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setText("<!DOCTYPE html><html><body><pre>" + body.replace("&", "&amp;").replace("<", "&lt;")
                        + "</pre><p><a href=\"" + unsubscribe + "\">Unsubscribe</a></p></body></html>", "UTF-8", "html");
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(text);
                alternative.addBodyPart(html);
                message.setContent(alternative);
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
    }
}
