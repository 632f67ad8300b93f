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
