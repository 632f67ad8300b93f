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
        get("/r/s1gned-1d-of-a-click");
        get("/" + "x".repeat(5000));
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).method("FROBNICATE",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        stopServe();
        List<String> logged = Files.readString(err).lines().filter(line -> line.contains(" RequestLog - ")).toList();
        assertThat(logged).anySatisfy(line -> assertThat(line).matches(
                "\\d\\d:\\d\\d:\\d\\d INFO RequestLog - GET /answers/should-you-roll-your-lower-back \\(answer\\) 200 \\d+ ms"));
        assertThat(logged).anySatisfy(line -> assertThat(line).matches(
                "\\d\\d:\\d\\d:\\d\\d INFO RequestLog - GET /no-such-page \\(page\\) 404 \\d+ ms"));
        assertThat(Files.readString(err)).doesNotContain("utm_source").doesNotContainPattern("(?m)^12:00:00 ERROR Forged");
        // a newsletter link's signed id stands for one subscriber's click
        assertThat(Files.readString(err)).doesNotContain("s1gned-1d");
        assertThat(logged).anySatisfy(line -> assertThat(line).contains(" - GET /r/* (redirect) "));
        // a long path is cut, so that each line stays a line
        assertThat(logged).anySatisfy(line -> assertThat(line).contains(" - GET /" + "x".repeat(199) + "... (page) "));
        assertThat(logged).allSatisfy(line -> assertThat(line.length()).isLessThan(300));
        // the method is anyone's word: only HTTP's own are written as sent
        assertThat(logged).anySatisfy(line -> assertThat(line).contains(" - OTHER / (home) 405 "));
        assertThat(Files.readString(err)).doesNotContain("FROBNICATE");
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

    // ---- docs/operations.md: its commands run, its scrape configurations scrape, its names are the scrape's

    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final String SERVE = "bin/answerline serve ";

    static List<String> blocks(String language) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(Path.of("docs/operations.md")));
        while (block.find()) {
            if (block.group(1).equals(language)) {
                found.add(block.group(2).strip());
            }
        }
        return found;
    }

    static String command(String containing) throws IOException {
        return blocks("sh").stream().filter(b -> b.startsWith(SERVE) && b.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("docs/operations.md shows no serve command with " + containing));
    }

    static JsonNode scrapeConfig(String containing) throws IOException {
        String yaml = blocks("yaml").stream().filter(b -> b.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("docs/operations.md has no scrape config with " + containing));
        JsonNode configs = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml)
                .get("scrape_configs");
        assertThat(configs.size()).isEqualTo(1);
        return configs.get(0);
    }

    @Test
    void theDocsMetricsPortCommandAndItsScrapeConfigScrapeEveryMetricTheDocsName() throws Exception {
        String command = command("--metrics-port");
        Matcher docPort = Pattern.compile("--metrics-port (\\d+)").matcher(command);
        assertThat(docPort.find()).isTrue();
        JsonNode config = scrapeConfig("127.0.0.1:");
        assertThat(config.get("static_configs").get(0).get("targets").get(0).asText())
                .isEqualTo("127.0.0.1:" + docPort.group(1));
        // the docs' port may be taken on this machine: the same command on a free one
        int metricsPort = freePort();
        serve(Map.of(), command.substring(SERVE.length()).replace(docPort.group(), "--metrics-port " + metricsPort)
                .split(" "));
        get("/answers/should-you-roll-your-lower-back");
        HttpResponse<String> scrape = get(URI.create("http://127.0.0.1:" + metricsPort
                + config.get("metrics_path").asText()), null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(Files.readString(out)).contains("Metrics at http://127.0.0.1:" + metricsPort
                + "/metrics (this machine only)");

        String docs = Files.readString(Path.of("docs/operations.md"));
        java.util.Set<String> documented = new java.util.TreeSet<>();
        Matcher name = Pattern.compile("`((?:answerline|jvm|jetty|process|system)_[a-z0-9_]*\\*?)`").matcher(docs);
        while (name.find()) {
            documented.add(name.group(1));
        }
        java.util.Set<String> scraped = new java.util.TreeSet<>();
        scrape.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> scraped.add(line.split("[{ ]")[0].replaceAll("_(bucket|count|sum)$", "")));
        for (String doc : documented) {
            // with no issue being sent there is no row: MetricsTest scrapes it while one is
            if (!doc.equals("answerline_newsletter_deliveries")) {
                assertThat(scraped).as("documented " + doc).anyMatch(doc.endsWith("*")
                        ? s -> s.startsWith(doc.substring(0, doc.length() - 1)) : doc::equals);
            }
        }
        assertThat(scraped.stream().filter(s -> s.startsWith("answerline_")).toList()).as("every one documented")
                .allMatch(documented::contains);
    }

    @Test
    void theDocsPasswordCommandAndScrapeConfigGetInOnTheMainPort() throws Exception {
        String password = "a long owner password";
        serve(Map.of(Dashboard.PASSWORD_VARIABLE, password));
        String curl = blocks("sh").stream().filter(b -> b.startsWith("curl ")).findFirst().orElseThrow();
        ProcessBuilder shell = new ProcessBuilder("sh", "-c", curl.replace(":8080/", ":" + port + "/"))
                .redirectErrorStream(true);
        shell.environment().put(Dashboard.PASSWORD_VARIABLE, password);
        Process run = shell.start();
        String scraped = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(scraped).contains("answerline_http_requests_seconds_count{route=\"home\",status=\"200\"}");

        JsonNode config = scrapeConfig("authorization:");
        assertThat(config.get("scheme").asText()).as("over the internet, HTTPS only").isEqualTo("https");
        JsonNode authorization = config.get("authorization");
        assertThat(authorization.get("credentials_file").asText()).isNotBlank();
        URI metrics = URI.create("http://127.0.0.1:" + port + config.get("metrics_path").asText());
        assertThat(get(metrics, authorization.get("type").asText() + " " + password).statusCode()).isEqualTo(200);
    }

    @Test
    void theDocsLogCommandWritesJsonLinesLikeTheDocsExamples() throws Exception {
        String command = command("--log-format json");
        serve(Map.of(), command.substring(SERVE.length()).split(" "));
        get("/answers/should-you-roll-your-lower-back");
        stopServe();
        List<JsonNode> logged = new ArrayList<>();
        for (String line : Files.readString(err).lines().filter(line -> !line.isBlank()).toList()) {
            logged.add(JSON.readTree(line));
        }
        assertThat(logged).anySatisfy(e -> assertThat(e.get("message").asText())
                .matches("GET /answers/should-you-roll-your-lower-back \\(answer\\) 200 \\d+ ms"));
        List<String> examples = blocks("json").stream().flatMap(String::lines).toList();
        assertThat(examples).hasSize(2);
        for (String example : examples) {
            JsonNode event = JSON.readTree(example);
            JsonNode real = logged.stream().filter(e -> e.get("logger").equals(event.get("logger"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no line of " + event.get("logger") + " was logged"));
            assertThat(iterable(event.fieldNames())).as("the example's fields are a real line's")
                    .containsExactlyElementsOf(iterable(real.fieldNames()));
        }
        for (String example : blocks("text")) {
            assertThat(example).matches("\\d\\d:\\d\\d:\\d\\d INFO \\w+ - .+");
        }
    }

    @Test
    void theReadmeRowShowsTheOptionsAndThePortOfTheDocs() throws IOException {
        Matcher row = Pattern.compile("\\| `bin/answerline serve (\\[--metrics-port[^`]*)` \\|")
                .matcher(Files.readString(Path.of("README.md")));
        assertThat(row.find()).as("README.md has the operators' row").isTrue();
        List<String> options = new ArrayList<>();
        Matcher option = Pattern.compile("\\[(--[a-z-]+)([^\\]]*)\\]").matcher(row.group(1));
        while (option.find()) {
            options.add(option.group(1) + option.group(2));
        }
        // each is run above: the port as the docs' command gives it, both formats, the request log
        assertThat(options).containsExactly(command("--metrics-port").substring(SERVE.length()),
                "--log-format text\\|json", "--request-log");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
