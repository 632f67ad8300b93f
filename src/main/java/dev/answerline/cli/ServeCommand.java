package dev.answerline.cli;

import dev.answerline.admin.Dashboard;
import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.insights.Insights;
import dev.answerline.logging.Logs;
import dev.answerline.metrics.Metrics;
import dev.answerline.newsletter.Backlog;
import dev.answerline.render.CompressionCache;
import dev.answerline.render.Mode;
import dev.answerline.newsletter.MailSettings;
import dev.answerline.newsletter.ClickLinks;
import dev.answerline.newsletter.Clicks;
import dev.answerline.newsletter.Newsletter;
import dev.answerline.newsletter.SentIssues;
import dev.answerline.newsletter.SignupLog;
import dev.answerline.publish.Publication;
import dev.answerline.publish.Published;
import dev.answerline.render.Snapshot;
import dev.answerline.search.SearchLog;
import dev.answerline.server.Health;
import dev.answerline.server.PageViews;
import dev.answerline.server.RequestLog;
import dev.answerline.server.Requests;
import dev.answerline.server.Server;
import dev.answerline.server.TrustedProxy;
import dev.answerline.store.Database;
import dev.answerline.watch.Preview;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Serves the site from memory: every page rendered once at start.",
            "Newsletter signups go to the database in --data (or --db). Emails go through the SMTP server in"
                    + " ANSWERLINE_SMTP_HOST, _PORT, _SECURITY, _USER, _PASSWORD, _FROM; without one they are"
                    + " written to DIR/outbox and their links printed here."})
final class ServeCommand implements Callable<Integer> {
    /**
     * An email due this long with no sender holding it means no node sends: a sender takes due emails
     * within seconds, and one that vanished gives them back when its claim of {@code Outbox.CLAIM} runs out.
     */
    private static final Duration OUTBOX_STUCK = Duration.ofMinutes(5);

    @Mixin
    private SiteOption site;

    @Mixin
    private StorageOptions storage;

