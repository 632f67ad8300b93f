package dev.answerline.newsletter;

import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.newsletter.internal.Emails;
import dev.answerline.newsletter.internal.FileMailer;
import dev.answerline.newsletter.internal.Mailer;
import dev.answerline.newsletter.internal.Outbox;
import dev.answerline.newsletter.internal.OutboxWorker;
import dev.answerline.server.RateLimiter;
import dev.answerline.newsletter.internal.SmtpMailer;
import dev.answerline.newsletter.internal.Subscribers;
import dev.answerline.newsletter.internal.Tokens;
import dev.answerline.render.Pages;
import dev.answerline.render.Templates;
import dev.answerline.server.Lane;
import dev.answerline.store.Database;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newsletter signup with double opt-in: its routes under {@code /newsletter/}, its subscribers in the
 * {@link Database}, its emails through a durable outbox, and the live count of confirmed subscribers.
 *
 * <pre>{@code
 * Newsletter newsletter = Newsletter.builder(database, () -> site).publicUrl(() -> "https://answers.example")
 *         .mail(MailSettings.fromEnvironment(System.getenv())).build();
 * newsletter.start();
 * server.route("/newsletter/*", Newsletter.LANE, newsletter::handler);
 * }</pre>
 *
 * <p>Thread-safe once built.
 */
public final class Newsletter implements AutoCloseable {
    /**
     * The threads the newsletter's routes run on. A signup waits on the database's commit rather than the
     * CPU, and the database pool (at most 10 connections) is the real limit: a few more threads than that
     * keep it busy, and a long queue absorbs a burst.
     */
    public static final Lane LANE = Lane.of("newsletter", 12, 256);
    private static final Logger LOG = LoggerFactory.getLogger("newsletter");
    /**
     * How often the confirmed subscribers are counted again: the figure on every page, the same on every
     * node of one PostgreSQL within this long. One indexed count every few seconds costs next to nothing.
     */
    private static final Duration COUNT_REFRESH = Duration.ofSeconds(3);

    private final Database db;
    private final Supplier<Site> site;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final Subscribers subscribers;
    private final Outbox outbox;
    private final Emails emails;
    private final Mailer mailer;
    private final OutboxWorker worker;
    private final RateLimiter signupLimit;
    private final Duration minFillTime;
    private final ClientHashes clientHashes;
    private final ScheduledExecutorService counter;
    /** ANSWERLINE_SMTP_FROM, which wins over site.yaml: the SMTP account may only send as itself. */
    private final String senderFrom;
    private final SignupLog signups;
    private volatile long count;

