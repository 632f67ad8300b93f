package dev.answerline.admin;

import dev.answerline.admin.internal.Password;
import dev.answerline.admin.internal.Sessions;
import dev.answerline.insights.Insights;
import dev.answerline.insights.Period;
import dev.answerline.insights.Report;
import dev.answerline.render.Pages;
import dev.answerline.server.Lane;
import dev.answerline.server.RateLimiter;
import dev.answerline.server.TrustedProxy;
import dev.answerline.newsletter.IssueFigures;
import dev.answerline.store.Database;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/**
 * The site owner's dashboard under {@code /admin/}: the {@link Insights} of a period, site-wide and per
 * answer, behind a login with the password of {@value #PASSWORD_VARIABLE}. Sessions live in the
 * {@link Database} (only their tokens' SHA-256), so every node behind a load balancer knows them.
 *
 * <pre>{@code
 * Dashboard dashboard = Dashboard.builder(db, insights).password(System.getenv(Dashboard.PASSWORD_VARIABLE))
 *         .trustedProxy(proxy).build();
 * server.route(Address.Kind.ADMIN.spec(), Dashboard.LANE, dashboard::handler);
 * }</pre>
 *
 * <p>Without a password every route says how to set one and shows nothing else. Thread-safe once built.
 */
public final class Dashboard {
    /** The environment variable with the owner's password. */
    public static final String PASSWORD_VARIABLE = "ANSWERLINE_ADMIN_PASSWORD";
    /** A few threads: one owner, and a report reads the database for a moment. */
    public static final Lane LANE = Lane.of("admin", 4, 32);

    private final Insights insights;
    private final Password password;
    private final Sessions sessions;
    private final RateLimiter loginLimit;
    private final TrustedProxy proxy;
    private final Clock clock;
    private final Path siteDir;
    private final Database db;

    private Dashboard(Builder b) {
        this.insights = b.insights;
        // hashed once here, and the text forgotten: PBKDF2 at every login, never the password in memory
        this.password = b.password == null ? null : new Password(b.password);
        this.sessions = new Sessions(b.db, b.clock);
        this.loginLimit = RateLimiter.inMemory(b.loginAttempts, b.loginWindow, b.clock);
        this.proxy = b.proxy;
        this.clock = b.clock;
        this.siteDir = b.siteDir;
        this.db = b.db;
    }

    /** The sent newsletter issues, newest first, with their deliveries and their clicks in {@code period}. */
    public List<IssueFigures> issues(Period period) {
        return IssueFigures.read(db, period.from(), period.until());
    }

    /** Starts configuring the dashboard of the insights in {@code db}. */
    public static Builder builder(Database db, Insights insights) {
        return new Builder(db, insights);
    }

    /** The routes under {@code /admin/}; the pages are not needed, the dashboard has its own frame. */
    public Handler handler(Supplier<Pages> pages) {
        return new Routes(this);
    }

    /**
     * A check of the owner's password for another route that takes it, such as {@code /metrics}: hashed once
     * now (a fraction of a second), compared in constant time, as slow for a wrong guess as for the right one.
     * Null when {@code password} is null or blank: no password, nothing to let in.
     */
    public static java.util.function.Predicate<String> passwordCheck(String password) {
        return password == null || password.isBlank() ? null : new Password(password)::matches;
    }

    /** Whether a password was set: without one, the dashboard only says how to set it. */
    public boolean hasPassword() {
        return password != null;
    }

    Password password() {
        return password;
    }

    Sessions sessions() {
        return sessions;
    }

    RateLimiter loginLimit() {
        return loginLimit;
    }

    Path siteDir() {
        return siteDir;
    }

    Clock clock() {
        return clock;
    }

    Report report(Period period) {
        return insights.report(period);
    }

    Report.PageReport page(Period period, String path) {
        return insights.page(period, path);
    }

