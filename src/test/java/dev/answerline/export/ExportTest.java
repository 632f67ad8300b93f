package dev.answerline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import dev.answerline.render.Similar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    private final Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
    /** The same site rendered in memory, as serve has it: the export must write at least every page. */
    private final Pages pages = Renderer.render(site);

    @TempDir
    Path out;

    @Test
    void writesEveryPageUnderItsUrl() throws IOException {
        Export.Summary summary = Export.write(site, Similar.NONE, out, 0);
        assertThat(out.resolve("index.html")).content().contains("<h1>Testroll Answers</h1>");
        assertThat(out.resolve("answers/index.html")).content().contains("<h1>All Questions</h1>");
        assertThat(out.resolve("answers/should-you-roll-your-lower-back.html")).exists();
        assertThat(out.resolve("answers/category/back-relief.html")).exists();
        assertThat(out.resolve("authors/index.html")).content().contains("<h1>Authors</h1>");
        assertThat(out.resolve("authors/ann-writer.html")).exists();
        assertThat(out.resolve("blog/index.html")).exists();
        assertThat(out.resolve("blog/why-we-roll.html")).exists();
        assertThat(out.resolve("products/index.html")).exists();
        assertThat(out.resolve("products/roller.html")).exists();
        assertThat(out.resolve("about.html")).exists();
        assertThat(out.resolve("404.html")).content().contains("We couldn't find that page");
        assertThat(out.resolve("images/logo.svg")).exists();
        assertThat(out.resolve("google1234.html")).content().contains("google-site-verification");
        try (var assets = Files.list(out.resolve("assets"))) {
            assertThat(assets.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("site\\.[0-9a-f]{10}\\.css"));
        }
        assertThat(summary.files()).isGreaterThan(pages.size());
    }

    /** Hosts that look for a folder before a file listed the folder at /answers next to answers.html. */
    @Test
    void noPageSitsNextToAFolderOfTheSameName() throws IOException {
        Export.write(site, Similar.NONE, out, 0);
        try (var files = Files.walk(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".html")))
                    .allSatisfy(f -> assertThat(f.resolveSibling(f.getFileName().toString().replaceFirst(
                            "\\.html$", ""))).as(f.toString()).doesNotExist())
                    .isNotEmpty();
        }
        assertThat(out.resolve("answers.html")).doesNotExist();
    }

    @Test
    void draftsAndFutureContentAreNotExported() {
        Export.write(site, Similar.NONE, out, 0);
        assertThat(out.resolve("answers/a-draft-answer.html")).doesNotExist();
        assertThat(out.resolve("answers/a-future-answer.html")).doesNotExist();
        assertThat(out.resolve("blog/coming-soon.html")).doesNotExist();
        assertThat(out.resolve("products/old-roller.html")).doesNotExist();
    }

    @Test
    void textFilesHaveAPrecompressedTwin() throws IOException {
        Export.write(site, Similar.NONE, out, 0);
        Path html = out.resolve("answers/index.html");
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(
                out.resolve("answers/index.html.gz"))))) {
            assertThat(gzip.readAllBytes()).isEqualTo(Files.readAllBytes(html));
        }
    }

    @Test
    void oldSlugsGetRedirectPagesAndARedirectsFile() {
        Export.write(site, Similar.NONE, out, 0);
        assertThat(out.resolve("answers/roll-lower-back.html")).content()
                .contains("<meta http-equiv=\"refresh\" content=\"0; url=/answers/should-you-roll-your-lower-back\">")
                .contains("<link rel=\"canonical\" href=\"/answers/should-you-roll-your-lower-back\">");
        assertThat(out.resolve("_redirects")).hasContent("""
                /answers/lumbar-rolling /answers/should-you-roll-your-lower-back 301
                /answers/roll-lower-back /answers/should-you-roll-your-lower-back 301""");
        assertThat(out.resolve("nginx-redirects.conf")).content().endsWith("""
                location = /answers/lumbar-rolling { return 301 /answers/should-you-roll-your-lower-back$is_args$args; }
                location = /answers/lumbar-rolling/ { return 301 /answers/should-you-roll-your-lower-back$is_args$args; }
                location = /answers/roll-lower-back { return 301 /answers/should-you-roll-your-lower-back$is_args$args; }
                location = /answers/roll-lower-back/ { return 301 /answers/should-you-roll-your-lower-back$is_args$args; }
                """);
    }

    @Test
    void theHeadersFileCarriesTheSecurityHeaders() {
        Export.write(site, Similar.NONE, out, 0);
        assertThat(out.resolve("_headers")).content().startsWith("/*\n  Content-Security-Policy: default-src 'self';")
                .contains("  X-Content-Type-Options: nosniff\n")
                .endsWith("\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n");
    }

    @Test
    void withoutAnInsightsEndpointExportedPagesReportNothing() throws IOException {
        Export.write(site, Similar.NONE, out, 0);
        String answer = Files.readString(out.resolve("answers/should-you-roll-your-lower-back.html"));
        assertThat(answer).doesNotContain("ping=", "/api/event", "data-events", "<noscript>");
        assertThat(out.resolve("assets")).isDirectoryNotContaining("glob:**/count.*");
        assertThat(out.resolve("_headers")).content().doesNotContain("connect-src");
    }

    @Test
    void withAnInsightsEndpointPagesSendTheirViewsAndClicksThereAndThePolicyLetsThemThrough(@TempDir Path dir)
            throws IOException {
        Path copy = TestSites.copy("small", dir.resolve("site"));
        Files.writeString(copy.resolve("site.yaml"), "\ninsights:\n  endpoint: https://stats.testroll.example/\n",
                java.nio.file.StandardOpenOption.APPEND);
        Site counted = Site.load(copy, TestSites.TODAY);
        assertThat(counted.problems()).isEmpty();
        Export.write(counted, Similar.NONE, out, 0);

        String answer = Files.readString(out.resolve("answers/should-you-roll-your-lower-back.html"));
        java.util.regex.Matcher script = java.util.regex.Pattern.compile(
                "<script src=\"(/assets/count\\.[0-9a-f]{10}\\.js)\" async "
                        + "data-events=\"https://stats\\.testroll\\.example/api/event\"></script>").matcher(answer);
        assertThat(script.find()).as(answer).isTrue();
        assertThat(answer).contains("ping=\"https://stats.testroll.example/api/event?e=cta&amp;"
                        + "p=%2Fanswers%2Fshould-you-roll-your-lower-back&amp;cta=shop\"")
                .contains("<noscript><img class=\"pixel\" src=\"https://stats.testroll.example/api/event?e=view&amp;"
                        + "p=%2Fanswers%2Fshould-you-roll-your-lower-back\" alt=\"\" width=\"1\" height=\"1\"></noscript>");
        // the script is small, and its name changes with its bytes
        Path count = out.resolve(script.group(1).substring(1));
        assertThat(Files.size(count)).isLessThan(1024);
        assertThat(out.resolve("_headers")).content().contains("default-src 'self'; connect-src 'self' "
                + "https://stats.testroll.example; img-src 'self' data: https: https://stats.testroll.example;");
        // a page not listed (the 404) reports no view of its own
        assertThat(out.resolve("404.html")).content().doesNotContain("<noscript>");
    }

    @Test
    void theSubscriberCountIsFilledIn() {
        Export.write(site, Similar.NONE, out, 5000);
        assertThat(out.resolve("answers/can-you-roll-every-day.html")).content()
                .contains("Join <strong>5,000+</strong> readers.").doesNotContain("answerline:social-proof");
    }

    @Test
    void aRebuildReplacesTheEarlierExport() throws IOException {
        Export.write(site, Similar.NONE, out, 0);
        Files.writeString(out.resolve("answers/stale.html"), "left over");
        Export.write(site, Similar.NONE, out, 0);
        assertThat(out.resolve("answers/stale.html")).doesNotExist();
        assertThat(out.resolve("index.html")).exists();
    }

    @Test
    void aFolderWithOtherFilesIsLeftAlone() throws IOException {
        Files.writeString(out.resolve("thesis.docx"), "precious");
        assertThatThrownBy(() -> Export.write(site, Similar.NONE, out, 0)).isInstanceOf(ExportException.class)
                .hasMessage(out + " is not empty and was not made by answerline build — choose an empty or new folder"
                        + " with --out");
        assertThat(out.resolve("thesis.docx")).hasContent("precious");
    }
}
