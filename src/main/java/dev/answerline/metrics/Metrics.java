package dev.answerline.metrics;

import dev.answerline.content.Address;
import dev.answerline.insights.Insights;
import dev.answerline.metrics.internal.Guarded;
import dev.answerline.metrics.internal.Port;
import dev.answerline.newsletter.Backlog;
import dev.answerline.newsletter.SignupLog;
import dev.answerline.search.SearchLog;
import dev.answerline.server.Lane;
import dev.answerline.server.PageViews;
import dev.answerline.server.Requests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s counters, in Prometheus' text format: requests by route kind and status with their latency,
 * pages served, searches, signups and confirmations, the outbox and the issues being sent, the insights'
 * events, the JVM, and Jetty's connections and threads. docs/operations.md lists every name.
 *
 * <pre>{@code
 * Metrics metrics = Metrics.create();
 * Server.builder(pages).requests(metrics.requests()).views(metrics.views(insights)).build().start();
 * server.route(Metrics.PATH, Metrics.LANE, pages -> metrics.guarded(Dashboard.passwordCheck(password)));
 * try (Metrics.Listening port = metrics.listen(9464)) { ... }   // loopback only
 * }</pre>
 *
 * <p>Labels are bounded: a route is the {@link dev.answerline.content.Address.Kind kind} of its path, never the
 * path. What the database knows (outbox, issues being sent) is read at each scrape, never in between.
 * Thread-safe.
 */
public final class Metrics implements AutoCloseable {
    /** The path, reserved like the engine's other paths. */
    public static final String PATH = Address.of(Address.Kind.METRICS).path();
    /** A lane of its own: a scrape with the password hashes it, and guesses wait here, not in front of pages. */
    public static final Lane LANE = Lane.of("metrics", 1, 16);
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private static final Address.Kind[] KINDS = Address.Kind.values();
    /** Latency buckets, seconds: pages answer in well under a millisecond, searches in a few. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();
    /** Run before each scrape: they read what only the database knows. */
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
    /** By route kind and status ({@code kind * 600 + status}): found without a key object on every request. */
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(KINDS.length * 600);
    private final Counter pagesServed;

