package dev.answerline.newsletter;

import static dev.answerline.newsletter.Hub.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.answerline.newsletter.internal.Outbox;
import dev.answerline.newsletter.internal.Subscribers;
import dev.answerline.newsletter.internal.Tokens;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole double opt-in, on SQLite and on PostgreSQL, through HTTP and real SMTP. */
class SignupFlowTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void signUpConfirmAndUnsubscribeInOneClick(Database.Kind kind) throws Exception {
        try (Hub hub = new Hub(TestDatabases.open(kind, dir), MAIL)) {
            HttpResponse<String> signup = hub.subscribe("Reader@Example.COM");
            assertThat(signup.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(signup.body()).select(".lead").text())
                    .isEqualTo("Almost done. Confirm with the link we just emailed you.");
            assertThat(status(hub, "Reader@example.com")).isEqualTo(Subscriber.Status.PENDING);

            MimeMessage confirmation = hub.awaitMail(1);
            assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to Testroll & Co");
            assertThat(confirmation.getFrom()[0].toString()).isEqualTo("Testroll Letters <letters@testroll.example>");
            assertThat(confirmation.getHeader("List-Unsubscribe")).isNull();
            String text = Hub.text(confirmation, "text/plain");
            String html = Hub.text(confirmation, "text/html");
            assertThat(text).contains("Testroll & Co", "\u201CShould you roll your lower back?\u201D");
            Document htmlPart = Jsoup.parse(html);
            assertThat(htmlPart.select("a[href]")).hasSize(1);
            assertThat(htmlPart.text()).contains("Should you roll your lower back?");
            String token = Hub.token(confirmation, "confirm");
            assertThat(htmlPart.select("a").attr("href")).isEqualTo(Hub.PUBLIC_URL + "/newsletter/confirm?token=" + token);

            // mail scanners follow links: opening one shows a button and changes nothing
            HttpResponse<String> page = hub.get("/newsletter/confirm?token=" + token);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("referrer-policy")).hasValue("no-referrer");
            Document confirmPage = Jsoup.parse(page.body());
            assertThat(confirmPage.select("form[method=post][action=/newsletter/confirm] button").text())
                    .isEqualTo("Confirm subscription");
            assertThat(status(hub, "Reader@example.com")).isEqualTo(Subscriber.Status.PENDING);

            // only the button's form confirms: the token in the address, with an empty body, does not
            HttpResponse<String> bare = hub.post("/newsletter/confirm?token=" + token, form());
            assertThat(bare.statusCode()).isEqualTo(404);
            assertThat(status(hub, "Reader@example.com")).isEqualTo(Subscriber.Status.PENDING);
            HttpResponse<String> confirmed = hub.post("/newsletter/confirm", form("token", token));
            assertThat(confirmed.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(confirmed.body()).select("h1").text()).isEqualTo("You're confirmed");
            assertThat(hub.newsletter.count()).as("the live count").isEqualTo(1);
            Subscriber subscriber = find(hub, "Reader@example.com");
            assertThat(subscriber.status()).isEqualTo(Subscriber.Status.CONFIRMED);
            assertThat(subscriber.sourcePage()).isEqualTo(Hub.PAGE);
            assertThat(subscriber.consentText()).isEqualTo("Rolling tips by email — One short email a week. No spam,"
                    + " unsubscribe anytime.");
            assertThat(subscriber.confirmedAt()).isNotNull();

