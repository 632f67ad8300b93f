package dev.answerline.newsletter;

import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.newsletter.internal.Deliveries;
import dev.answerline.newsletter.internal.IssueMessages;
import dev.answerline.newsletter.internal.SmtpSession;
import dev.answerline.store.Database;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sends a newsletter issue to every confirmed subscriber, each exactly once, through one SMTP connection
 * at a limited rate.
 *
 * <pre>{@code
 * IssueSender sender = IssueSender.builder(db, site, MailSettings.fromEnvironment(System.getenv()))
 *         .rate(SendRate.parse(List.of("20/s"))).build();
 * IssueSender.Tally tally = sender.send("2026-06-spring");
 * }</pre>
 *
 * <p>How exactly once holds: the issue is queued as one {@code delivery} row per subscriber (its primary
 * key forbids a second); a sender claims a few rows in a transaction ({@code claimed_until}; on PostgreSQL
 * {@code FOR UPDATE SKIP LOCKED}, so several senders or app nodes share the work), sends each, and marks it
 * sent in its own transaction right after the server accepted it. A sender that dies between the server's
 * acceptance and that mark leaves one message in hand: after its claim expires ({@link Deliveries#CLAIM})
 * it is sent again. At most one message per crash goes twice; none is lost. Those queued who unsubscribe or
 * bounce before their turn are skipped, since their status is read when they are claimed.
 *
 * <p>Not thread-safe: one sender per thread (several may share a database).
 */
public final class IssueSender {
    /** The most deliveries claimed at once, so that a claim is short and other senders find work. */
    private static final int BATCH = 20;
    /**
     * No message is started this close to the end of its claim, so that one that takes the SMTP timeouts
     * (20 s each) is still done before another sender may take the delivery.
     */
    private static final Duration CLAIM_MARGIN = Duration.ofMinutes(1);
    /** How often to look again while other senders hold the rest. */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** Stands for the unsubscribe token in a test copy: recognisably no token, so the link changes nothing. */
    static final String TEST_TOKEN = "test-copy-no-real-unsubscribe-link";

    private final Database db;
    private final Site site;
    private final MailSettings mail;
    private final SendRate rate;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<Tally> progress;
    private final Consumer<String> afterSend;
    private final Deliveries deliveries;
    private volatile boolean stopping;
    private final Object sleepLock = new Object();
    /** The sending thread while it waits, so that {@link #stop()} can wake it; guarded by {@link #sleepLock}. */
    private Thread sleeping;

    /** Waits; tests pass one that moves their clock instead. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Where an issue's deliveries stand.
     *
     * @param left queued: not yet sent, or waiting for a retry
     * @param nextRetryAt when the next retry is due (epoch ms), or -1
     */
    public record Tally(long sent, long failed, long bounced, long skipped, long left, long nextRetryAt) {
        /** Everything the issue was queued for. */
        public long total() {
            return sent + failed + bounced + skipped + left;
        }
    }

    private IssueSender(Builder b) {
        this.db = b.db;
        this.site = b.site;
        this.mail = b.mail;
        this.rate = b.rate;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.progress = b.progress;
        this.afterSend = b.afterSend;
        this.deliveries = new Deliveries(db);
    }

    /**
     * Starts configuring a sender.
     *
     * @param mail the SMTP server; required: an issue is never written to a folder by the thousand
     */
    public static Builder builder(Database db, Site site, MailSettings mail) {
        return new Builder(db, site, mail);
    }

    /**
     * Queues issue {@code slug} for every confirmed subscriber not yet queued for it and delivers everything
     * queued, waiting for retries that are due later; returns when nothing is left to try. Run again after
     * a crash or a stop, it sends only what was not sent.
     *
     * @throws NewsletterException when the issue does not exist, or the SMTP server cannot be reached or
     *     refuses the login or the sender; what was sent stays recorded
     */
    public Tally send(String slug) {
        IssueEmail issue = render(slug);
        refuseEarlyOrBroken(slug);
        IssueMessages messages = messages(issue);
        deliveries.queue(slug, issue.subject(), clock.millis());
        SendRate.Window window = new SendRate.Window(rate);
        try (SmtpSession smtp = new SmtpSession(mail)) {
            while (!stopping) {
                long now = clock.millis();
                int room = window.available(now);
                if (room <= 0) {
                    sleepUntil(window.nextAt(now));
                    continue;
                }
                List<Deliveries.Claimed> batch = deliveries.claim(slug, now, Math.min(room, BATCH));
                if (batch.isEmpty()) {
                    Deliveries.Waiting waiting = deliveries.waiting(slug, now);
                    if (waiting.nextRetryAt() < 0 && waiting.heldElsewhere() == 0) {
                        break;
                    }
                    progress.accept(tally(slug));
                    long until = waiting.heldElsewhere() > 0 || waiting.nextRetryAt() < 0
                            ? now + POLL.toMillis() : waiting.nextRetryAt();
                    if (waiting.nextRetryAt() >= 0) {
                        until = Math.min(until, waiting.nextRetryAt());
                    }
                    sleepUntil(until);
                    continue;
                }
                for (int i = 0; i < batch.size(); i++) {
                    if (stopping) {
                        // the message in hand went out and is recorded; the rest is another sender's at once
                        deliveries.release(slug, batch.subList(i, batch.size()));
                        break;
                    }
                    if (clock.millis() >= batch.get(i).claimedUntil() - CLAIM_MARGIN.toMillis()) {
                        // a slow server used up the claim: what is left may soon be another sender's
                        deliveries.release(slug, batch.subList(i, batch.size()));
                        break;
                    }
                    try {
                        window.take(clock.millis());
                        deliver(slug, smtp, messages, batch.get(i));
                    } catch (RuntimeException e) {
                        // give back what this sender will not send now; the one in hand may have gone out
                        deliveries.release(slug, batch.subList(i + 1, batch.size()));
                        throw e;
                    }
                }
                progress.accept(tally(slug));
            }
        }
        if (!stopping) {
            deliveries.finish(slug, clock.millis());
        }
        Tally tally = tally(slug);
        progress.accept(tally);
        return tally;
    }

    /**
     * Sends one copy of issue {@code slug} to {@code address}, its subject starting with "[Test] ". Records
     * nothing and queues no one; its unsubscribe link is a dummy that unsubscribes nobody.
     */
    public void sendTest(String slug, String address) {
        EmailAddress.Check check = EmailAddress.check(address);
        if (!check.ok()) {
            throw new NewsletterException("--test " + address + " is not an email address: " + check.problem(),
                    "give the address the test copy goes to, e.g. --test you@example.com");
        }
        IssueMessages messages = messages(render(slug));
        try (SmtpSession smtp = new SmtpSession(mail)) {
            SmtpSession.Result result = smtp.send(messages.compose(check.address().value(), TEST_TOKEN, true),
                    new InternetAddress(check.address().value(), true));
            if (result.outcome() != SmtpSession.Outcome.SENT) {
                throw new NewsletterException("the SMTP server did not take the test copy: " + result.error(),
                        "check the address and the SMTP account, then try again");
            }
        } catch (MessagingException e) {
            throw NewsletterException.bug("the test copy could not be composed: " + e.getMessage(), e);
        }
    }

    /** Where issue {@code slug} stands now. */
    public Tally tally(String slug) {
        Deliveries.Counts counts = deliveries.counts(slug);
        long nextRetry = counts.queued() == 0 ? -1 : deliveries.waiting(slug, clock.millis()).nextRetryAt();
        return new Tally(counts.sent(), counts.failed(), counts.bounced(), counts.skipped(), counts.queued(),
                nextRetry > clock.millis() ? nextRetry : -1);
    }

    private void deliver(String slug, SmtpSession smtp, IssueMessages messages, Deliveries.Claimed delivery) {
        MimeMessage message;
        InternetAddress to;
        try {
            message = messages.compose(delivery.email(), delivery.unsubscribeToken(), false);
            to = new InternetAddress(delivery.email(), true);
        } catch (AddressException e) {
            // only well-formed addresses are ever stored; one that is not can never be delivered
            deliveries.bounced(slug, delivery, clock.millis(), "not a valid address: " + e.getMessage());
            return;
        } catch (MessagingException e) {
            throw NewsletterException.bug("the issue could not be composed: " + e.getMessage(), e);
        }
        SmtpSession.Result result = smtp.send(message, to);
        afterSend.accept(delivery.email());
        long now = clock.millis();
        switch (result.outcome()) {
            case SENT -> deliveries.sent(slug, delivery, now);
            case DEFERRED -> deliveries.deferred(slug, delivery, now, result.error());
            case BOUNCED -> deliveries.bounced(slug, delivery, now, result.error());
            case REFUSED -> deliveries.failed(slug, delivery, result.error());
        }
    }

    /**
     * An issue goes to everyone only when its file has no errors (a card left out, a link that goes nowhere)
     * and its {@code send_after} has come; a test copy may go any time, to see it.
     */
    private void refuseEarlyOrBroken(String slug) {
        String file = "newsletters/" + slug + ".md";
        List<String> errors = site.problems().stream().filter(p -> p.isError() && p.file().equals(file))
                .map(Object::toString).toList();
        if (!errors.isEmpty()) {
            throw new NewsletterException(file + " has errors, so it is not sent:\n  " + String.join("\n  ", errors),
                    "fix them (answerline check lists them), then send again");
        }
        java.time.OffsetDateTime after = site.issue(slug).map(dev.answerline.content.NewsletterIssue::sendAfter)
                .orElse(null);
        if (after != null && after.toInstant().toEpochMilli() > clock.millis()) {
            throw new NewsletterException(file + " says send_after: " + after + ", which has not come yet",
                    "send it then, or change send_after; --test sends a copy now");
        }
    }

    /** The issue with its links counted by {@code /r/} on the site, under the key every node shares. */
    private IssueEmail render(String slug) {
        String base = site.config().baseUrl();
        return IssueEmail.render(site, slug, ClickLinks.load(db, base.endsWith("/") ? base.substring(0, base.length() - 1)
                : base));
    }

    private IssueMessages messages(IssueEmail issue) {
        SiteConfig config = site.config();
        String postal = config.newsletter() == null ? null : config.newsletter().postalAddress();
        String base = config.baseUrl().endsWith("/") ? config.baseUrl().substring(0, config.baseUrl().length() - 1)
                : config.baseUrl();
        return new IssueMessages(issue, Newsletter.sender(config, mail.from()), base, postal, clock);
    }

    /**
     * Asks {@link #send} to stop soon, from another thread (serve's or the command's SIGTERM): the message in
     * hand is finished and recorded, the rest of the batch given back, and {@code send} returns the tally
     * with what is left. Running the same send again sends only that.
     */
    public void stop() {
        stopping = true;
        synchronized (sleepLock) {
            if (sleeping != null) {
                sleeping.interrupt();
            }
        }
    }

    /** Whether {@link #stop()} was called. */
    public boolean stopped() {
        return stopping;
    }

    private void sleepUntil(long at) {
        long wait = at - clock.millis();
        if (wait <= 0) {
            return;
        }
        synchronized (sleepLock) {
            if (stopping) {
                return;
            }
            sleeping = Thread.currentThread();
        }
        try {
            sleeper.sleep(Duration.ofMillis(wait));
        } catch (InterruptedException e) {
            if (!stopping) {
                Thread.currentThread().interrupt();
                throw new NewsletterException("sending was interrupted",
                        "run the same command again: it sends only what was not sent", e);
            }
        } finally {
            synchronized (sleepLock) {
                sleeping = null;
            }
            if (stopping) {
                Thread.interrupted(); // a stop's wake-up call must not fail the database calls that follow
            }
        }
    }

    /** The refusal to send without an SMTP server, with the variables to set. */
    public static NewsletterException noSmtpServer() {
        return new NewsletterException("no SMTP server is set, and an issue goes out only through one",
                "set ANSWERLINE_SMTP_HOST (and ANSWERLINE_SMTP_PORT, _SECURITY, _USER, _PASSWORD, _FROM as your mail"
                        + " provider says)");
    }

    /** Configures an {@link IssueSender}. Not thread-safe; {@link #build()} checks the settings. */
    public static final class Builder {
        private final Database db;
        private final Site site;
        private final MailSettings mail;
        private SendRate rate = SendRate.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private Consumer<Tally> progress = t -> { };
        private Consumer<String> afterSend = email -> { };

        private Builder(Database db, Site site, MailSettings mail) {
            this.db = Objects.requireNonNull(db, "db");
            this.site = Objects.requireNonNull(site, "site");
            this.mail = mail;
        }

        /** Messages per second and per hour; default {@link SendRate#DEFAULT}. */
        public Builder rate(SendRate rate) {
            this.rate = Objects.requireNonNull(rate, "rate");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Told where the issue stands after every batch; default nobody. */
        public Builder progress(Consumer<Tally> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** For tests: runs between the server's acceptance of a message and its mark as sent. */
        Builder afterSend(Consumer<String> afterSend) {
            this.afterSend = Objects.requireNonNull(afterSend, "afterSend");
            return this;
        }

        public IssueSender build() {
            if (mail == null) {
                throw noSmtpServer();
            }
            if (site.config().newsletter() == null) {
                throw new NewsletterException("the site has no newsletter block in site.yaml",
                        "add one (see docs/content-format.md) before sending issues");
            }
            return new IssueSender(this);
        }
    }
}
