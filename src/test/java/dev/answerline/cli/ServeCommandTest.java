package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.answerline.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code answerline serve} as a user starts it, in its own process, behind a (pretend) reverse proxy. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private Process serve;
    private int port;

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.destroyForcibly();
        }
    }

    private void serve(String... options) throws IOException {
        port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.answerline.cli.Main", "serve", "--site",
                TestSites.fixture("small").toString(), "--data", dir.resolve("data").toString(), "--port",
                String.valueOf(port)));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANSWERLINE_"));
        serve = builder.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            if (!serve.isAlive()) {
                throw new AssertionError("serve ended: " + Files.readString(dir.resolve("serve.log")));
            }
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    private int signUp(String email, String forwardedFor) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newsletter/subscribe"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void view(String forwardedFor) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/answers/should-you-roll-your-lower-back"))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
                .header("X-Forwarded-For", forwardedFor).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Stops serve as a service manager does, and reads the day's views and visitors it wrote. */
    private long[] stopAndCount() throws Exception {
        serve.destroy();
        assertThat(serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + dir.resolve("data/answerline.db")); java.sql.Statement sql = db.createStatement();
                java.sql.ResultSet row = sql.executeQuery("SELECT COALESCE(SUM(views), 0),"
                        + " COALESCE(SUM(CASE WHEN path = '' THEN visitors END), 0) FROM insight_day")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    @Test
    void behindAProxyEachReaderIsAVisitorOfTheirOwn() throws Exception {
        serve("--behind-proxy");
        view("198.51.100.7");
        view("198.51.100.7");
        view("198.51.100.8");
        assertThat(stopAndCount()).containsExactly(3, 2);
    }

    @Test
    void watchPointedAtPostgresqlSaysItIsForOneEditorOnOneMachine() throws Exception {
        String schema = "t_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dev.answerline.store.TestDatabases.POSTGRES);
                java.sql.Statement sql = c.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") == null, "CI must test PostgreSQL");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "skipped: no PostgreSQL");
        }
        serve("--watch", "--db", dev.answerline.store.TestDatabases.POSTGRES + "?currentSchema=" + schema);
        assertThat(Files.readString(dir.resolve("serve.log"))).contains("serve: --watch is for one editor on one"
                + " machine, and this one shares PostgreSQL").contains("the nodes serve without --watch");
        serve.destroyForcibly().waitFor();
        serve = null;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dev.answerline.store.TestDatabases.POSTGRES);
                java.sql.Statement sql = c.createStatement()) {
            sql.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void theEncodingsOfItsPagesAreKeptInTheDataFolderForTheNextStartAndBuild() throws Exception {
        serve();
        serve.destroy();
        assertThat(serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Path cache = dir.resolve("data").resolve("cache");
        try (java.util.stream.Stream<Path> files = Files.list(cache)) {
            Path pack = files.filter(f -> f.getFileName().toString().startsWith("compressed-")).findFirst().orElseThrow();
            // gzip and brotli of every compressible page of the small site: tens of kilobytes at least
            assertThat(Files.size(pack)).isGreaterThan(20_000);
        }
        serve = null;
    }

    /** The status, ETag and body of some pages in each encoding, and a search's results. */
    private List<String> sample() throws Exception {
        List<String> seen = new ArrayList<>();
        for (String path : List.of("/answers/should-you-roll-your-lower-back", "/answers", "/sitemap.xml", "/nothing")) {
            for (String encoding : List.of("identity", "gzip", "br")) {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + path)).header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofByteArray());
                seen.add(path + " " + encoding + " " + response.statusCode() + " "
                        + response.headers().firstValue("ETag").orElse("-") + " "
                        + java.util.Arrays.hashCode(response.body()));
            }
        }
        seen.add(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=lower+back"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        return seen;
    }

    @Test
    void aRestartWithNothingChangedServesThePagesKeptFromTheFirstStart() throws Exception {
        serve();
        List<String> first = sample();
        serve.destroy();
        assertThat(serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("serve.log"))).doesNotContain("kept from the last start");

        serve();
        assertThat(Files.readString(dir.resolve("serve.log"))).contains("kept from the last start: nothing changed since");
        assertThat(sample()).isEqualTo(first).anySatisfy(line -> assertThat(line).contains("should-you-roll"));
        // ready once the site has loaded behind the pages
        await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/readyz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    @Test
    void healthAndReadinessAnswerWithTheDatabaseOpen() throws Exception {
        serve();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"ready\":true}\n");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok\n");
    }

    @Test
    void withoutInsightsNothingIsCounted() throws Exception {
        serve("--no-insights");
        view("198.51.100.7");
        // the call to action's ping is still answered, and forgotten
        HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/event?e=cta&p=/answers/should-you-roll-your-lower-back&cta=shop"))
                .POST(HttpRequest.BodyPublishers.ofString("PING")).header("Content-Type", "text/ping").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(ping.statusCode()).isEqualTo(204);
        assertThat(stopAndCount()).containsExactly(0, 0);
    }

    @Test
    void behindAProxyTheClientIsTheAddressTheProxyAppended() throws Exception {
        serve("--behind-proxy", "--signup-limit", "2/10m");
        assertThat(signUp("a%40example.com", "10.0.0.1, 198.51.100.7")).isEqualTo(200);
        assertThat(signUp("b%40example.com", "10.0.0.2, 198.51.100.7")).isEqualTo(200);
        assertThat(signUp("c%40example.com", "10.0.0.3, 198.51.100.7")).as("the same client, whatever it wrote")
                .isEqualTo(429);
        assertThat(signUp("d%40example.com", "198.51.100.8")).as("another client").isEqualTo(200);
    }

    @Test
    void withTwoTrustedProxiesTheClientIsTheSecondFromTheRight() throws Exception {
        serve("--behind-proxy", "--trusted-hops", "2", "--signup-limit", "1/10m");
        assertThat(signUp("a%40example.com", "6.6.6.1, 198.51.100.7, 10.0.0.9")).isEqualTo(200);
        assertThat(signUp("b%40example.com", "6.6.6.2, 198.51.100.7, 10.0.0.9")).isEqualTo(429);
        assertThat(signUp("c%40example.com", "6.6.6.3, 198.51.100.8, 10.0.0.9")).isEqualTo(200);
    }

    @Test
    void proxyOptionsThatMakeNoSenseAreUsageErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("serve", "--behind-proxy", "--client-header", "Via")).isEqualTo(Main.USAGE);
            assertThat(Main.run("serve", "--behind-proxy", "--trusted-hops", "0")).isEqualTo(Main.USAGE);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--client-header Via is not a header a proxy writes the client address into",
                        "--trusted-hops 0 must be from 1 to 16");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