    /**
     * Whether the owner reached us by https: on the connection itself, or as the trusted proxy says in
     * {@code X-Forwarded-Proto} (with {@code --client-header Forwarded}, the {@code proto=} of
     * {@code Forwarded}). Without a trusted proxy, those headers are whatever a client wrote, and ignored.
     */
    boolean https(Request request) {
        if (request.isSecure()) {
            return true;
        }
        if (!proxy.trusted()) {
            return false;
        }
        String proto = proxy.header() == TrustedProxy.Header.FORWARDED ? forwardedProto(request)
                : last(request.getHeaders().getValuesList("X-Forwarded-Proto"));
        return "https".equalsIgnoreCase(proto);
    }

    /** The {@code proto=} of the last {@code Forwarded} element: the one the nearest proxy appended. */
    private static String forwardedProto(Request request) {
        String element = last(request.getHeaders().getValuesList(HttpHeader.FORWARDED.asString()));
        if (element == null) {
            return null;
        }
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("proto")) {
                return pair.substring(equals + 1).strip().replace("\"", "");
            }
        }
        return null;
    }

    /** The last entry of a header's comma-separated list over all its lines; null without one. */
    private static String last(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        String[] entries = lines.get(lines.size() - 1).split(",");
        return entries[entries.length - 1].strip();
    }

    /**
     * Whether a form comes from the dashboard's own origin, by what the browser says: {@code Sec-Fetch-Site}
     * when it sends one, else {@code Origin} against this request's host and scheme. A request with neither
     * is not from a browser, and a browser cannot be made to forge one.
     */
    boolean sameOrigin(Request request) {
        String fetchSite = request.getHeaders().get("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            return false;
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        String scheme = https(request) ? "https" : "http";
        try {
            URI uri = URI.create(origin);
            if (host == null || uri.getHost() == null || !scheme.equals(uri.getScheme())) {
                return false;
            }
            int defaultPort = scheme.equals("https") ? 443 : 80;
            return authority(host, defaultPort).equals(authority(uri.getHost() + (uri.getPort() < 0 ? ""
                    : ":" + uri.getPort()), defaultPort));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code host:port}, lower case, with the scheme's port when none is written. */
    private static String authority(String hostAndPort, int defaultPort) {
        String text = hostAndPort.toLowerCase(Locale.ROOT);
        int colon = text.lastIndexOf(':');
        boolean hasPort = colon > text.lastIndexOf(']');
        return hasPort ? text : text + ":" + defaultPort;
    }

    /** Configures a {@link Dashboard}. Not thread-safe; {@link #build()} checks the settings. */
    public static final class Builder {
        private final Database db;
        private final Insights insights;
        private String password;
        private TrustedProxy proxy = TrustedProxy.NONE;
        private Clock clock = Clock.systemUTC();
        private int loginAttempts = 5;
        private Duration loginWindow = Duration.ofMinutes(15);
        private Path siteDir;

        private Builder(Database db, Insights insights) {
            this.db = Objects.requireNonNull(db, "db");
            this.insights = Objects.requireNonNull(insights, "insights");
        }

        /** The owner's password, e.g. from {@link Dashboard#PASSWORD_VARIABLE}; null or blank: none, no login. */
        public Builder password(String password) {
            this.password = password == null || password.isBlank() ? null : password;
            return this;
        }

        /** The proxy in front, whose word on https is believed for the cookie's {@code Secure}; default none. */
        public Builder trustedProxy(TrustedProxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /** The site's folder, for the {@code answerline new} commands of unanswered questions; default unknown. */
        public Builder siteDir(Path siteDir) {
            this.siteDir = siteDir;
            return this;
        }

        /** The clock of sessions, login limits and "today"; default UTC's. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Login attempts allowed per client address and window; default 5 per 15 minutes. */
        public Builder loginLimit(int attempts, Duration window) {
            if (attempts < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the login limit needs at least one attempt and a positive window");
            }
            this.loginAttempts = attempts;
            this.loginWindow = window;
            return this;
        }

        /** Hashes the password (a fraction of a second, once). */
        public Dashboard build() {
            return new Dashboard(this);
        }
    }
}
