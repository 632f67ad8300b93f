package dev.answerline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's {@code /usr/sbin/nginx}) on a free loopback port, in the foreground, with its pid,
 * logs and temporary files in a folder of the test's: the {@code server} block's body is the test's, inside
 * the {@code http} block of a stock Debian {@code nginx.conf} (mime.types, octet-stream default, gzip on).
 * Without nginx a test is skipped with a message, except in CI ({@code CI} set), where {@code .ci/run}
 * installs it. Close it to stop nginx.
 */
public final class Nginx implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path work;
    private final int port;

    private Nginx(Process process, Path work, int port) {
        this.process = process;
        this.work = work;
        this.port = port;
    }

    /** Skips the test when nginx is missing, or fails it in CI. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must test the nginx configuration, but " + BINARY
                    + " is missing — .ci/run installs nginx-light");
        }
        assumeTrue(installed, "skipped: no nginx at " + BINARY + "; install it with apt-get install nginx-light");
    }

    /**
     * Starts nginx serving {@code serverBlock} and waits until it accepts connections.
     *
     * @param work an empty folder for its configuration, pid, logs and temporary files
     */
    public static Nginx start(Path work, String serverBlock) throws IOException {
        return startHttp(work, port -> "server {\n    listen 127.0.0.1:" + port + ";\n"
                + serverBlock.indent(4).stripTrailing() + "\n}");
    }

    /**
     * Starts nginx with {@code http} (given the free port it is to listen on) as the body of its {@code http}
     * block, e.g. an upstream and a server block, and waits until it accepts connections.
     */
    public static Nginx startHttp(Path work, java.util.function.IntFunction<String> http) throws IOException {
        assumeInstalled();
        int port = freePort();
        String conf = """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    gzip on;
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s
                }
                """.formatted(work, http.apply(port).indent(4).stripTrailing());
        Path confFile = work.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process process = new ProcessBuilder(BINARY.toString(), "-p", work.toString(), "-c", confFile.toString(),
                "-e", work.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(work.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, work, port);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive() || accepts(port));
            assertThat(process.isAlive()).as("nginx started with %s; it said: %s%s", confFile,
                    Files.readString(work.resolve("stdout.log")), nginx.errors()).isTrue();
        } catch (RuntimeException | AssertionError e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** What nginx wrote to its error log. */
    public String errors() {
        try {
            Path log = work.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // SIGTERM: the master stops its worker and exits
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
