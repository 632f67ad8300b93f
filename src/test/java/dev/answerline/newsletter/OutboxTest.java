package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.answerline.newsletter.internal.Outbox;
import dev.answerline.store.Database;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Sending never blocks a request, and an email that could not be sent is neither lost nor forgotten. */
class OutboxTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void anEmailThatCouldNotBeSentIsRetriedAfterARestart() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MailSettings nowhere = new MailSettings("127.0.0.1", closedPort, MailSettings.Security.NONE, null, null, null);
        try (Hub down = new Hub(Database.open(dir, null), MAIL, b -> b.mail(nowhere))) {
            long started = System.nanoTime();
            assertThat(down.subscribe("patient@example.com").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the request did not wait for SMTP")
                    .isLessThan(Duration.ofSeconds(5));
            awaitAttempt(down.db);
            assertThat(lastError(down.db)).contains("ConnectException");
        }
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        try (Hub up = new Hub(Database.open(dir, null), MAIL)) {
            assertThat(new Outbox(up.db).waiting()).isEqualTo(1);
            up.clock.advance(Duration.ofSeconds(31));
            String token = Hub.token(up.awaitMail(1), "confirm");
            assertThat(token).isNotBlank();
        }
    }

    @Test
    void anEmailCountsAsStuckOnlyWhileItIsDueAndNoSenderHoldsIt() {
        try (Database db = Database.open(dir, null)) {
            Outbox outbox = new Outbox(db);
            long queued = 1_000_000;
            assertThat(outbox.dueFor(queued)).isZero();
            db.write(c -> {
                outbox.enqueue(c, "late@example.com", "confirmation", "Subject: x\r\n\r\nx".getBytes(), queued);
                return null;
            });
            long later = queued + Duration.ofMinutes(6).toMillis();
            assertThat(outbox.dueFor(later)).isEqualTo(Duration.ofMinutes(6));
            // a sender holds it: not stuck, until its claim runs out
            List<Outbox.Message> claimed = outbox.claimDue(later, 10);
            assertThat(outbox.dueFor(later + 1000)).isZero();
            assertThat(outbox.dueFor(later + Outbox.CLAIM.toMillis() + 1)).isPositive();
            // a renewed claim holds it again; a release gives it back at once
            outbox.extend(List.of(claimed.get(0).id()), later + Outbox.CLAIM.toMillis());
            assertThat(outbox.dueFor(later + Outbox.CLAIM.toMillis() + 1)).isZero();
            outbox.release(List.of(claimed.get(0).id()));
            assertThat(outbox.dueFor(later + 1000)).isPositive();
            // refused by the mail server: waiting for its retry, which is not stuck either
            outbox.failed(claimed.get(0), later + 1000, "451 try again later");
            assertThat(outbox.dueFor(later + 2000)).isZero();
        }
    }

    @Test
    void retriesBackOffFromHalfAMinuteToAnHour() {
        assertThat(Outbox.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Outbox.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Outbox.retryDelay(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Outbox.retryDelay(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(Outbox.retryDelay(8)).isEqualTo(Duration.ofHours(1));
        assertThat(Outbox.retryDelay(40)).isEqualTo(Duration.ofHours(1));
    }

    private static void awaitAttempt(Database db) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> attempts(db) > 0);
        assertThat(attempts(db)).isEqualTo(1);
    }

    private static int attempts(Database db) {
        return db.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT attempts FROM outbox")) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }

    private static String lastError(Database db) {
        return db.read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT last_error FROM outbox")) {
                r.next();
                return r.getString(1);
            }
        });
    }
}
