package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.answerline.TestSites;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: a real server process is killed with SIGKILL while signups stream in; after
 * a restart every signup that got a success answer is there, with its confirmation email in the outbox, and
 * the SQLite file passes its integrity check.
 */
class CrashDurabilityTest {
    private static final int WRITERS = 6;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedSignupSurvivesAKill() throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Path data = dir.resolve("data");
        int port = freePort();
        Process server = start(site, data, port, "first");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean streaming = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; streaming.get(); i++) {
                    String email = "w" + writer + "-" + i + "@example.com";
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/newsletter/subscribe"))
                                .timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&source=/")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            acknowledged.add(email);
                        }
                    } catch (IOException e) {
                        // the server is gone: what was not answered was not promised
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> acknowledged.size() >= 300);
        } finally {
            server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            streaming.set(false);
            writers.shutdown();
        }
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("signups answered before the kill").hasSizeGreaterThanOrEqualTo(300);

        Process restarted = start(site, data, port, "second");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("answerline.db"));
                Statement sql = db.createStatement()) {
            Set<String> stored = strings(sql, "SELECT email FROM subscriber");
            assertThat(stored).containsAll(acknowledged);
            assertThat(strings(sql, "SELECT recipient FROM outbox WHERE kind = 'confirm'")).containsAll(acknowledged);
            assertThat(strings(sql, "PRAGMA integrity_check")).containsExactly("ok");
        } finally {
            restarted.destroy();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Set<String> strings(Statement sql, String query) throws Exception {
        Set<String> values = new HashSet<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private Process start(Path site, Path data, int port, String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.answerline.cli.Main", "serve", "--site", site.toString(), "--data", data.toString(),
                "--port", String.valueOf(port), "--signup-limit", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANSWERLINE_"));
        Process process = builder.start();
        try {
            await("the server to start").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("the server process ended; see " + dir.resolve(name + ".log"));
                        }
                        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
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
