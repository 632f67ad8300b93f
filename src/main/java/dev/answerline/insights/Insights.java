package dev.answerline.insights;

import dev.answerline.content.Address;
import dev.answerline.content.Site;
import dev.answerline.insights.internal.Ledger;
import dev.answerline.insights.internal.Reports;
import dev.answerline.insights.internal.Tally;
import dev.answerline.insights.internal.Visitors;
import dev.answerline.newsletter.SignupLog;
import dev.answerline.render.Pages;
import dev.answerline.search.SearchLog;
import dev.answerline.server.Lane;
import dev.answerline.server.PageViews;
import dev.answerline.store.Database;
import dev.answerline.store.StoreException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which answers bring readers, shop clicks and subscribers, counted without cookies and without keeping an
 * address. Pages answered to people are views; a salted hash of the day makes visitors (none for readers who
 * send {@code Sec-GPC: 1} or {@code DNT: 1}); AI crawlers and assistants are counted per page as AI reads;
 * other programs and prefetches are not counted. Counts gather in memory and are added to the database's
 * daily sums every {@link Builder#flushEvery few seconds} and at {@link #close}, so several nodes on one
 * database add up.
 *
 * <pre>{@code
 * try (Insights insights = Insights.builder(db, () -> site).build().start()) {
 *     Server.builder(pages).views(insights).build().start();
 *     Report last30 = insights.report(Period.lastDays(30, LocalDate.now(ZoneOffset.UTC)));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Counting never blocks: it runs on the threads that answer pages.
 */
public final class Insights implements PageViews, SearchLog, SignupLog, AutoCloseable {
    /** The lane of {@code /api/event}: events are small and quick, and a flood of them waits here only. */
    public static final Lane LANE = Lane.of("insights", 2, 256);
    private static final Logger LOG = LoggerFactory.getLogger(Insights.class);
    /** Longest query or UTM source kept; longer ones are cut. */
    private static final int LONGEST_TEXT = 100;
    private static final String SEARCH = Address.of(Address.Kind.SEARCH).path();

    private final Supplier<Site> site;
    private final Clock clock;
    private final Duration flushEvery;
    private final Ledger ledger;
    private final Reports reports;
    private final Tally tally = new Tally();
    private final Map<Event, LongAdder> counted = new EnumMap<>(Event.class);
    private final Visitors visitors;
    /** The host of base_url: a referrer from it is the site itself, wherever the request came in. */
    private final String siteHost;
    private final ScheduledExecutorService flusher;
    private final Object flushing = new Object();
    private volatile long dayNumber = Long.MIN_VALUE;
    private volatile String dayText;
    private volatile boolean failing;
    /** The day whose older salts and hashes were last deleted; guarded by {@link #flushing}. */
    private LocalDate forgotten;

    private Insights(Builder builder) {
        this.site = builder.site;
        this.clock = builder.clock;
        this.flushEvery = builder.flushEvery;
        for (Event event : Event.values()) {
            counted.put(event, new LongAdder());
        }
        this.ledger = new Ledger(builder.db);
        this.reports = new Reports(builder.db);
        String baseUrl = builder.baseUrl != null ? builder.baseUrl : site.get().config().baseUrl();
        this.visitors = new Visitors(ledger, baseUrl);
        this.siteHost = String.valueOf(host(baseUrl));
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "answerline-insights");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts configuring the insights of a site.
     *
     * @param site the site now, for its address (part of the visitor hash) and its pages' titles in reports
     */
    public static Builder builder(Database db, Supplier<Site> site) {
        return new Builder(db, site);
    }

    /**
     * Fetches the salts of today and tomorrow, deletes those of older days with their visitor hashes, and
     * starts adding counts to the database every few seconds; every flush does the same on a new day.
     *
     * @throws StoreException when the database cannot be reached
     */
    public Insights start() {
        flush();
        long every = flushEvery.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    // ---- counting

    /** What the insights count, for {@link #counted(Event)}. */
    public enum Event {
        /** A page read by a person (answered here, or reported from a static export). */
        VIEW,
        /** A page read by an AI crawler or assistant. */
        AI_READ,
        SEARCH,
        SIGNUP,
        CONFIRMATION,
        /** A click on a call to action. */
        CTA_CLICK
    }

    /** Events of {@code kind} counted since start, on this node: for metrics. */
    public long counted(Event kind) {
        return counted.get(kind).sum();
    }

    @Override
    public void viewed(Request request, String path) {
        count(request, path, request.getHttpURI().getQuery(), request.getHeaders().get(HttpHeader.REFERER));
    }

    /** A view the page's script or image reported: the page was answered by another server, or a CDN. */
    void viewedElsewhere(Request request, String path, String query, String referrer) {
        count(request, path, query, referrer);
    }

    private void count(Request request, String path, String query, String referer) {
        HttpFields headers = request.getHeaders();
        if (prefetch(headers)) {
            return;
        }
        String userAgent = headers.get(HttpHeader.USER_AGENT);
        Agent agent = Agent.of(userAgent);
        String day = today();
        if (agent.kind() == Agent.Kind.AI) {
            counted.get(Event.AI_READ).increment();
            tally.aiRead(day, path, agent.name());
            return;
        }
        if (agent.kind() != Agent.Kind.PERSON) {
            return;
        }
        counted.get(Event.VIEW).increment();
        tally.add(day, path, Tally.Count.VIEWS);
        if (!"1".equals(headers.get("Sec-GPC")) && !"1".equals(headers.get("DNT"))) {
            OptionalLong visitor = visitors.hash(day, Request.getRemoteAddr(request), userAgent);
            if (visitor.isPresent()) {
                tally.visitor(day, path, visitor.getAsLong());
                tally.visitor(day, "", visitor.getAsLong());
            }
        }
        String utm = parameter(query, "utm_source");
        if (utm != null) {
            tally.source(day, path, "utm_source", utm);
        }
        if (referer != null) {
            referred(day, path, referer, request);
        }
    }

    /** A referrer from another site counts as its host; one from our own search page, as a result opened. */
    private void referred(String day, String path, String referer, Request request) {
        String host = host(referer);
        if (host == null) {
            return;
        }
        if (host.equalsIgnoreCase(Request.getServerName(request)) || host.equalsIgnoreCase(siteHost)) {
            int query = referer.indexOf('?');
            if (query > 0 && SEARCH.equals(pathOf(referer))) {
                String q = parameter(referer.substring(query + 1), "q");
                if (q != null) {
                    tally.resultOpened(day, q, clock.millis());
                }
            }
            return;
        }
        String shown = host.toLowerCase(Locale.ROOT);
        tally.source(day, path, "referrer", shown.startsWith("www.") ? shown.substring(4) : shown);
    }

    @Override
    public void searched(Request request, String query, boolean found) {
        if (prefetch(request.getHeaders()) || Agent.of(request.getHeaders().get(HttpHeader.USER_AGENT)).kind()
                != Agent.Kind.PERSON) {
            return;
        }
        String normal = normal(query);
        if (!normal.isEmpty()) {
            counted.get(Event.SEARCH).increment();
            tally.search(today(), normal, found, clock.millis());
        }
    }

    @Override
    public void signedUp(String page) {
        counted.get(Event.SIGNUP).increment();
        tally.add(today(), page, Tally.Count.SIGNUPS);
    }

    @Override
    public void confirmed(String page) {
        if (page != null) {
            counted.get(Event.CONFIRMATION).increment();
            tally.add(today(), page, Tally.Count.CONFIRMED);
        }
    }

    /** The route {@code /api/event}, for the call to action's clicks and the views of a static export. */
    public Handler handler(Supplier<Pages> pages) {
        return new Events(this, pages, site, clock);
    }

    /**
     * The route {@code /_answerline/funnel} of the preview: an answer's last 30 days, for the bar above it.
     * The preview shows drafts and these figures to whoever can reach it.
     */
    public Handler funnels() {
        return new Funnels(this, clock);
    }

    /**
     * {@code /api/event} of a serve that counts nothing ({@code --no-insights}): pages still carry the call to
     * action's ping, which is answered the same way and forgotten.
     */
    public static Handler uncounted() {
        return Events.UNCOUNTED;
    }

    /** A click on the call to action {@code cta} (its id in site.yaml) of the page at {@code path}. */
    public void ctaClicked(String path, String cta) {
        counted.get(Event.CTA_CLICK).increment();
        tally.ctaClick(today(), path, cta);
    }

    // ---- reports

    /** The site's figures over a period, as the database has them now (counts of the last seconds aside). */
    public Report report(Period period) {
        Site now = site.get();
        return reports.site(period, path -> now.titleOf(path).orElse(null));
    }

    /**
     * The site's figures over a period from the database alone, without page titles: for {@code answerline
     * stats}, which need not load the site.
     */
    public static Report read(Database db, Period period) {
        return new Reports(db).site(period, path -> null);
    }

    /** One page's figures over a period. */
    public Report.PageReport page(Period period, String path) {
        return reports.page(period, path, site.get().titleOf(path).orElse(null));
    }

    // ---- writing

    /**
     * Adds what was counted since the last flush to the database now.
     *
     * @throws StoreException when the database does not take it; the counts are kept for the next flush
     */
    public void flush() {
        synchronized (flushing) {
            LocalDate today = LocalDate.now(clock);
            visitors.prepare(today.toString(), today.plusDays(1).toString());
            if (!today.equals(forgotten)) {
                ledger.forget(today.minusDays(1).toString());
                forgotten = today;
            }
            Tally.Batch batch = tally.drain(today.minusDays(1).toString());
            if (batch.isEmpty()) {
                return;
            }
            try {
                tally.written(ledger.write(batch));
            } catch (RuntimeException e) {
                tally.restore(batch);
                throw e;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
            if (failing) {
                failing = false;
                LOG.info("insights: the database takes counts again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("insights: counts are kept in memory until the database takes them: {}", e.getMessage());
            }
        }
    }

    /** Stops the flushes and writes the last counts: nothing counted before is lost on a clean stop. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("insights: the last counts were not written: {}", e.getMessage());
        }
    }

    // ---- reading requests

    /** A link prefetched or prerendered ahead of a click that may never come is not a view. */
    private static boolean prefetch(HttpFields headers) {
        String purpose = headers.get("Sec-Purpose");
        if (purpose == null) {
            purpose = headers.get("Purpose");
        }
        return purpose != null && purpose.contains("prefetch") || "prefetch".equals(headers.get("X-Moz"));
    }

    /** Today as YYYY-MM-DD in the clock's zone, made once a day rather than at every view. */
    private String today() {
        long millis = clock.millis();
        long number = Math.floorDiv(millis + clock.getZone().getRules().getOffset(clock.instant())
                .getTotalSeconds() * 1000L, 86_400_000L);
        if (number != dayNumber) {
            dayText = LocalDate.ofEpochDay(number).toString();
            dayNumber = number;
        }
        return dayText;
    }

    /** The host of an absolute http(s) URL, or null. */
    static String host(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0 || scheme > 5 || url.length() > 2048) {
            return null;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at >= start) {
            start = at + 1;
        }
        String host = url.substring(start, end);
        return host.isEmpty() || host.length() > 253 ? null : host;
    }

    private static String pathOf(String url) {
        int start = url.indexOf('/', url.indexOf("://") + 3);
        if (start < 0) {
            return "/";
        }
        int end = start;
        while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
            end++;
        }
        return url.substring(start, end);
    }

    /** A query-string parameter's value, decoded and normalised; null when absent, empty or undecodable. */
    static String parameter(String query, String name) {
        if (query == null || query.length() > 4096) {
            return null;
        }
        int hash = query.indexOf('#');
        String plain = hash >= 0 ? query.substring(0, hash) : query;
        for (String pair : plain.split("&")) {
            int equals = pair.indexOf('=');
            if (equals == name.length() && pair.startsWith(name)) {
                try {
                    String value = normal(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    // URLDecoder puts U+FFFD for bytes that are not UTF-8: a value we cannot read is none
                    return value.isEmpty() || value.indexOf('\uFFFD') >= 0 ? null : value;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Lower case, single spaces, no controls, at most {@link #LONGEST_TEXT} characters. */
    static String normal(String text) {
        String normal = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip().toLowerCase(Locale.ROOT);
        if (normal.codePointCount(0, normal.length()) > LONGEST_TEXT) {
            normal = normal.substring(0, normal.offsetByCodePoints(0, LONGEST_TEXT)).strip();
        }
        return normal;
    }

    /** Configures {@link Insights}. */
    public static final class Builder {
        private final Database db;
        private final Supplier<Site> site;
        private String baseUrl;
        private Clock clock = Clock.systemUTC();
        private Duration flushEvery = Duration.ofSeconds(2);

        private Builder(Database db, Supplier<Site> site) {
            this.db = Objects.requireNonNull(db, "db");
            this.site = Objects.requireNonNull(site, "site");
        }

        /** The clock of days and times; default UTC's. Days are counted in its zone. */
        /**
         * The site's base_url, when the site may still be loading as counting starts (a start from a snapshot):
         * views are counted from the first request, and their visitors are hashed with it. By default, the
         * site's.
         */
        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How often counts are added to the database; default 2 seconds, which is at most what a node killed
         * with SIGKILL loses.
         */
        public Builder flushEvery(Duration every) {
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("flushes must be some time apart");
            }
            this.flushEvery = every;
            return this;
        }

        public Insights build() {
            return new Insights(this);
        }
    }
}
