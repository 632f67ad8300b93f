package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.TestSites;
import dev.answerline.admin.Dashboard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s metrics and logs as an operator runs them, in a process of its own: JSON log lines a shipper
 * can parse with no address in any of them, the request log only when asked for and never with a query, and
 * {@code /metrics} on the loopback port or behind the password.
 */
class OperationsTest {
    static final String READER = "metrics.reader@example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();
    private Process serve;
    private int port;
    private Path out;
    private Path err;

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    /** Starts serve on the small fixture site with {@code options}, and waits until it answers. */
    void serve(Map<String, String> environment, String... options) throws IOException {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.answerline.cli.Main", "serve", "--site",
                TestSites.fixture("small").toString(), "--data", dir.resolve("data").toString(), "--port",
                String.valueOf(port)));
        command.addAll(List.of(options));
        out = dir.resolve("serve-" + started.size() + ".out");
        err = dir.resolve("serve-" + started.size() + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANSWERLINE_"));
        builder.environment().putAll(environment);
        serve = builder.start();
        started.add(serve);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            if (!serve.isAlive()) {
                throw new AssertionError("serve ended: " + Files.readString(out) + Files.readString(err));
            }
            return get("/").statusCode() == 200;
        });
    }

    /** Stops serve as a service manager does, so that everything it logs is written. */
    void stopServe() throws Exception {
        serve.destroy();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(URI.create("http://127.0.0.1:" + port + path), null);
    }

    HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(line.find()).as(series + " in\n" + scrape).isTrue();
        return Double.parseDouble(line.group(1));
    }

    @Test
    void aSignupAndItsConfirmationLogJsonLinesWithoutTheAddressAndAreCounted() throws Exception {
        int metricsPort = freePort();
        serve(Map.of(), "--log-format", "json", "--request-log", "--metrics-port", String.valueOf(metricsPort));
        assertThat(post("/newsletter/subscribe", "email=" + URLEncoder.encode(READER, StandardCharsets.UTF_8)
                + "&source=/answers/should-you-roll-your-lower-back").statusCode()).isEqualTo(200);
        // without an SMTP server the confirmation is written to a file, and its link printed
        Pattern link = Pattern.compile("(/newsletter/confirm\\?token=([A-Za-z0-9_-]+))");
        Matcher found = await().atMost(Duration.ofSeconds(30)).until(() -> link.matcher(Files.readString(out)),
                Matcher::find);
        String token = found.group(2);
        assertThat(get(found.group(1)).statusCode()).isEqualTo(200);
        assertThat(post("/newsletter/confirm", "token=" + token).statusCode()).isEqualTo(200);
        assertThat(get("/search?q=a-private-search-term").statusCode()).isEqualTo(200);

        String scrape = get(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"), null).body();
        assertThat(value(scrape, "answerline_newsletter_signups_total")).isEqualTo(1.0);
        assertThat(value(scrape, "answerline_newsletter_confirmations_total")).isEqualTo(1.0);
        assertThat(value(scrape, "answerline_insights_events_total{event=\"confirmation\"}")).isEqualTo(1.0);
        assertThat(value(scrape, "answerline_http_requests_seconds_count{route=\"newsletter\",status=\"200\"}"))
                .isEqualTo(3.0);
        assertThat(value(scrape, "answerline_searches_total{found=\"false\"}")).isEqualTo(1.0);
        assertThat(value(scrape, "answerline_outbox_messages")).isBetween(0.0, 2.0);
        assertThat(scrape).contains("answerline_outbox_oldest_age_seconds ").doesNotContain("private-search", "token");
        stopServe();

        String log = Files.readString(err);
        List<String> lines = log.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.get("time").asText()).as(line).matches("\\d{4}-\\d\\d-\\d\\dT.+Z");
            assertThat(event.get("level").asText()).as(line).isIn("INFO", "WARN", "ERROR");
            assertThat(event.has("logger") && event.has("message")).as(line).isTrue();
            events.add(event);
        }
        String console = Files.readString(out);
        assertThat(log + console).doesNotContain(READER).doesNotContain("metrics.reader");
        assertThat(log).contains("m***@example.com").doesNotContain(token, "token=", "private-search", "?");
        List<JsonNode> requests = events.stream().filter(e -> e.get("logger").asText().endsWith(".RequestLog")).toList();
        assertThat(requests).anySatisfy(e -> {
            assertThat(e.get("method").asText()).isEqualTo("POST");
            assertThat(e.get("path").asText()).isEqualTo("/newsletter/confirm");
            assertThat(e.get("route").asText()).isEqualTo("newsletter");
            assertThat(e.get("status").asInt()).isEqualTo(200);
            assertThat(e.get("ms").isIntegralNumber()).isTrue();
        });
        assertThat(requests).anySatisfy(e -> assertThat(e.get("path").asText()).isEqualTo("/search"));
        assertThat(requests).allSatisfy(e -> assertThat(e.toString()).doesNotContain("127.0.0.1"));
    }

    @Test
    void theRequestLogIsOffUnlessAskedForAndThenOneTextLineARequest() throws Exception {
        serve(Map.of());
        get("/answers/should-you-roll-your-lower-back?utm_source=newsletter");
        get("/no-such-page");
        stopServe();
        assertThat(Files.readString(err)).doesNotContain("RequestLog", "/answers/should-you-roll-your-lower-back",
                "no-such-page");

        serve(Map.of(), "--request-log");
        get("/answers/should-you-roll-your-lower-back?utm_source=newsletter");
        get("/no-such-page");
        get("/a%0A12:00:00%20ERROR%20Forged%20-%20line");
        stopServe();
        List<String> logged = Files.readString(err).lines().filter(line -> line.contains(" RequestLog - ")).toList();
        assertThat(logged).anySatisfy(line -> assertThat(line).matches(
                "\\d\\d:\\d\\d:\\d\\d INFO RequestLog - GET /answers/should-you-roll-your-lower-back \\(answer\\) 200 \\d+ ms"));
        assertThat(logged).anySatisfy(line -> assertThat(line).matches(
                "\\d\\d:\\d\\d:\\d\\d INFO RequestLog - GET /no-such-page \\(page\\) 404 \\d+ ms"));
        assertThat(Files.readString(err)).doesNotContain("utm_source").doesNotContainPattern("(?m)^12:00:00 ERROR Forged");
    }

    @Test
    void onTheMainPortMetricsNeedTheAdminPasswordAndWithoutOneAreNotThere() throws Exception {
        serve(Map.of());
        assertThat(get("/metrics").statusCode()).isEqualTo(404);
        stopServe();

        String password = "a long owner password";
        serve(Map.of(Dashboard.PASSWORD_VARIABLE, password));
        URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        assertThat(get(metrics, null).statusCode()).isEqualTo(401);
        assertThat(get(metrics, "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = get(metrics, "Bearer " + password);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("answerline_http_requests_seconds_count{route=\"home\",status=\"200\"}");
        stopServe();
        assertThat(Files.readString(err) + Files.readString(out)).doesNotContain(password);
    }

    @Test
    void anUnknownLogFormatIsAUsageErrorThatNamesTheChoices() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("serve", "--log-format", "xml")).isEqualTo(Main.USAGE);
        } finally {
            System.setErr(saved);
        }
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("--log-format xml is not a log format — use text (the default) or json");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
