package dev.answerline.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.answerline.TestSites;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts of a real serve process: a stop with SIGTERM writes every view counted, a SIGKILL loses at most
 * the views of the last seconds (the flush interval), and the database stays sound.
 */
class StopTest {
    private static final String PAGE = "/answers/should-you-roll-your-lower-back";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void sigtermWritesEveryViewBeforeTheProcessEnds() throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        int port = freePort();
        Process server = start(site, port, "term");
        view(port, 400);
        server.destroy(); // SIGTERM
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as("a stop asked for is a clean end").isZero();
        assertThat(views()).isEqualTo(400);
        assertThat(Files.readString(dir.resolve("term.log"))).doesNotContain("Exception", "\tat ");
    }

    @Test
    void sigkillLosesAtMostTheLastSecondsOfViews() throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        int port = freePort();
        Process server = start(site, port, "kill");
        view(port, 300);
        // written within a flush or two, without any stop
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> views() == 300);
        view(port, 50);
        server.destroyForcibly(); // SIGKILL: no hook runs
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(views()).isBetween(300L, 350L);
        try (Connection db = sqlite(); Statement sql = db.createStatement();
                ResultSet check = sql.executeQuery("PRAGMA integrity_check")) {
            check.next();
            assertThat(check.getString(1)).isEqualTo("ok");
        }

        long before = views();
        Process again = start(site, port, "again");
        view(port, 10);
        again.destroy();
        assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(views()).isEqualTo(before + 10);
    }

    private void view(int port, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PAGE))
                    .header("User-Agent", Counted.BROWSER).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    private Connection sqlite() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/answerline.db"));
    }

    private long views() throws Exception {
        try (Connection db = sqlite(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COALESCE(SUM(views), 0) FROM insight_day")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Process start(Path site, int port, String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.answerline.cli.Main", "serve", "--site", site.toString(), "--data", dir.resolve("data").toString(),
                "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANSWERLINE_"));
        Process process = builder.start();
        try {
            await("the server to start").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("the server process ended; see " + dir.resolve(name + ".log"));
                        }
                        // a program's request: not a view
                        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/robots.txt"))
                                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
            return process;
        } catch (RuntimeException | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
