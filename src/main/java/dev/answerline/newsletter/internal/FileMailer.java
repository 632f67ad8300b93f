package dev.answerline.newsletter.internal;

import dev.answerline.newsletter.EmailAddress;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For a laptop without a mail server: writes each message as an {@code .eml} file (any mail program opens
 * it) and prints its link to the console, so the double opt-in can be tried by hand.
 */
public final class FileMailer implements Mailer {
    private static final Pattern LINK = Pattern.compile("https?://\\S+/newsletter/(confirm|unsubscribe)\\?token=[A-Za-z0-9_-]+");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private static final Session SESSION = JakartaMail.plain();

    private final Path dir;
    private final PrintStream console;
    private final Clock clock;

    public FileMailer(Path dir, PrintStream console, Clock clock) {
        this.dir = dir;
        this.console = console;
        this.clock = clock;
    }

    @Override
    public void send(byte[] mime) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(STAMP.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml");
        Files.write(file, mime);
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(mime));
        Matcher link = LINK.matcher(plainText(message));
        // masked like the log's addresses: this console is often a service's journal
        String recipient = new EmailAddress(String.valueOf(message.getRecipients(Message.RecipientType.TO)[0]))
                .masked();
        console.println("newsletter: wrote " + file + (link.find()
                ? " — " + link.group(1) + " link for " + recipient + ": " + link.group() : ""));
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    @Override
    public String describe() {
        return "no SMTP server set (ANSWERLINE_SMTP_HOST): writing emails to " + dir + " and their links to the console";
    }
}
