package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.MutableClock;
import dev.answerline.content.Site;
import dev.answerline.newsletter.internal.Deliveries;
import dev.answerline.newsletter.internal.Outbox;
import dev.answerline.newsletter.internal.Subscribers;
import dev.answerline.store.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sender does with each kind of SMTP answer, the rate it keeps, and test copies. */
class SmtpAnswersTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @Test
    void a550BouncesTheAddressForGoodAndA451IsRetriedUntilItGoesThrough() throws Exception {
        try (Database db = Database.open(dir, null); FakeSmtp smtp = new FakeSmtp((address, n) -> switch (address) {
            case "gone0@example.com" -> "550 5.1.1 no such user";
            case "busy0@example.com" -> n == 1 ? "451 4.7.1 greylisted, try again later" : "250 OK";
            case "never0@example.com" -> "452 4.2.2 mailbox full";
            default -> "250 OK";
        })) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(db, 3);
            for (String who : List.of("gone", "busy", "never")) {
                Issues.subscribers(db, who, 1, "confirmed");
            }
            long started = clock.millis();

            IssueSender.Tally tally = Issues.sender(db, site, smtp.port(), clock).build().send(Issues.SLUG);

            assertThat(tally).isEqualTo(new IssueSender.Tally(4, 1, 1, 0, 0, -1));
            assertThat(smtp.delivered).flatExtracting(FakeSmtp.Delivered::to).containsExactlyInAnyOrder(
                    "reader0@example.com", "reader1@example.com", "reader2@example.com", "busy0@example.com");
            assertThat(smtp.tries("gone0@example.com")).as("a 5xx is never tried again").isEqualTo(1);
            assertThat(smtp.tries("busy0@example.com")).isEqualTo(2);
            // 1 min, 5, 30, 2 h: then it is given up
            assertThat(smtp.tries("never0@example.com")).isEqualTo(Deliveries.RETRIES.size() + 1);
            assertThat(clock.millis() - started).isGreaterThanOrEqualTo(Duration.ofMinutes(156).toMillis());
            assertThat(smtp.connections.get()).as("one connection for all").isEqualTo(1);

            Subscriber gone = new Subscribers(db, new Outbox(db), clock).find("gone0@example.com");
            assertThat(gone.status()).isEqualTo(Subscriber.Status.BOUNCED);
            assertThat(bouncedAt(db, "gone0@example.com")).isBetween(started, clock.millis());
            assertThat(Issues.deliveryStatus(db, "gone0@example.com")).isEqualTo("bounced");
            assertThat(Issues.deliveryStatus(db, "never0@example.com")).isEqualTo("failed");
            StringBuilder csv = new StringBuilder();
            Newsletter.export(db, Subscriber.Status.BOUNCED, csv);
            assertThat(csv).contains("gone0@example.com,bounced,");

            // nor a confirmation email when someone signs it up again
            dev.answerline.newsletter.internal.Tokens.Token token = dev.answerline.newsletter.internal.Tokens.create();
            assertThat(new Subscribers(db, new Outbox(db), clock).signUp(new EmailAddress("gone0@example.com"), "/",
                    "Tips", null, token, new byte[0])).isEqualTo(Subscribers.Signup.ADDRESS_BOUNCED);
            assertThat(new Outbox(db).waiting()).isZero();

            // a bounced address gets nothing, also from the next run and the next issue
            Issues.sender(db, site, smtp.port(), clock).build().send(Issues.SLUG);
            assertThat(smtp.tries("gone0@example.com")).isEqualTo(1);
            // (a full mailbox is not a bounce: that reader stays confirmed)
            assertThat(new Deliveries(db).queue("next-issue", "Next", clock.millis())).isEqualTo(5);
        }
    }

    @Test
    void aDroppedConnectionIsOpenedAgainAndTheMessageInHandRetried() throws Exception {
        try (Database db = Database.open(dir, null); FakeSmtp smtp = new FakeSmtp((address, n) ->
                address.equals("reader3@example.com") && n == 1 ? FakeSmtp.DROP : "250 OK")) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(db, 6);

            IssueSender.Tally tally = Issues.sender(db, site, smtp.port(), clock).build().send(Issues.SLUG);

            assertThat(tally.sent()).isEqualTo(6);
            assertThat(smtp.delivered).hasSize(6);
            assertThat(smtp.tries("reader3@example.com")).isEqualTo(2);
            assertThat(smtp.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void theRateLimitHoldsPerSecondAndPerHour() throws Exception {
        try (Database db = Database.open(dir, null); FakeSmtp smtp = new FakeSmtp((address, n) -> "250 OK")) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(db, 25);
            List<Long> times = new ArrayList<>();

            Issues.sender(db, site, smtp.port(), clock).rate(new SendRate(3, 20))
                    .afterSend(email -> times.add(clock.millis())).build().send(Issues.SLUG);

            assertThat(times).hasSize(25);
            for (int i = 0; i + 3 < times.size(); i++) {
                assertThat(times.get(i + 3) - times.get(i)).as("4 messages in a second").isGreaterThanOrEqualTo(1000);
            }
            assertThat(times.get(20) - times.get(0)).as("21 messages in an hour").isGreaterThanOrEqualTo(3_600_000);
            assertThat(times.get(19) - times.get(0)).as("no needless waiting").isLessThan(10_000);
        }
    }

    @Test
    void ratesAreReadAsPerSecondOrPerHour() {
        assertThat(SendRate.parse(List.of())).isEqualTo(new SendRate(5, 1000));
        assertThat(SendRate.parse(List.of("20/s"))).isEqualTo(new SendRate(20, 72_000));
        assertThat(SendRate.parse(List.of("500/h"))).isEqualTo(new SendRate(5, 500));
        assertThat(SendRate.parse(List.of("2/h"))).isEqualTo(new SendRate(2, 2));
        assertThat(SendRate.parse(List.of("20/s", "500/h"))).isEqualTo(new SendRate(20, 500));
        assertThat(SendRate.parse(List.of(" 1000000 / S "))).isEqualTo(new SendRate(1_000_000, Integer.MAX_VALUE));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SendRate.parse(List.of("20/s", "fast")))
                .isInstanceOf(NewsletterException.class).hasMessageContaining("--rate fast is not a send rate")
                .hasMessageContaining("--rate 20/s");
    }

    @Test
    void aTestCopyGoesToOneAddressMarkedAsATestAndRecordsNothing() throws Exception {
        try (Database db = Database.open(dir, null); FakeSmtp smtp = new FakeSmtp((address, n) -> "250 OK")) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(db, 5);

            Issues.sender(db, site, smtp.port(), clock).build().sendTest(Issues.SLUG, "editor@testroll.example");

            assertThat(smtp.delivered).singleElement().satisfies(d -> {
                assertThat(d.to()).containsExactly("editor@testroll.example");
                assertThat(d.data()).contains("Subject: [Test] Spring rolling").contains("List-Unsubscribe:");
            });
            assertThat(count(db, "SELECT COUNT(*) FROM delivery") + count(db, "SELECT COUNT(*) FROM newsletter_issue"))
                    .isZero();
        }
    }

    @Test
    void anIssueWithErrorsOrBeforeItsSendAfterGoesToNobodyButATestCopyMay() throws Exception {
        try (Database db = Database.open(dir, null); FakeSmtp smtp = new FakeSmtp((address, n) -> "250 OK")) {
            Path siteDir = Issues.site(dir);
            Path issue = siteDir.resolve("newsletters").resolve(Issues.SLUG + ".md");
            java.time.OffsetDateTime later = clock.instant().plus(java.time.Duration.ofDays(2))
                    .atOffset(java.time.ZoneOffset.UTC).withNano(0);
            java.nio.file.Files.writeString(issue, "---\nsubject: Spring rolling\nsend_after: " + later
                    + "\n---\nThree stretches for spring.\n");
            Issues.confirmed(db, 3);
            IssueSender early = Issues.sender(db, Issues.load(siteDir), smtp.port(), clock).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> early.send(Issues.SLUG))
                    .isInstanceOf(NewsletterException.class).hasMessageContaining("send_after")
                    .hasMessageContaining("has not come yet");
            early.sendTest(Issues.SLUG, "editor@testroll.example");
            assertThat(smtp.delivered).hasSize(1);

            java.nio.file.Files.writeString(issue, "---\nsubject: Spring rolling\n---\n{{< answer no-such-answer >}}\n");
            IssueSender broken = Issues.sender(db, Issues.load(siteDir), smtp.port(), clock).build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> broken.send(Issues.SLUG))
                    .isInstanceOf(NewsletterException.class).hasMessageContaining("has errors, so it is not sent")
                    .hasMessageContaining("newsletters/" + Issues.SLUG + ".md:4");
            assertThat(smtp.delivered).hasSize(1);
            assertThat(count(db, "SELECT COUNT(*) FROM delivery")).isZero();
        }
    }

    private static long bouncedAt(Database db, String email) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT bounced_at FROM subscriber WHERE email = ?")) {
                select.setString(1, email);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
