package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.answerline.MutableClock;
import dev.answerline.content.Site;
import dev.answerline.newsletter.internal.Deliveries;
import dev.answerline.newsletter.internal.Outbox;
import dev.answerline.newsletter.internal.Subscribers;
import dev.answerline.newsletter.internal.Tokens;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An issue reaches every confirmed subscriber exactly once, whatever stops or runs twice, on both databases. */
class IssueExactlyOnceTest {
    private static final int READERS = 1000;

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aThousandSubscribersGetOneMessageEachWithTheirOwnUnsubscribeLink(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(db, READERS);
            Issues.subscribers(db, "pending", 3, "pending");
            Issues.subscribers(db, "gone", 3, "unsubscribed");

            IssueSender.Tally tally = Issues.sender(db, site, port(), clock).build().send(Issues.SLUG);

            assertThat(tally).isEqualTo(new IssueSender.Tally(READERS, 0, 0, 0, 0, -1));
            MimeMessage[] received = MAIL.getReceivedMessages();
            assertThat(recipients(received)).hasSize(READERS).allSatisfy((to, n) -> assertThat(n).isEqualTo(1));
            Map<String, String> hashes = Issues.unsubscribeHashes(db);
            for (MimeMessage message : received) {
                String to = message.getAllRecipients()[0].toString();
                // each link unsubscribes its own recipient and no one else
                assertThat(hashes.get(Tokens.hash(Issues.unsubscribeToken(message)))).isEqualTo(to);
            }
            MimeMessage first = received[0];
            assertThat(first.getSubject()).isEqualTo("Spring rolling");
            assertThat(first.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            assertThat(first.getHeader("Precedence")).containsExactly("bulk");
            assertThat(first.getHeader("Message-ID")[0]).endsWith("@testroll.example>");
            assertThat(first.getSentDate()).isNotNull();
            assertThat(first.getFrom()[0].toString()).isEqualTo("Testroll Letters <letters@testroll.example>");
            String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(first);
            assertThat(body).contains(Issues.POSTAL).contains("newsletter/unsubscribe?token=" + Issues.unsubscribeToken(first))
                    .doesNotContain(IssueEmail.UNSUBSCRIBE_URL);

            String token = Issues.unsubscribeToken(received[7]);
            assertThat(new Subscribers(db, new Outbox(db), Clock.systemUTC()).unsubscribe(token))
                    .isEqualTo(Subscribers.Unsubscription.UNSUBSCRIBED);
            assertThat(new Subscribers(db, new Outbox(db), Clock.systemUTC())
                    .find(received[7].getAllRecipients()[0].toString()).status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);

            // sent is sent: running again sends nothing
            assertThat(Issues.sender(db, site, port(), clock).build().send(Issues.SLUG).sent()).isEqualTo(READERS);
            assertThat(MAIL.getReceivedMessages()).hasSize(READERS);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aSenderKilledBetweenSendAndMarkResendsAtMostTheOneMessageInHand(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(db, 200);
            AtomicInteger accepted = new AtomicInteger();
            IssueSender doomed = Issues.sender(db, site, port(), clock).afterSend(email -> {
                if (accepted.incrementAndGet() == 77) {
                    throw new Killed(); // the server has the 77th; the database never hears of it
                }
            }).build();
            assertThatThrownBy(() -> doomed.send(Issues.SLUG)).isInstanceOf(Killed.class);
            assertThat(MAIL.getReceivedMessages()).hasSize(77);

            // the next run waits out the dead sender's claim, then sends the rest
            IssueSender.Tally tally = Issues.sender(db, site, port(), clock).build().send(Issues.SLUG);

            assertThat(tally.sent()).isEqualTo(200);
            Map<String, Long> counts = recipients(MAIL.getReceivedMessages());
            assertThat(counts).hasSize(200);
            assertThat(counts.values().stream().filter(n -> n > 1).toList()).as("sent twice").containsExactly(2L);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aSenderStalledPastItsClaimLeavesTheRestOfItsBatchToTheSenderThatTookIt(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(db, 50);
            AtomicInteger accepted = new AtomicInteger();
            IssueSender stalled = Issues.sender(db, site, port(), clock).afterSend(email -> {
                if (accepted.incrementAndGet() == 1) {
                    // the server took three minutes: the claim expired, and another sender does the rest
                    clock.advance(Deliveries.CLAIM.plusMinutes(1));
                    Issues.sender(db, site, port(), clock).build().send(Issues.SLUG);
                }
            }).build();

            stalled.send(Issues.SLUG);

            Map<String, Long> counts = recipients(MAIL.getReceivedMessages());
            assertThat(counts).hasSize(50);
            // the message in the stalled sender's hand when its claim expired is the one that may go twice
            assertThat(counts.values().stream().filter(n -> n > 1).count()).as("sent twice").isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void twoSendersOnOneDatabaseNeverBothSendToOnePerson(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(db, READERS);
            AtomicInteger[] sentBy = {new AtomicInteger(), new AtomicInteger()};
            List<CompletableFuture<IssueSender.Tally>> senders = List.of(0, 1).stream()
                    .map(n -> CompletableFuture.supplyAsync(() -> IssueSender.builder(db, site, Issues.smtp(port()))
                            .rate(new SendRate(100_000, 10_000_000)).afterSend(e -> sentBy[n].incrementAndGet())
                            .build().send(Issues.SLUG)))
                    .toList();
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).get();

            assertThat(recipients(MAIL.getReceivedMessages())).hasSize(READERS)
                    .allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
            assertThat(sentBy[0].get() + sentBy[1].get()).isEqualTo(READERS);
            assertThat(sentBy[0].get()).as("both senders worked").isPositive();
            assertThat(sentBy[1].get()).as("both senders worked").isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void whoUnsubscribesWhileTheIssueGoesOutGetsNothingMore(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(db, 100);
            String late = "reader99@example.com";
            String token = Issues.unsubscribeToken(db, late);
            AtomicInteger sent = new AtomicInteger();
            Issues.sender(db, site, port(), clock).afterSend(email -> {
                if (sent.incrementAndGet() == 10) {
                    new Subscribers(db, new Outbox(db), clock).unsubscribe(token);
                }
            }).build().send(Issues.SLUG);

            assertThat(recipients(MAIL.getReceivedMessages())).hasSize(99).doesNotContainKey(late);
            assertThat(Issues.deliveryStatus(db, late)).isEqualTo("skipped");
        }
    }

    @org.junit.jupiter.api.Test
    void theOneClickUnsubscribeOfAnIssueWorksAsAMailProgramPostsIt() throws Exception {
        try (Hub hub = new Hub(Database.open(dir, null), MAIL, b -> { })) {
            Site site = Issues.load(Issues.site(dir));
            Issues.confirmed(hub.db, 3);
            Issues.sender(hub.db, site, port(), clock).build().send(Issues.SLUG);
            MimeMessage message = MAIL.getReceivedMessages()[1];
            String to = message.getAllRecipients()[0].toString();

            // RFC 8058: a POST of this body to the header's link, with no cookie and no Origin
            var response = hub.post("/newsletter/unsubscribe?token=" + Issues.unsubscribeToken(message),
                    Hub.form("List-Unsubscribe", "One-Click"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new Subscribers(hub.db, new Outbox(hub.db), clock).find(to).status())
                    .isEqualTo(Subscriber.Status.UNSUBSCRIBED);
            assertThat(new Subscribers(hub.db, new Outbox(hub.db), clock).countConfirmed()).isEqualTo(2);
        }
    }

    private static Map<String, Long> recipients(MimeMessage[] messages) {
        return java.util.Arrays.stream(messages).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static int port() {
        return MAIL.getSmtp().getPort();
    }

    /** Stands for SIGKILL at the worst moment: an Error, which nothing in the sender catches. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }
}
