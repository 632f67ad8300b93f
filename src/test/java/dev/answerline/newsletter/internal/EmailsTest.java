package dev.answerline.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.language.Labels;
import dev.answerline.newsletter.EmailAddress;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import dev.answerline.render.Templates;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The newsletter's emails speak the site's language, in the subject, both parts and the unsubscribe link. */
class EmailsTest {
    private final Emails emails = new Emails(Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC));
    private final EmailAddress to = EmailAddress.check("reader@example.com").address();

    private Emails.Letterhead letterhead(String language) throws Exception {
        return new Emails.Letterhead("Northroll", new InternetAddress("Northroll <hello@northroll.example>"),
                "https://answers.northroll.example", Labels.of(language, Map.of()), Templates.NONE);
    }

    @Test
    void theConfirmationIsInTheSitesLanguage() throws Exception {
        MimeMessage german = read(emails.confirmation(letterhead("de"), to, "t0ken", "Soll man den Rücken rollen?"));
        assertThat(german.getSubject()).isEqualTo("Bitte bestätigen Sie Ihr Abo bei Northroll");
        assertThat(part(german, 0)).contains("Sie haben auf der Seite „Soll man den Rücken rollen?“ den Newsletter"
                + " von Northroll angefordert.", "Mein Abo bestätigen:\nhttps://answers.northroll.example"
                + "/newsletter/confirm?token=t0ken", "Der Link ist 48 Stunden gültig.");
        assertThat(part(german, 1)).contains("<html lang=\"de\">", "Bitte bestätigen Sie Ihr Abo");

        MimeMessage english = read(emails.confirmation(letterhead("en"), to, "t0ken", "Should you roll?"));
        assertThat(english.getSubject()).isEqualTo("Confirm your subscription to Northroll");
        assertThat(part(english, 0)).startsWith("Please confirm your subscription\n\nYou asked to get the Northroll"
                + " newsletter on the page \u201CShould you roll?\u201D.");
        assertThat(part(english, 1)).contains("<html lang=\"en\">");
    }

    @Test
    void theWelcomeAndItsUnsubscribeLinkAreInTheSitesLanguage() throws Exception {
        MimeMessage french = read(emails.welcome(letterhead("fr"), to, "unsub", "Une astuce par semaine."));
        assertThat(french.getSubject()).isEqualTo("Bienvenue dans la newsletter Northroll");
        assertThat(part(french, 0)).contains("Merci d’avoir confirmé votre abonnement à la newsletter Northroll.",
                "Une astuce par semaine.", "Se désabonner: https://answers.northroll.example/newsletter/unsubscribe"
                        + "?token=unsub");
        assertThat(part(french, 1)).contains("<html lang=\"fr\">", ">Se désabonner</a>");
        assertThat(french.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<https://answers.northroll.example/newsletter/unsubscribe?token=unsub>");
    }

    private static MimeMessage read(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    private static String part(MimeMessage message, int index) throws Exception {
        BodyPart part = ((MimeMultipart) message.getContent()).getBodyPart(index);
        return ((String) part.getContent()).replace("\r\n", "\n");
    }
}
