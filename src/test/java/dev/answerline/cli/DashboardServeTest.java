package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.answerline.TestSites;
import dev.answerline.admin.internal.Shell;
import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard as docs/dashboard.md tells the owner to start it: its command line run by a real shell,
 * serve in its own process, the password from the environment.
 */
class DashboardServeTest {
    private static final Pattern COMMAND = Pattern.compile("```sh\\n(ANSWERLINE_ADMIN_PASSWORD=(.*?) bin/answerline"
            + " serve)\\n```");

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

    @Test
    void theCommandOfTheDocsStartsServeWithTheDashboardAndThatPassword() throws Exception {
        Matcher docs = COMMAND.matcher(Files.readString(Path.of("docs/dashboard.md")));
        assertThat(docs.find()).as("docs/dashboard.md shows the command").isTrue();
        Matcher readme = COMMAND.matcher(Files.readString(Path.of("README.md")));
        assertThat(readme.find()).as("README.md shows the command").isTrue();
        assertThat(readme.group()).as("the README's command is the one tested here").isEqualTo(docs.group());
        // the password as the shell reads it: the docs quote it
        String password = docs.group(2).replaceAll("^'(.*)'$", "$1");
        start(docs.group(1));

        HttpResponse<String> admin = get("/admin/", null);
        assertThat(admin.statusCode()).isEqualTo(303);
        assertThat(admin.headers().firstValue("Location")).hasValue("/admin/login");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(password,
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> dashboard = get("/admin/", cookie);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<h1>Insights</h1>");

        String log = Files.readString(dir.resolve("serve.log"));
        assertThat(log).contains("Dashboard at http://127.0.0.1:" + port + "/admin/").doesNotContain(password);
    }

    @Test
    void withoutThePasswordTheDashboardSaysHowToSetIt() throws Exception {
        start("bin/answerline serve");
        HttpResponse<String> admin = get("/admin/", null);
        assertThat(admin.statusCode()).isEqualTo(503);
        assertThat(admin.body()).contains("ANSWERLINE_ADMIN_PASSWORD='a long passphrase' bin/answerline serve");
        assertThat(Files.readString(dir.resolve("serve.log"))).contains("Dashboard off: start with"
                + " ANSWERLINE_ADMIN_PASSWORD=... to see the insights at /admin/ (docs/dashboard.md)");
    }

    @Test
    void withoutInsightsThereIsNoDashboard() throws Exception {
        start("ANSWERLINE_ADMIN_PASSWORD=secret bin/answerline serve --no-insights");
        assertThat(get("/admin/", null).statusCode()).isEqualTo(404);
    }

    /** Runs a command line of the docs in a shell, with bin/answerline being this build's serve. */
    private void start(String commandLine) throws IOException {
        port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        String serveCommand = "exec " + Shell.quote(java) + " -cp " + Shell.quote(System.getProperty("java.class.path"))
                + " dev.answerline.cli.Main serve --site " + Shell.quote(TestSites.fixture("small").toString())
                + " --data " + Shell.quote(dir.resolve("data").toString()) + " --port " + port;
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", commandLine.replace("bin/answerline serve", serveCommand))
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANSWERLINE_"));
        serve = builder.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            if (!serve.isAlive()) {
                throw new AssertionError("serve ended: " + Files.readString(dir.resolve("serve.log")));
            }
            return get("/", null).statusCode() == 200;
        });
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
