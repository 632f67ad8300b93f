package dev.answerline.newsletter;

import static dev.answerline.newsletter.Hub.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.answerline.server.TrustedProxy;
import dev.answerline.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and abuse: every refusal shows the failure text, none shows a stack trace or tells too much. */
class SignupDefencesTest {
    private static final String FAILURE = "Something went wrong. Please try again.";
    private static final String SUCCESS = "Almost done. Confirm with the link we just emailed you.";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private Hub hub;

    @BeforeEach
    void start() {
        hub = new Hub(Database.open(dir, null), MAIL, b -> b.signupLimit(8, Duration.ofMinutes(10)));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static String lead(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select(".lead").text();
    }

    private void thenRefused(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(lead(response)).isEqualTo(FAILURE);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        assertThat(hub.newsletter.count()).isZero();
    }

    private long subscribers() {
        return hub.db.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM subscriber")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Test
    void theAnswerIsTheSameForNewPendingConfirmedAndUnsubscribedAddresses() {
        HttpResponse<String> fresh = hub.subscribe("known@example.com");
        HttpResponse<String> pending = hub.subscribe("known@example.com");
        hub.post("/newsletter/confirm", form("token", Hub.token(hub.awaitMail(1), "confirm")));
        HttpResponse<String> confirmed = hub.subscribe("known@example.com");
        String unsubscribe = Hub.token(hub.awaitMail(2), "unsubscribe");
        hub.post("/newsletter/unsubscribe?token=" + unsubscribe, form());
        HttpResponse<String> unsubscribed = hub.subscribe("known@example.com");
        HttpResponse<String> other = hub.subscribe("someone.else@example.com");
        for (HttpResponse<String> response : java.util.List.of(pending, confirmed, unsubscribed, other)) {
            assertThat(response.statusCode()).isEqualTo(fresh.statusCode());
            assertThat(response.body()).isEqualTo(fresh.body());
            assertThat(response.headers().map()).containsOnlyKeys(fresh.headers().map().keySet());
        }
        assertThat(lead(fresh)).isEqualTo(SUCCESS);
    }

    @Test
    void aPendingAddressIsNotMailedAgainAndAgain() {
        hub.subscribe("patient@example.com");
        hub.awaitMail(1);
        hub.subscribe("patient@example.com");
        hub.subscribe("patient@example.com");
        assertThat(MAIL.waitForIncomingEmail(1_000, 2)).isFalse();
        hub.clock.advance(Duration.ofMinutes(11));
        hub.subscribe("patient@example.com");
        hub.awaitMail(2);
    }

    @Test
    void javascriptGetsTheSameAnswerAsJson() {
        HttpResponse<String> ok = hub.subscribe("json@example.com", "Accept", "application/json");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(ok.body()).contains("\"ok\":true", "\"message\":\"Almost done. Confirm with the link we just emailed you.\"");
        HttpResponse<String> bad = hub.subscribe("not an address", "Accept", "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"ok\":false", "\"message\":\"Something went wrong. Please try again.\"");
    }

    @Test
    void invalidAddressesAreRefused() {
        thenRefused(hub.subscribe("plainly wrong"), 400);
        thenRefused(hub.subscribe(""), 400);
        thenRefused(hub.post("/newsletter/subscribe", form("source", Hub.PAGE)), 400);
        assertThat(subscribers()).isZero();
    }

    @Test
    void lineBreaksCannotAddMailHeaders() {
        thenRefused(hub.subscribe("victim@example.com\r\nBcc: everyone@example.com"), 400);
        thenRefused(hub.subscribe("victim@example.com\nSubject: hi"), 400);
        assertThat(subscribers()).isZero();
    }

    @Test
    void blockedDomainsAreRefused() {
        thenRefused(hub.subscribe("bot@spam.example"), 400);
        thenRefused(hub.subscribe("bot@mx.spam.example"), 400);
        assertThat(hub.subscribe("person@notspam.example").statusCode()).isEqualTo(200);
    }

    @Test
    void aFilledHoneypotLooksLikeSuccessButStoresNothing() {
        HttpResponse<String> response = hub.post("/newsletter/subscribe",
                form("email", "bot@example.com", "source", Hub.PAGE, "website", "https://spam.example"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lead(response)).isEqualTo(SUCCESS);
        assertThat(subscribers()).isZero();
        assertThat(MAIL.waitForIncomingEmail(500, 1)).isFalse();
    }

    @Test
    void aFormSentFasterThanAPersonTypesIsRefused() {
        // with the default minimum fill time, which Hub leaves as it is
        thenRefused(hub.post("/newsletter/subscribe", form("email", "quick@example.com", "elapsed", "300")), 400);
        assertThat(hub.post("/newsletter/subscribe", form("email", "quick@example.com", "elapsed", "2500"))
                .statusCode()).isEqualTo(200);
        assertThat(hub.post("/newsletter/subscribe", form("email", "nojs@example.com")).statusCode())
                .as("without JavaScript there is no timing, and no refusal").isEqualTo(200);
    }

    @Test
    void aMinimumFillTimeOfZeroTakesFormsSentAtOnce() {
        try (Hub browserTests = new Hub(Database.open(dir.resolve("zero"), null), MAIL,
                b -> b.minFillTime(Duration.ZERO))) {
            assertThat(browserTests.post("/newsletter/subscribe", form("email", "script@example.com", "elapsed", "0"))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void eachClientHasALimitAndIsToldWhenToComeBack() {
        for (int i = 0; i < 8; i++) {
            assertThat(hub.subscribe("reader" + i + "@example.com").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> ninth = hub.subscribe("reader9@example.com");
        thenRefusedButCounted(ninth, 429);
        assertThat(ninth.headers().firstValueAsLong("retry-after").orElseThrow()).isBetween(1L, 600L);
        hub.clock.advance(Duration.ofMinutes(10));
        assertThat(hub.subscribe("reader10@example.com").statusCode()).isEqualTo(200);
    }

    @Test
    void behindAProxyTheLimitKeysOnTheAddressTheProxyAddedNotOnWhatTheClientWrote(@TempDir Path other) {
        hub.close();
        hub = new Hub(Database.open(other, null), MAIL, b -> b.signupLimit(2, Duration.ofMinutes(10)),
                server -> server.trustedProxy(TrustedProxy.xForwardedFor(1)));
        // the client writes a new address at the left of each request; the proxy appends the real one
        for (int i = 0; i < 2; i++) {
            assertThat(hub.subscribe("reader" + i + "@example.com", "X-Forwarded-For", "10.9.9." + i + ", 203.0.113.7",
                    "Forwarded", "for=10.8.8." + i).statusCode()).isEqualTo(200);
        }
        thenRefusedButCounted(hub.subscribe("reader3@example.com", "X-Forwarded-For", "10.9.9.99, 203.0.113.7",
                "Forwarded", "for=10.8.8.99"), 429);
        assertThat(hub.subscribe("someone@example.com", "X-Forwarded-For", "198.51.100.1").statusCode())
                .as("another client behind the same proxy").isEqualTo(200);
    }

    private static void thenRefusedButCounted(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(lead(response)).isEqualTo(FAILURE);
    }

    @Test
    void oversizedFormsAreRefused() {
        thenRefused(hub.subscribe("big@example.com" + " ".repeat(5_000)), 413);
        try {
            HttpResponse<String> huge = hub.subscribe("huge@example.com" + " ".repeat(40_000));
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(huge.body()).doesNotContain("Exception");
        } catch (java.io.UncheckedIOException e) {
            // the server answers 413 and closes before the client has sent it all: the client may see only
            // the closed connection. Either way the body is not read.
            assertThat(e.getCause().getMessage()).containsAnyOf("header parser received no bytes", "Broken pipe",
                    "Connection reset");
        }
        assertThat(subscribers()).isZero();
    }

    @Test
    void formsFromOtherSitesAreRefused() {
        thenRefused(hub.subscribe("csrf@example.com", "Origin", "https://evil.example"), 403);
        thenRefused(hub.subscribe("csrf@example.com", "Sec-Fetch-Site", "cross-site"), 403);
        thenRefused(hub.subscribe("csrf@example.com", "Origin", "null"), 403);
        String self = "http://127.0.0.1:" + hub.server.port();
        assertThat(hub.subscribe("same@example.com", "Origin", self).statusCode()).isEqualTo(200);
        assertThat(hub.subscribe("fetch@example.com", "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
        assertThat(subscribers()).isEqualTo(2);
    }

    @Test
    void aConfirmationPostedFromAnotherSiteIsRefused() {
        hub.subscribe("victim@example.com");
        String token = Hub.token(hub.awaitMail(1), "confirm");
        assertThat(hub.post("/newsletter/confirm", form("token", token), "Sec-Fetch-Site", "cross-site").statusCode())
                .isEqualTo(403);
        assertThat(SignupFlowTest.status(hub, "victim@example.com")).isEqualTo(Subscriber.Status.PENDING);
    }

    @Test
    void oneClickUnsubscribeNeedsNoOriginButAValidToken() {
        hub.subscribe("leaver@example.com");
        hub.post("/newsletter/confirm", form("token", Hub.token(hub.awaitMail(1), "confirm")));
        String token = Hub.token(hub.awaitMail(2), "unsubscribe");
        assertThat(hub.post("/newsletter/unsubscribe?token=" + token, form("List-Unsubscribe", "One-Click"),
                "Origin", "https://mail.example", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(200);
        assertThat(SignupFlowTest.status(hub, "leaver@example.com")).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
        assertThat(hub.post("/newsletter/unsubscribe?token=" + "x".repeat(43), form()).statusCode()).isEqualTo(404);
        assertThat(hub.post("/newsletter/unsubscribe?token=short", form()).statusCode()).isEqualTo(404);
        assertThat(hub.get("/newsletter/unsubscribe").statusCode()).isEqualTo(404);
    }

    @Test
    void aConfirmationLinkCannotUnsubscribeNorTheOtherWayRound() {
        hub.subscribe("purpose@example.com");
        String confirm = Hub.token(hub.awaitMail(1), "confirm");
        assertThat(hub.post("/newsletter/unsubscribe?token=" + confirm, form()).statusCode()).isEqualTo(404);
        hub.post("/newsletter/confirm", form("token", confirm));
        String unsubscribe = Hub.token(hub.awaitMail(2), "unsubscribe");
        hub.post("/newsletter/unsubscribe?token=" + unsubscribe, form());
        assertThat(hub.post("/newsletter/confirm", form("token", unsubscribe)).statusCode()).isEqualTo(404);
        assertThat(SignupFlowTest.status(hub, "purpose@example.com")).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
    }

    @Test
    void aSourceThatIsNotOneOfOurPagesIsNotStored() {
        hub.post("/newsletter/subscribe", form("email", "src@example.com", "source", "https://evil.example/x"));
        hub.post("/newsletter/subscribe", form("email", "src2@example.com", "source", "/no/such/page"));
        assertThat(SignupFlowTest.find(hub, "src@example.com").sourcePage()).isEqualTo("/");
        assertThat(SignupFlowTest.find(hub, "src2@example.com").sourcePage()).isEqualTo("/");
    }

    @Test
    void wrongMethodsAreNotAllowed() {
        HttpResponse<String> get = hub.get("/newsletter/subscribe");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("allow")).hasValue("POST");
        assertThat(hub.get("/newsletter/elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void noPlainClientAddressIsStored() throws Exception {
        hub.subscribe("private@example.com");
        String stored = hub.db.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT client_hash FROM subscriber")) {
                r.next();
                return r.getString(1);
            }
        });
        assertThat(stored).hasSize(32).doesNotContain("127.0.0.1");
    }
}