    @Option(names = "--port", defaultValue = "8080", description = "the port to listen on (0: any free port)")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "the address to listen on (0.0.0.0: every interface)")
    private String host;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "where readers reach this server, for links in emails (default: base_url of site.yaml"
                    + " with an SMTP server, this server's own address without one)")
    private String publicUrl;

    @Option(names = "--signup-limit", paramLabel = "N/TIME", defaultValue = "8/10m",
            description = "newsletter signups allowed per client address, e.g. 8/10m, 100/1h; 0 for no limit")
    private String signupLimit;

    @Option(names = "--behind-proxy", description = "take the client address from the header the reverse proxy in"
            + " front appends to (only behind a proxy that sets it, and with this port reachable only from it)")
    private boolean behindProxy;

    @Option(names = "--trusted-hops", paramLabel = "N", defaultValue = "1",
            description = "with --behind-proxy: trusted proxies in a row (a CDN in front of nginx is 2); the client"
                    + " is the N-th address from the right")
    private int proxyHops;

    @Option(names = "--client-header", paramLabel = "NAME", defaultValue = "X-Forwarded-For",
            description = "with --behind-proxy: the header the nearest proxy appends to, X-Forwarded-For or Forwarded;"
                    + " the other one is ignored")
    private String proxyHeader;

    @Option(names = "--watch", description = "for editing: render again what a saved file changes, and reload the"
            + " open pages it changed; a page whose file has errors shows them")
    private boolean watch;

    @Option(names = "--drafts", description = "also show drafts and answers dated in the future (for previews)")
    private boolean drafts;

    @Option(names = "--no-insights", negatable = true, defaultValue = "true",
            description = "count views, visitors, AI reads, shop clicks, signups and searches per page, without"
                    + " cookies (docs/insights.md)")
    private boolean insights;

    // ---- metrics and logs (docs/operations.md)
    @Option(names = "--metrics-port", paramLabel = "N", description = "also serve /metrics (Prometheus' text format)"
            + " on 127.0.0.1:N, without a password: loopback only, for a scraper on this machine. On the main port"
            + " /metrics answers only with the password of " + Dashboard.PASSWORD_VARIABLE)
    private Integer metricsPort;

    @Option(names = "--request-log", description = "log one line per request: method, route kind, path without the"
            + " query, status, milliseconds (never a client address or a query string)")
    private boolean requestLog;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, or json: one JSON object a line (time, level, logger, message, fields) for log"
                    + " shippers")
    void logFormat(String name) {
        Logs.Format format = Logs.Format.named(name);
        if (format == null) {
            throw new ParameterException(spec.commandLine(), "--log-format " + name
                    + " is not a log format — use text (the default) or json");
        }
        // at once, so that the lines logged while the site loads are in it too
        Logs.use(format);
    }
    // ----

    @Spec
    private CommandSpec spec;

    private TrustedProxy proxy() {
        if (!behindProxy) {
            return TrustedProxy.NONE;
        }
        TrustedProxy.Header header = TrustedProxy.Header.named(proxyHeader);
        if (header == null) {
            throw new ParameterException(spec.commandLine(), "--client-header " + proxyHeader
                    + " is not a header a proxy writes the client address into — use X-Forwarded-For or Forwarded");
        }
        if (proxyHops < 1 || proxyHops > 16) {
            throw new ParameterException(spec.commandLine(), "--trusted-hops " + proxyHops
                    + " must be from 1 to 16: the number of proxies in a row in front of this server");
        }
        return new TrustedProxy(proxyHops, header);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Limit limit = Limit.parse(signupLimit, spec);
        TrustedProxy proxy = proxy();
        Publication published = watch ? Preview.open(site.dir(), drafts, out)
                : Published.load(site.dir(), LocalDate.now(), drafts, CompressionCache.in(storage.data().resolve("cache")),
                        Snapshot.in(storage.data()));
        // at once after a load; after the start when the pages came from the last start's snapshot
        java.util.concurrent.atomic.AtomicBoolean siteLoaded = new java.util.concurrent.atomic.AtomicBoolean();
        published.loaded(loaded -> {
            Report.problems(loaded, spec.commandLine().getErr());
            siteLoaded.set(true);
        });
        Server.Builder server = Server.builder(published.pages()).host(host).port(port).trustedProxy(proxy);
        MailSettings mail = MailSettings.fromEnvironment(System.getenv());
        AtomicReference<Server> running = new AtomicReference<>();
        Database db = null;
        Newsletter newsletter = null;
        Insights counting = null;
        Dashboard dashboard = null;
        CountDownLatch closed = new CountDownLatch(1);
        SentIssues sentIssues = null;
        Metrics metrics = null;
        Metrics.Listening metricsListening = null;
        try {
            if (published.config().newsletter() != null || insights) {
                db = storage.open();
                if (watch && db.kind() == Database.Kind.POSTGRESQL) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("serve: --watch is for one editor on one machine, and this one shares " + db.description()
                            + " with the site's other nodes: the signups, counts and sends of this preview go to the live"
                            + " site's database. Edit with --watch on your own machine and the default --data folder"
                            + " (SQLite); the nodes serve without --watch.");
                    err.flush();
                }
            }
            if (insights) {
                counting = Insights.builder(db, published::site).baseUrl(published.config().baseUrl()).build().start();
                server.views(counting).route(Address.of(Kind.API, "event").path(), Insights.LANE, counting::handler);
                // the dashboard reads the insights' database: it is there only when they are counted
                dashboard = Dashboard.builder(db, counting).password(System.getenv(Dashboard.PASSWORD_VARIABLE))
                        .trustedProxy(proxy).siteDir(site.dir()).build();
                server.route(Kind.ADMIN.spec(), Dashboard.LANE, dashboard::handler);
                if (published.mode() == Mode.PREVIEW) {
                    Insights figures = counting;
                    server.route(Address.of(Kind.PREVIEW, "funnel").path(), Insights.LANE, pages -> figures.funnels());
                }
            } else {
                server.route(Address.of(Kind.API, "event").path(), Insights.LANE, pages -> Insights.uncounted());
            }
            AtomicReference<Newsletter> mailing = new AtomicReference<>();
            Health health = Health.of(readiness(db, mailing, siteLoaded));
            server.route(Health.LIVE, Health.LANE, pages -> health).route(Health.READY, Health.LANE, pages -> health);
            // ---- metrics and the request log (docs/operations.md): counted on the way to the insights
            SearchLog searches = counting != null ? counting : SearchLog.NONE;
            SignupLog signups = counting != null ? counting : SignupLog.NONE;
            Requests requests = requestLog ? RequestLog.create() : Requests.NONE;
            // the dashboard's password, hashed once more for /metrics on the main port; null: none set
            java.util.function.Predicate<String> password = Dashboard.passwordCheck(
                    System.getenv(Dashboard.PASSWORD_VARIABLE));
            if (metricsPort != null || password != null) {
                metrics = Metrics.create();
                server.views(metrics.views(counting != null ? counting : PageViews.NONE));
                searches = metrics.searches(searches);
                signups = metrics.signups(signups);
                if (counting != null) {
                    metrics.insights(counting);
                }
                if (published.config().newsletter() != null) {
                    Database store = db;
                    metrics.newsletter(() -> Backlog.read(store, java.time.Clock.systemUTC()));
                }
                requests = Requests.both(metrics.requests(), requests);
                if (password != null) {
                    Metrics scraped = metrics;
                    server.route(Metrics.PATH, Metrics.LANE, pages -> scraped.guarded(password));
                }
                if (metricsPort != null) {
                    metricsListening = metrics.listen(metricsPort);
                    out.println("Metrics at http://127.0.0.1:" + metricsListening.port() + Metrics.PATH
                            + " (this machine only)");
                }
            }
            server.requests(requests);
            // ----
            published.mount(server, searches);
            java.util.Map<String, java.time.Instant> sent = java.util.Map.of();
            if (db != null && published.mode() != Mode.PREVIEW) {
                sent = SentIssues.read(db);
                published.sent(sent);
            }
            if (published.config().newsletter() != null) {
                Supplier<String> links = publicUrl != null ? () -> publicUrl
                        : mail != null ? () -> published.config().baseUrl() : () -> running.get().uri().toString();
                newsletter = Newsletter.builder(db, published::site).mail(mail).outboxDir(storage.data().resolve("outbox"))
                        .publicUrl(links).signupLimit(limit.count(), limit.window())
                        .signups(signups).build();
                mailing.set(newsletter);
                server.subscribers(newsletter::count).route(Kind.NEWSLETTER.spec(), Newsletter.LANE, newsletter::handler);
                // the links of sent issues: /r/{signed id} counts and redirects
                Clicks clicks = new Clicks(db, ClickLinks.load(db, published.config().baseUrl()),
                        java.time.Clock.systemUTC());
                server.route(Kind.REDIRECT.spec(), Clicks.LANE, pages -> clicks.handler());
            }
            published.settled();
            try (Server serving = server.build().start()) {
                running.set(serving);
                // a stop, in this order: the port closes and the requests in flight finish (up to the server's
                // stop timeout); then, below, the sender finishes the message in hand, the counts
                // are written and the database is closed
                Runnable stop = serving::close;
                // on SIGTERM the JVM runs its hooks and halts: this one stops taking requests, then waits for
                // the counts and the database to be closed below, so that the last seconds are not lost
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stop.run();
                    try {
                        closed.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "answerline-shutdown"));
                // SIGTERM (a service manager's stop) and Ctrl+C end serve like a finished command: the server
                // stops, the counts and the database are closed below, and the exit status is 0, not 143
                StopSignals.onStop(() -> new Thread(stop, "answerline-stop").start());
                if (newsletter != null) {
                    newsletter.start();
                }
                published.follow(serving::update);
                if (db != null && published.mode() != Mode.PREVIEW) {
                    // issues sent by `newsletter send` while this runs are published within seconds
                    sentIssues = SentIssues.follow(db, sent, SentIssues.POLL, published::sent);
                }
                out.println(published.describe());
                out.printf("Serving %s (%d pages, ready in %d ms) at %s%n", published.config().title(),
                        published.pages().size(), (System.nanoTime() - started) / 1_000_000, serving.uri());
                if (dashboard != null) {
                    out.println(dashboard.hasPassword() ? "Dashboard at " + serving.uri().resolve(Kind.ADMIN.spec()
                            .replace("*", "")) : "Dashboard off: start with " + Dashboard.PASSWORD_VARIABLE
                            + "=... to see the insights at /admin/ (docs/dashboard.md)");
                }
                out.println("Press Ctrl+C to stop.");
                out.flush();
                serving.join();
            }
        } finally {
            // ---- metrics
            if (metricsListening != null) {
                metricsListening.close();
            }
            if (metrics != null) {
                metrics.close();
            }
            // ----
            if (sentIssues != null) {
                sentIssues.close();
            }
            published.close();
            if (newsletter != null) {
                newsletter.close();
            }
            if (counting != null) {
                counting.close();
            }
            if (db != null) {
                db.close();
            }
            closed.countDown();
        }
        return Main.OK;
    }

    /**
     * What /readyz checks: the site has loaded (after a start from the page snapshot the pages are served at
     * once, and searches and signups wait for it), the database answers, and no email has been due for long
     * without a sender (every node's sender is gone). A stopping serve needs no check: its port is closed, and
     * open connections get 503.
     */
    private static List<Health.Check> readiness(Database db, AtomicReference<Newsletter> mailing,
            java.util.concurrent.atomic.AtomicBoolean siteLoaded) {
        List<Health.Check> checks = new java.util.ArrayList<>();
        checks.add(new Health.Check("site", () -> siteLoaded.get() ? null
                : "still loading after a start from the page snapshot: pages are served, searches and signups wait"));
        if (db != null) {
            checks.add(new Health.Check("database", () -> {
                try {
                    return db.read(c -> c.isValid(2)) ? null : "not reachable";
                } catch (RuntimeException e) {
                    return "not reachable";
                }
            }));
            checks.add(new Health.Check("outbox", () -> {
                Newsletter newsletter = mailing.get();
                if (newsletter == null) {
                    return null;
                }
                try {
                    Duration due = newsletter.outboxDueFor();
                    return due.compareTo(OUTBOX_STUCK) < 0 ? null : "an email has been due for " + due.toSeconds()
                            + " s and no sender took it: check that serve's sender runs on some node";
                } catch (RuntimeException e) {
                    return null; // the database check says it
                }
            }));
        }
        return checks;
    }

    /** A count per time window, written like {@code 8/10m}. */
    record Limit(int count, Duration window) {
        static Limit parse(String text, CommandSpec spec) {
            if (text.equals("0")) {
                return new Limit(0, Duration.ofMinutes(1));
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})/(\\d{1,5})([smh])").matcher(text);
            if (!m.matches()) {
                throw new ParameterException(spec.commandLine(), "--signup-limit " + text
                        + " is not a limit — write it as count/time, e.g. 8/10m, 30/1h, or 0 for none");
            }
            long amount = Long.parseLong(m.group(2));
            Duration window = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            return new Limit(Integer.parseInt(m.group(1)), window.isZero() ? Duration.ofSeconds(1) : window);
        }
    }
}
