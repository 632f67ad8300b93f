package dev.answerline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code answerline serve} process, as a service manager runs it: its own port and data folder, its log
 * in a file, stopped with SIGTERM or killed with SIGKILL.
 */
final class Node implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String name;
    private final List<String> args;
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    private Node(String name, int port, List<String> args, Map<String, String> env, Path log) {
        this.name = name;
        this.port = port;
        this.args = args;
        this.env = env;
        this.log = log;
    }

    /** Starts {@code answerline serve ARGS --port P} and waits until /readyz says ready. */
    static Node start(String name, Path dir, List<String> args, Map<String, String> env) throws IOException {
        Node node = new Node(name, freePort(), args, env, dir.resolve(name + ".log"));
        node.start();
        return node;
    }

    /** Starts the process again on the same port, with the same settings. */
    void start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.answerline.cli.Main", "serve", "--port", String.valueOf(port)));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("ANSWERLINE_"));
        builder.environment().putAll(env);
        process = builder.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(process.isAlive()).as("%s stopped; its log: %s", name, log()).isTrue();
            return ready();
        });
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The body of a GET straight to this node, not through nginx. */
    String get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/readyz")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM, as a service manager stops it; returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("%s stopped within 40 s of SIGTERM; its log: %s", name,
                log()).isTrue();
        return process.exitValue();
    }

    /** SIGKILL: nothing runs on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
