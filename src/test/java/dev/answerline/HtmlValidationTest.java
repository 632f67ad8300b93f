package dev.answerline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.content.Site;
import dev.answerline.export.Export;
import dev.answerline.render.Message;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import dev.answerline.render.SearchPage;
import dev.answerline.search.Results;
import dev.answerline.search.SearchIndex;
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
    /**
     * The checker's errors for WebMCP's declarative attributes, which HTML does not define yet: the proposal
     * (webmachinelearning/webmcp, declarative-api-explainer.md) and Chromium read them exactly so, unprefixed,
     * on forms and their controls. Every other error, these attributes on any other element included, fails.
     */
    static final String WEBMCP = ".*Attribute “(toolname|tooldescription|toolautosubmit|toolparamdescription)” not"
            + " allowed on element “(form|input)” at this point\\.";

    @TempDir
    Path out;

    @Test
    void everyDemoPageIsValidHtml() throws IOException, InterruptedException {
        Path vnu = Path.of(System.getProperty("vnu.dir", "target/vnu"));
        assertThat(vnu.resolve("validator-26.5.2.jar")).as("the Nu HTML checker, copied by mvn test").exists();
        Site site = Site.load(TestSites.demo());
        try (SearchIndex index = SearchIndex.build(site)) {
            // with one newsletter issue sent: its web version and the archive are pages too
            Export.write(site, index.similar(), out, 10_432, java.util.Map.of("rolling-before-a-run",
                    java.time.Instant.parse("2026-11-20T06:00:00Z")));
            Pages pages = Renderer.render(site, Renderer.Options.serve(index.similar()));   // the frame of the pages made at request time
            // the search page, with results and with none
            for (String query : new String[] {"lumbr spine", "xqlumbarx", ""}) {
                Results found = index.search(query, 20);
                Files.writeString(out.resolve("search-" + query.length() + ".html"), pages.search(new SearchPage(
                        found.query(), found.notice(), page(found.answers()), page(found.others()),
                        page(found.closest()))));
            }
            // the pages the newsletter makes at request time: a result, and a page with a button
            Files.writeString(out.resolve("message-result.html"), pages.message(new Message("Thanks for signing up",
                    "Thanks for signing up", "Almost done. Confirm with the link we just emailed you.", null,
                    new Message.Link("Back to the page you were reading", "/answers"))));
            Files.writeString(out.resolve("message-action.html"), pages.message(new Message("Confirm", "Confirm your"
                    + " subscription", "Press the button.", new Message.Action("/newsletter/confirm",
                            java.util.Map.of("token", "abc"), "Confirm subscription"), null)));
        }
        try (var files = Files.walk(out)) {
            assertThat(files.filter(f -> f.toString().endsWith(".html")).count()).isGreaterThan(40);
        }
        assertThat(out.resolve("newsletter/rolling-before-a-run.html")).exists();
        assertThat(out.resolve("newsletter/index.html")).exists();
        // the forms are WebMCP tools for agents; the checker lets through those attributes alone (see WEBMCP)
        assertThat(Files.readString(out.resolve("answers/should-you-foam-roll-your-lumbar-spine.html")))
                .contains("toolname=\"search_answers\"", "toolname=\"subscribe_newsletter\"", "toolparamdescription=");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process checker = new ProcessBuilder(java, "-cp", vnu.toAbsolutePath() + "/*",
                "nu.validator.client.SimpleCommandLineValidator", "--errors-only", "--format", "gnu", "--skip-non-html",
                "--filterpattern", WEBMCP, out.toString()).redirectErrorStream(true).start();
        String report = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(checker.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(report).isEmpty();
        assertThat(checker.exitValue()).isZero();
    }

    private static java.util.List<SearchPage.Result> page(java.util.List<Results.Hit> hits) {
        return hits.stream().map(h -> new SearchPage.Result(h.path(), h.title(), h.snippetHtml(), h.label())).toList();
    }
}