    private Newsletter(Builder b) {
        this.db = b.db;
        this.site = b.site;
        this.publicUrl = b.publicUrl;
        this.clock = b.clock;
        this.outbox = new Outbox(db);
        this.subscribers = new Subscribers(db, outbox, clock);
        this.emails = new Emails(clock);
        this.mailer = b.mail != null ? new SmtpMailer(b.mail) : new FileMailer(b.outboxDir, b.console, clock);
        this.worker = new OutboxWorker(outbox, mailer, clock, b.poll);
        this.clientHashes = ClientHashes.load(db);
        // one node on SQLite keeps the limit in memory, as cheap as it gets; nodes on one PostgreSQL share it
        this.signupLimit = db.kind() == Database.Kind.POSTGRESQL
                ? new SharedWindows(db, "signup", b.signupLimit, b.signupWindow, clock, clientHashes)
                : RateLimiter.inMemory(b.signupLimit, b.signupWindow, clock);
        this.minFillTime = b.minFillTime;
        this.counter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "answerline-subscriber-count");
            thread.setDaemon(true);
            return thread;
        });
        this.senderFrom = b.mail == null ? null : b.mail.from();
        this.signups = b.signups;
        this.count = subscribers.countConfirmed();
    }

    /**
     * Starts configuring the newsletter of a site.
     *
     * @param site the current site, read at every request (texts, brand, page titles)
     */
    public static Builder builder(Database db, Supplier<Site> site) {
        return new Builder(db, site);
    }

    /** Starts the sender thread and the periodic refresh of the subscriber count. */
    public void start() {
        worker.start();
        counter.scheduleWithFixedDelay(this::refreshCount, COUNT_REFRESH.toMillis(), COUNT_REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("{}; subscribers in {}", mailer.describe(), db.description());
    }

    /** The routes under {@code /newsletter/}; {@code pages} gives the current pages for the reader's frame. */
    public Handler handler(Supplier<Pages> pages) {
        return new Routes(this, pages, signupLimit, minFillTime);
    }

    /** Confirmed subscribers, as last counted: a few seconds old at most, and current after a local change. */
    public long count() {
        return count;
    }

    /**
     * How long the longest-waiting email has been due with no sender holding it: zero or a few seconds while
     * a sender runs on some node; growing only when none does. Emails waiting for a retry do not count.
     */
    public Duration outboxDueFor() {
        return outbox.dueFor(clock.millis());
    }

    /** Writes subscribers (all when {@code status} is null) as CSV. */
    public static void export(Database db, Subscriber.Status status, Appendable out) {
        SubscriberCsv csv = new SubscriberCsv(out);
        csv.header();
        new Subscribers(db, new Outbox(db), Clock.systemUTC()).forEach(status, csv::row);
    }

    /**
     * Imports subscribers from CSV: a file from {@code subscribers export} is restored as it was; a list
     * from another tool is imported with {@code source} in each consent record, those marked confirmed or
     * subscribed as confirmed and the rest as pending (who get no mail until they confirm). No email is
     * sent. An existing subscriber only ever leaves pending: unsubscribed stays unsubscribed. Bad rows are
     * reported with their line and left out; importing the same file twice changes nothing.
     *
     * @throws NewsletterException when the file is not CSV or has no email column
     */
    public static ImportReport importCsv(Database db, java.io.Reader csv, String source) {
        return SubscriberImport.read(db, csv, source, System.currentTimeMillis());
    }

    /** Confirmed subscribers, counted now. */
    public static long countConfirmed(Database db) {
        return new Subscribers(db, new Outbox(db), Clock.systemUTC()).countConfirmed();
    }

    /** The outcome of a signup the reader is told about; {@code problem} says why it was refused. */
    record Signup(boolean accepted, String problem) {}

    Signup subscribe(String input, String sourcePage, String clientAddress) {
        EmailAddress.Check check = EmailAddress.check(input);
        if (!check.ok()) {
            return new Signup(false, "the address is not valid: " + check.problem());
        }
        EmailAddress email = check.address();
        SiteConfig.Newsletter texts = texts();
        for (String blocked : texts.blockedDomains()) {
            if (email.isIn(blocked)) {
                return new Signup(false, "the domain " + email.domain() + " is blocked in site.yaml");
            }
        }
        Site current = site.get();
        String title = current.titleOf(sourcePage).orElse(current.config().title());
        Tokens.Token token = Tokens.create();
        byte[] confirmation = emails.confirmation(letterhead(), email, token.value(), title);
        Subscribers.Signup outcome = subscribers.signUp(email, sourcePage, consentText(texts),
                clientHashes.of(clientAddress), token, confirmation);
        if (outcome == Subscribers.Signup.CONFIRMATION_QUEUED) {
            worker.wake();
            signups.signedUp(sourcePage);
        }
        LOG.info("signup from {} on {}: {}", email.masked(), sourcePage, outcome.name().toLowerCase().replace('_', ' '));
        return new Signup(true, null);
    }

    /** The address a confirmation link would confirm, or null. */
    String confirmable(String token) {
        return subscribers.confirmable(token);
    }

    Subscribers.Confirmation confirm(String token) {
        Emails.Letterhead letterhead = letterhead();
        String pitch = texts().pitch().replaceAll("[*_`]", "");
        Subscribers.Confirmation outcome = subscribers.confirm(token,
                (to, unsubscribe) -> emails.welcome(letterhead, to, unsubscribe, pitch), signups::confirmed);
        if (outcome == Subscribers.Confirmation.CONFIRMED) {
            worker.wake();
            refreshCount();
        }
        return outcome;
    }

    boolean unsubscribable(String token) {
        return subscribers.unsubscribable(token);
    }

    Subscribers.Unsubscription unsubscribe(String token) {
        Subscribers.Unsubscription outcome = subscribers.unsubscribe(token);
        if (outcome == Subscribers.Unsubscription.UNSUBSCRIBED) {
            refreshCount();
        }
        return outcome;
    }

    /** The site's newsletter texts; only routed when the site has a newsletter block. */
    SiteConfig.Newsletter texts() {
        SiteConfig.Newsletter texts = site.get().config().newsletter();
        if (texts == null) {
            // the routes are mounted only for a site with a newsletter, and a reload keeps them
            throw new NewsletterException("the site has no newsletter in site.yaml",
                    "put the newsletter block back in site.yaml, or restart serve without it");
        }
        return texts;
    }

    String brand() {
        return site.get().config().brand();
    }

    /** The site's texts, in its language. */
    dev.answerline.language.Labels labels() {
        return site.get().config().labels();
    }

    /** What the reader agreed to: the form's words as they were shown. */
    static String consentText(SiteConfig.Newsletter texts) {
        String pitch = texts.pitch().replaceAll("[*_`]", "");
        return texts.heading() + " — " + pitch + " " + texts.promise();
    }

    private Emails.Letterhead letterhead() {
        SiteConfig config = site.get().config();
        return new Emails.Letterhead(config.brand(), sender(config, senderFrom), trimSlash(publicUrl.get()),
                config.labels(), Templates.of(site.get().templates()));
    }

    /**
     * Who newsletter emails come from: ANSWERLINE_SMTP_FROM ({@code smtpFrom}), else site.yaml's
     * {@code newsletter.from}, else the brand at {@code newsletter@} the site's host; named as the brand
     * when the address has no name.
     */
    static InternetAddress sender(SiteConfig config, String smtpFrom) {
        String from = smtpFrom != null ? smtpFrom : config.newsletter() == null ? null : config.newsletter().from();
        if (from == null) {
            from = config.brand() + " <newsletter@" + URI.create(config.baseUrl()).getHost() + ">";
        }
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getPersonal() == null) {
                address.setPersonal(config.brand(), "UTF-8");
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new NewsletterException("the sender address " + from + " is not valid", "set newsletter.from in"
                    + " site.yaml or ANSWERLINE_SMTP_FROM to e.g. `Brand <hello@example.com>`", e);
        }
    }

    private void refreshCount() {
        try {
            count = subscribers.countConfirmed();
        } catch (RuntimeException e) {
            LOG.warn("the subscriber count could not be refreshed: {}", e.getMessage());
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        counter.shutdownNow();
        worker.close();
    }

    /** Configures a {@link Newsletter}. Not thread-safe; {@link #build()} checks the settings. */
    public static final class Builder {
        private final Database db;
        private final Supplier<Site> site;
        private Supplier<String> publicUrl;
        private MailSettings mail;
        private Path outboxDir = Path.of("data", "outbox");
        private PrintStream console = System.out;
        private int signupLimit = 8;
        private Duration signupWindow = Duration.ofMinutes(10);
        private Duration minFillTime = Duration.ofMillis(1500);
        private Duration poll = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private SignupLog signups = SignupLog.NONE;

        private Builder(Database db, Supplier<Site> site) {
            this.db = Objects.requireNonNull(db, "db");
            this.site = Objects.requireNonNull(site, "site");
        }

        /** Who is told of signups and confirmations, with their page; default nobody. */
        public Builder signups(SignupLog signups) {
            this.signups = Objects.requireNonNull(signups, "signups");
            return this;
        }

        /** Where links in emails lead; default the site's {@code base_url}. */
        public Builder publicUrl(Supplier<String> publicUrl) {
            this.publicUrl = publicUrl;
            return this;
        }

        /** The SMTP server; null (the default) writes emails to {@link #outboxDir} instead. */
        public Builder mail(MailSettings mail) {
            this.mail = mail;
            return this;
        }

        /** Where emails go as .eml files when no SMTP server is set; default {@code data/outbox}. */
        public Builder outboxDir(Path outboxDir) {
            this.outboxDir = outboxDir;
            return this;
        }

        /** Where the links of .eml emails are printed; default standard output. */
        public Builder console(PrintStream console) {
            this.console = console;
            return this;
        }

        /** Signups allowed per client address and window; default 8 per 10 minutes, 0 for no limit. */
        public Builder signupLimit(int limit, Duration window) {
            this.signupLimit = limit;
            this.signupWindow = window;
            return this;
        }

        /**
         * Forms sent by script sooner than this after the page loaded are refused; default 1.5 s.
         * {@link Duration#ZERO} turns the check off, e.g. for browser tests that fill forms at once.
         */
        public Builder minFillTime(Duration minFillTime) {
            this.minFillTime = minFillTime;
            return this;
        }

        /** How often the sender looks for retries and other nodes' messages; default 5 s. */
        public Builder poll(Duration poll) {
            this.poll = poll;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Newsletter build() {
            if (signupLimit < 0 || signupWindow.isNegative() || signupWindow.isZero()) {
                throw new IllegalArgumentException("the signup limit needs a count of 0 or more and a positive window");
            }
            if (publicUrl == null) {
                publicUrl = () -> site.get().config().baseUrl();
            }
            return new Newsletter(this);
        }
    }
}
