package dev.answerline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of dashboard page validates with the Nu HTML checker, run as HtmlValidationTest runs it. */
class DashboardHtmlTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfDashboardPageIsValidHtml() throws IOException, InterruptedException {
        Path vnu = Path.of(System.getProperty("vnu.dir", "target/vnu"));
        assertThat(vnu.resolve("validator-26.5.2.jar")).as("the Nu HTML checker, copied by mvn test").exists();
        Path out = Files.createDirectories(dir.resolve("out"));
        try (Database db = Database.open(dir, null); AdminHub hub = new AdminHub(db);
                AdminHub unset = new AdminHub(db, b -> { })) {
            hub.seed();
            hub.get("/search?q=it%27s+%22%24%28x%29%22");
            hub.insights.flush();
            String cookie = hub.login();
            Map<String, String> pages = Map.of(
                    "login", hub.get("/admin/login").body(),
                    "wrong-password", hub.post("/admin/login", List.of("password", "no")).body(),
                    "overview", hub.get("/admin/", "Cookie", cookie).body(),
                    "bad-date", hub.get("/admin/?from=x", "Cookie", cookie).body(),
                    "answer", hub.get("/admin/page?p=" + AdminHub.PAGE, "Cookie", cookie).body(),
                    "not-found", hub.get("/admin/nothing", "Cookie", cookie).body(),
                    "no-password", unset.get("/admin/").body());
            for (Map.Entry<String, String> page : pages.entrySet()) {
                Files.writeString(out.resolve(page.getKey() + ".html"), page.getValue());
            }
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process checker = new ProcessBuilder(java, "-cp", vnu.toAbsolutePath() + "/*",
                "nu.validator.client.SimpleCommandLineValidator", "--errors-only", "--format", "gnu", "--skip-non-html",
                out.toString()).redirectErrorStream(true).start();
        String report = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(checker.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(report).isEmpty();
        assertThat(checker.exitValue()).isZero();
    }
}
