package dev.answerline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.content.Site;
import dev.answerline.export.Export;
import dev.answerline.render.Renderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo site validates with the Nu HTML checker. The checker runs in its own JVM from the jars the
 * build copies into {@code target/vnu} (see the html-checker profile in pom.xml): its Jetty 11 and our
 * Jetty 12 cannot share a classpath.
 */
class HtmlValidationTest {
    @TempDir
    Path out;

    @Test
    void everyDemoPageIsValidHtml() throws IOException, InterruptedException {
        Path vnu = Path.of(System.getProperty("vnu.dir", "target/vnu"));
        assertThat(vnu.resolve("validator-26.5.2.jar")).as("the Nu HTML checker, copied by mvn test").exists();
        Export.write(Renderer.render(Site.load(TestSites.demo())), out, 10_432);
        try (var files = Files.walk(out)) {
            assertThat(files.filter(f -> f.toString().endsWith(".html")).count()).isGreaterThan(40);
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
