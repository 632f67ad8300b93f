package dev.answerline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.answerline.TestSites;
import dev.answerline.admin.Dashboard;
import dev.answerline.content.Site;
import dev.answerline.newsletter.Backlog;
import dev.answerline.render.Renderer;
import dev.answerline.server.PageViews;
import dev.answerline.server.Server;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} on a started server, as Prometheus and as an attacker reach it: counted by route kind, never
 * by path; behind the owner's password on the main port; alone and password-free on a loopback port.
 */
class MetricsTest {
    static final String PASSWORD = "correct horse battery staple";
    static final String ANSWER = "/answers/should-you-roll-your-lower-back";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Metrics metrics = Metrics.create();
    private Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        metrics.close();
    }

    private Server start(Predicate<String> password) throws Exception {
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        server = Server.builder(Renderer.render(site)).port(0).requests(metrics.requests())
                .views(metrics.views(PageViews.NONE))
                .route(Metrics.PATH, Metrics.LANE, pages -> metrics.guarded(password)).build().start();
        return server;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String scrape() throws Exception {
        HttpResponse<String> answer = get("/metrics", "Bearer " + PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** The value of one series, e.g. {@code answerline_pages_served_total}; empty when it is not there. */
    static Optional<Double> value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
    }

    @Test
    void requestsAreCountedByRouteKindAndStatusNeverByPathOrQuery() throws Exception {
        start(Dashboard.passwordCheck(PASSWORD));
        assertThat(get(ANSWER + "?q=a-private-search-term&token=s3cr3t-t0ken", null).statusCode()).isEqualTo(200);
        assertThat(get(ANSWER, null).statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(get("/wp-admin-probe-" + i, null).statusCode()).isEqualTo(404);
        }
        assertThat(get("/images/nothing-here-" + System.nanoTime() + ".png", null).statusCode()).isEqualTo(404);

        String scrape = scrape();
        assertThat(value(scrape, "answerline_http_requests_seconds_count{route=\"answer\",status=\"200\"}"))
                .hasValue(2.0);
        assertThat(value(scrape, "answerline_http_requests_seconds_count{route=\"page\",status=\"404\"}"))
                .hasValue(3.0);
        assertThat(value(scrape, "answerline_http_requests_seconds_count{route=\"static\",status=\"404\"}"))
                .hasValue(1.0);
        // latency as a histogram with fixed buckets: a few series per route and status, whatever the traffic
        assertThat(value(scrape, "answerline_http_requests_seconds_bucket{route=\"answer\",status=\"200\",le=\"+Inf\"}"))
                .hasValue(2.0);
        assertThat(scrape).contains("answerline_http_requests_seconds_bucket{route=\"answer\",status=\"200\",le=\"0.001\"}");
        assertThat(scrape).doesNotContain("wp-admin", "nothing-here", "should-you-roll", "private-search", "s3cr3t");
        assertThat(value(scrape, "answerline_pages_served_total")).hasValue(2.0);
        // the JVM's and Jetty's own
        assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ", "jvm_gc_",
                "jetty_threads_current ", "jetty_connections_", "process_uptime_seconds ");

        // the scrape itself is counted too, once it is answered
        assertThat(value(scrape(), "answerline_http_requests_seconds_count{route=\"metrics\",status=\"200\"}"))
                .hasValue(1.0);
    }

    @Test
    void onTheMainPortOnlyTheOwnersPasswordGetsInAndAWrongOneLooksLikeNone() throws Exception {
        start(Dashboard.passwordCheck(PASSWORD));
        HttpResponse<String> none = get("/metrics", null);
        HttpResponse<String> wrong = get("/metrics", "Bearer not-the-password");
        HttpResponse<String> wrongBasic = get("/metrics", basic("prometheus", "Correct horse battery staple"));
        HttpResponse<String> otherScheme = get("/metrics", "Digest " + PASSWORD);
        for (HttpResponse<String> refused : List.of(none, wrong, wrongBasic, otherScheme)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("www-authenticate")).hasValue("Basic realm=\"metrics\", charset=\"UTF-8\"");
            assertThat(refused.body()).isEqualTo(none.body()).doesNotContain("jvm_", "password", "Exception");
        }
        HttpResponse<String> bearer = get("/metrics", "Bearer " + PASSWORD);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(bearer.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(bearer.body()).contains("# TYPE answerline_http_requests_seconds histogram");
        assertThat(get("/metrics", basic("prometheus", PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(get("/metrics", basic("", PASSWORD)).statusCode()).isEqualTo(200);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.uri().resolve("/metrics"))
                .header("Authorization", "Bearer " + PASSWORD).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void guessesAreLimitedAndOnceTheyAreEvenTheRightPasswordWaits() throws Exception {
        start(Dashboard.passwordCheck(PASSWORD));
        // asking without a password is no guess
        for (int i = 0; i < dev.answerline.metrics.internal.Guarded.GUESSES + 2; i++) {
            assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        }
        for (int i = 0; i < dev.answerline.metrics.internal.Guarded.GUESSES; i++) {
            assertThat(get("/metrics", "Bearer guess-" + i).statusCode()).as("guess %d", i).isEqualTo(401);
        }
        HttpResponse<String> limited = get("/metrics", "Bearer guess-again");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).isPresent();
        assertThat(Long.parseLong(limited.headers().firstValue("retry-after").get())).isBetween(1L, 15 * 60L);
        assertThat(get("/metrics", "Bearer " + PASSWORD).statusCode()).as("the right one, after too many guesses")
                .isEqualTo(429);
    }

    @Test
    void withoutAPasswordTheMainPortHasNoMetricsAtAll() throws Exception {
        start(Dashboard.passwordCheck("  "));
        HttpResponse<String> metricsPath = get("/metrics", "Bearer " + PASSWORD);
        HttpResponse<String> unknown = get("/no-such-page", null);
        assertThat(metricsPath.statusCode()).isEqualTo(404);
        assertThat(metricsPath.headers().firstValue("content-type")).isEqualTo(unknown.headers().firstValue("content-type"));
        assertThat(metricsPath.body()).isEqualTo(unknown.body()).doesNotContain("jvm_");
    }

    @Test
    void theMetricsPortAnswersMetricsAloneWithoutAPasswordOnLoopbackOnly() throws Exception {
        start(null);
        try (Metrics.Listening port = metrics.listen(0)) {
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.port()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes{");
            for (String other : List.of("/", "/metrics/", "/healthz", ANSWER)) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.port() + other))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).as(other).isEqualTo(404);
            }
            InetAddress outside = null;
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        outside = address;
                    }
                }
            }
            assumeThat(outside).as("an address of this machine besides loopback").isNotNull();
            try (Socket socket = new Socket()) {
                InetSocketAddress target = new InetSocketAddress(outside, port.port());
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> socket.connect(target, 2000))
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void theMetricsPortAnswersOnlyRequestsThatNameThisMachineNotARebindingPage() throws Exception {
        try (Metrics.Listening port = metrics.listen(0)) {
            assertThat(rawGet(port.port(), "127.0.0.1:" + port.port())).startsWith("HTTP/1.1 200 ");
            assertThat(rawGet(port.port(), "localhost:" + port.port())).startsWith("HTTP/1.1 200 ");
            assertThat(rawGet(port.port(), "localhost")).startsWith("HTTP/1.1 200 ");
            // a page of attacker.example whose name now points at 127.0.0.1
            String rebound = rawGet(port.port(), "attacker.example:" + port.port());
            assertThat(rebound).startsWith("HTTP/1.1 421 ").doesNotContain("jvm_");
            assertThat(rawGet(port.port(), "127.0.0.1.attacker.example")).startsWith("HTTP/1.1 421 ");
        }
    }

    private static String rawGet(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /metrics HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aTakenMetricsPortSaysSoAndHowToFixIt() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> metrics.listen(taken.getLocalPort()))
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " for the metrics")
                    .hasMessageContaining("--metrics-port");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> metrics.listen(70000))
                .hasMessageContaining("--metrics-port 70000 is not between 0 and 65535");
    }

    @Test
    void theBacklogIsReadAtEachScrapeAndNaNWhileTheDatabaseFails() {
        AtomicReference<Backlog> now = new AtomicReference<>(new Backlog(3, Duration.ofSeconds(90),
                List.of(new Backlog.Sending("spring-issue", 5, 7))));
        metrics.newsletter(() -> {
            if (now.get() == null) {
                throw new dev.answerline.store.StoreException("the database did not answer", "start it", null);
            }
            return now.get();
        });
        String scrape = metrics.scrape();
        assertThat(value(scrape, "answerline_outbox_messages")).hasValue(3.0);
        assertThat(value(scrape, "answerline_outbox_oldest_age_seconds")).hasValue(90.0);
        assertThat(value(scrape, "answerline_newsletter_deliveries{issue=\"spring-issue\",state=\"sent\"}")).hasValue(5.0);
        assertThat(value(scrape, "answerline_newsletter_deliveries{issue=\"spring-issue\",state=\"pending\"}"))
                .hasValue(7.0);

        now.set(new Backlog(0, Duration.ZERO, List.of()));
        scrape = metrics.scrape();
        assertThat(value(scrape, "answerline_outbox_messages")).hasValue(0.0);
        assertThat(scrape).as("a finished issue is no longer listed").doesNotContain("spring-issue");

        now.set(null);
        scrape = metrics.scrape();
        assertThat(value(scrape, "answerline_outbox_messages")).hasValue(Double.NaN);
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theBacklogCountsWaitingMailAndTheIssuesStillBeingSent(Database.Kind kind) {
        long start = Instant.parse("2026-11-30T08:00:00Z").toEpochMilli();
        try (Database db = TestDatabases.open(kind, dir)) {
            db.write(c -> {
                for (int i = 0; i < 5; i++) {
                    insert(c, "INSERT INTO subscriber (email, status, source_page, consent_text, signed_up_at,"
                            + " updated_at) VALUES (?, 'confirmed', '/', 'yes', ?, ?)", "r" + i + "@example.com", start, start);
                }
                insert(c, "INSERT INTO outbox (id, recipient, kind, message, created_at, next_attempt_at)"
                        + " VALUES ('a', 'r0@example.com', 'confirm', 'x', ?, ?)", start - 120_000, start);
                insert(c, "INSERT INTO outbox (id, recipient, kind, message, created_at, next_attempt_at)"
                        + " VALUES ('b', 'r1@example.com', 'confirm', 'x', ?, ?)", start - 30_000, start);
                insert(c, "INSERT INTO outbox (id, recipient, kind, created_at, next_attempt_at, sent_at)"
                        + " VALUES ('c', 'r2@example.com', 'confirm', ?, ?, ?)", start - 999_000, start, start);
                insert(c, "INSERT INTO outbox (id, recipient, kind, message, created_at, next_attempt_at, failed_at)"
                        + " VALUES ('d', 'r3@example.com', 'confirm', 'x', ?, ?, ?)", start - 888_000, start, start);
                return null;
            });
            dev.answerline.newsletter.internal.Deliveries deliveries = new dev.answerline.newsletter.internal.Deliveries(db);
            deliveries.queue("autumn", "Autumn", start);
            deliveries.queue("winter", "Winter", start);
            db.write(c -> {
                insert(c, "UPDATE delivery SET status = 'sent' WHERE issue = 'winter' AND email IN (?, ?)",
                        "r0@example.com", "r1@example.com");
                insert(c, "UPDATE newsletter_issue SET finished_at = ? WHERE slug = 'autumn'", start);
                return null;
            });
            Backlog backlog = Backlog.read(db, Clock.fixed(Instant.ofEpochMilli(start), ZoneOffset.UTC));
            assertThat(backlog).isEqualTo(new Backlog(2, Duration.ofMinutes(2),
                    List.of(new Backlog.Sending("winter", 2, 3))));
        }
    }

    private static void insert(java.sql.Connection c, String sql, Object... values) throws java.sql.SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