            MimeMessage welcome = hub.awaitMail(2);
            assertThat(welcome.getSubject()).isEqualTo("Welcome to the Testroll & Co newsletter");
            String unsubscribe = Hub.token(welcome, "unsubscribe");
            assertThat(welcome.getHeader("List-Unsubscribe")).containsExactly(
                    "<" + Hub.PUBLIC_URL + "/newsletter/unsubscribe?token=" + unsubscribe + ">");
            assertThat(welcome.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

            // a used confirmation link says so, and confirms nothing twice
            assertThat(hub.post("/newsletter/confirm", form("token", token)).statusCode()).isEqualTo(200);
            assertThat(MAIL.getReceivedMessages()).hasSize(2);

            HttpResponse<String> unsubscribePage = hub.get("/newsletter/unsubscribe?token=" + unsubscribe);
            assertThat(Jsoup.parse(unsubscribePage.body()).select("form[method=post] button").text())
                    .isEqualTo("Unsubscribe");
            assertThat(status(hub, "Reader@example.com")).isEqualTo(Subscriber.Status.CONFIRMED);

            // RFC 8058: the mail program posts this body to the link, with no cookie, login or Origin
            HttpResponse<String> oneClick = hub.post("/newsletter/unsubscribe?token=" + unsubscribe,
                    form("List-Unsubscribe", "One-Click"));
            assertThat(oneClick.statusCode()).isEqualTo(200);
            assertThat(status(hub, "Reader@example.com")).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
            assertThat(find(hub, "Reader@example.com").unsubscribedAt()).isNotNull();
            assertThat(hub.newsletter.count()).isZero();
            assertThat(hub.post("/newsletter/unsubscribe?token=" + unsubscribe, form("List-Unsubscribe", "One-Click"))
                    .statusCode()).as("a second click").isEqualTo(200);

            // coming back means confirming again
            assertThat(hub.subscribe("Reader@example.com").statusCode()).isEqualTo(200);
            assertThat(status(hub, "Reader@example.com")).isEqualTo(Subscriber.Status.PENDING);
            assertThat(find(hub, "Reader@example.com").confirmedAt())
                    .as("the old confirmation was for the old consent").isNull();
            assertThat(find(hub, "Reader@example.com").unsubscribedAt()).isNull();
            String again = Hub.token(hub.awaitMail(3), "confirm");
            assertThat(again).isNotEqualTo(token);
            hub.post("/newsletter/confirm", form("token", again));
            assertThat(status(hub, "Reader@example.com")).isEqualTo(Subscriber.Status.CONFIRMED);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void confirmationLinksExpireAfter48Hours(Database.Kind kind) {
        try (Hub hub = new Hub(TestDatabases.open(kind, dir), MAIL)) {
            hub.subscribe("late@example.com");
            String token = Hub.token(hub.awaitMail(1), "confirm");
            hub.clock.advance(Duration.ofHours(48).plusMinutes(1));
            HttpResponse<String> page = hub.get("/newsletter/confirm?token=" + token);
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("This confirmation link has expired or was already used");
            assertThat(hub.post("/newsletter/confirm", form("token", token)).statusCode()).isEqualTo(404);
            assertThat(status(hub, "late@example.com")).isEqualTo(Subscriber.Status.PENDING);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void tokensAreStoredOnlyAsHashes(Database.Kind kind) throws Exception {
        try (Hub hub = new Hub(TestDatabases.open(kind, dir), MAIL)) {
            hub.subscribe("hash@example.com");
            String token = Hub.token(hub.awaitMail(1), "confirm");
            long plain = hub.db.read(c -> {
                try (var s = c.prepareStatement("SELECT COUNT(*) FROM token WHERE hash = ?")) {
                    s.setString(1, token);
                    try (var r = s.executeQuery()) {
                        r.next();
                        return r.getLong(1);
                    }
                }
            });
            long hashed = hub.db.read(c -> {
                try (var s = c.prepareStatement("SELECT COUNT(*) FROM token WHERE hash = ?")) {
                    s.setString(1, Tokens.hash(token));
                    try (var r = s.executeQuery()) {
                        r.next();
                        return r.getLong(1);
                    }
                }
            });
            assertThat(plain).isZero();
            assertThat(hashed).isEqualTo(1);
            // and a sent email no longer sits in the outbox with its link (marked sent just after delivery)
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(outboxMessage(hub)).isNull());
        }
    }

    private static String outboxMessage(Hub hub) {
        return hub.db.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT message FROM outbox")) {
                r.next();
                return r.getString(1);
            }
        });
    }

    static Subscriber find(Hub hub, String email) {
        return new Subscribers(hub.db, new Outbox(hub.db), hub.clock).find(email);
    }

    static Subscriber.Status status(Hub hub, String email) {
        Subscriber subscriber = find(hub, email);
        return subscriber == null ? null : subscriber.status();
    }
}