    private Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        closing.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        pagesServed = Counter.builder("answerline.pages.served")
                .description("HTML pages answered from memory (200 or 304 to a GET)").register(registry);
    }

    /** Metrics of this process, with the JVM's already bound. */
    public static Metrics create() {
        return new Metrics();
    }

    /** Counts every request answered, and binds Jetty's connection and thread-pool meters when it starts. */
    public Requests requests() {
        return new Requests() {
            @Override
            public void answered(Answered request) {
                int status = request.status() >= 100 && request.status() < 600 ? request.status() : 0;
                int slot = request.route().ordinal() * 600 + status;
                Timer timer = timers.get(slot);
                if (timer == null) {
                    // registering again returns the meter already there: a race makes no second one
                    timer = Timer.builder("answerline.http.requests").description(
                            "Requests answered, by route kind and status").tags("route",
                            request.route().name().toLowerCase(Locale.ROOT), "status", String.valueOf(status))
                            .serviceLevelObjectives(BUCKETS).register(registry);
                    timers.set(slot, timer);
                }
                timer.record(request.nanos(), TimeUnit.NANOSECONDS);
            }

            @Override
            public void serving(org.eclipse.jetty.server.Server jetty) {
                JettyConnectionMetrics.addToAllConnectors(jetty, registry);
                JettyServerThreadPoolMetrics threads = new JettyServerThreadPoolMetrics(jetty.getThreadPool(),
                        Tags.empty());
                threads.bindTo(registry);
                closing.add(threads);
            }
        };
    }

    /** Counts the pages served, then tells {@code next}. */
    public PageViews views(PageViews next) {
        return (request, path) -> {
            pagesServed.increment();
            next.viewed(request, path);
        };
    }

    /** Counts signups and confirmations, then tells {@code next}. */
    public SignupLog signups(SignupLog next) {
        Counter signups = Counter.builder("answerline.newsletter.signups")
                .description("Signups that were sent a confirmation link").register(registry);
        Counter confirmations = Counter.builder("answerline.newsletter.confirmations")
                .description("Signups confirmed").register(registry);
        return new SignupLog() {
            @Override
            public void signedUp(String page) {
                signups.increment();
                next.signedUp(page);
            }

            @Override
            public void confirmed(String page) {
                confirmations.increment();
                next.confirmed(page);
            }
        };
    }

    /** Counts searches, by whether they found anything, then tells {@code next}. */
    public SearchLog searches(SearchLog next) {
        Counter found = searchCounter("true");
        Counter nothing = searchCounter("false");
        return (request, query, anything) -> {
            (anything ? found : nothing).increment();
            next.searched(request, query, anything);
        };
    }

    private Counter searchCounter(String found) {
        return Counter.builder("answerline.searches").description("Searches made on the search page")
                .tag("found", found).register(registry);
    }

    /** The events {@code insights} counted, by kind. */
    public void insights(Insights insights) {
        for (Insights.Event event : Insights.Event.values()) {
            FunctionCounter.builder("answerline.insights.events", insights, i -> i.counted(event))
                    .description("Events the insights counted on this node").tag("event",
                            event.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    /**
     * The outbox's depth and the age of its oldest message, and the issues being sent, read from
     * {@code backlog} at each scrape. When it fails, the figures read NaN until it works again.
     */
    public void newsletter(Supplier<Backlog> backlog) {
        AtomicReference<Backlog> last = new AtomicReference<>();
        Gauge.builder("answerline.outbox.messages", last, b -> b.get() == null ? Double.NaN : b.get().outbox())
                .description("Emails waiting in the outbox (signup confirmations and the like)").strongReference(true)
                .register(registry);
        Gauge.builder("answerline.outbox.oldest.age", last,
                b -> b.get() == null ? Double.NaN : b.get().oldest().toMillis() / 1000.0).baseUnit("seconds")
                .description("How long the oldest email in the outbox has waited; 0 when none waits")
                .strongReference(true).register(registry);
        MultiGauge issues = MultiGauge.builder("answerline.newsletter.deliveries")
                .description("Deliveries of the issues being sent, by issue and state (sent or pending)")
                .register(registry);
        beforeScrape.add(() -> {
            Backlog now;
            try {
                now = backlog.get();
            } catch (RuntimeException e) {
                LOG.warn("metrics: the newsletter's backlog could not be read ({}); its figures are NaN until it can",
                        e.getMessage());
                now = null;
            }
            last.set(now);
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            if (now != null) {
                for (Backlog.Sending issue : now.sending()) {
                    rows.add(MultiGauge.Row.of(Tags.of("issue", issue.issue(), "state", "sent"), issue.sent()));
                    rows.add(MultiGauge.Row.of(Tags.of("issue", issue.issue(), "state", "pending"), issue.pending()));
                }
            }
            issues.register(rows, true);
        });
    }

    /** Everything, in Prometheus' text format (version 0.0.4). */
    public String scrape() {
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }

    /**
     * {@link #PATH} on the main port, for whoever has the owner's password ({@code Authorization: Bearer} or
     * Basic with any user name): 401 without it or with a wrong one (not saying which), 429 after
     * {@link Guarded#GUESSES} wrong ones from one address in {@link Guarded#WINDOW}. Without a password
     * ({@code password} null) it answers nothing, and the path is a 404 like any other unknown path.
     */
    public Handler guarded(Predicate<String> password) {
        return new Guarded(this::scrape, password);
    }

    /**
     * Serves {@link #PATH} alone on {@code 127.0.0.1:port} (0: any free port), without a password: only
     * programs on this machine reach it (a scraper there, or an SSH tunnel).
     *
     * @throws dev.answerline.server.ServerException when the port cannot be bound
     */
    public Listening listen(int port) {
        return new Port(this::scrape, port).start();
    }

    /** A port serving metrics; close to stop it. */
    public interface Listening extends AutoCloseable {
        /** The port bound. */
        int port();

        @Override
        void close();
    }

    @Override
    public void close() {
        for (AutoCloseable binder : closing) {
            try {
                binder.close();
            } catch (Exception e) {
                // a binder that cannot let go of its listeners leaves them to the JVM's end
            }
        }
        registry.close();
    }
}
