package dev.answerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import dev.answerline.export.Export;
import dev.answerline.render.Renderer;
import dev.answerline.render.Similar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old addresses another tool served pages at ({@code aliases: [/2023/05/x/]}), on answers, blog posts and pages:
 * what an import keeps so that every old link still leads somewhere.
 */
class OldAddressesTest {
    @TempDir
    Path dir;

    private static void add(Path file, String after, String line) throws IOException {
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(after), after + "\n" + line));
    }

    private Path site() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        add(site.resolve("answers/should-you-roll-your-lower-back.md"), "aliases: [roll-lower-back, lumbar-rolling]",
                "");
        Path answer = site.resolve("answers/should-you-roll-your-lower-back.md");
        Files.writeString(answer, Files.readString(answer).replace("aliases: [roll-lower-back, lumbar-rolling]",
                "aliases: [roll-lower-back, lumbar-rolling, /2023/05/lower-back/, /about]"));
        add(site.resolve("blog/why-we-roll.md"), "author: ann-writer", "aliases: [/news/why-we-roll/, started]");
        add(site.resolve("pages/disclaimer.md"), "---", "aliases: [/legal/disclaimer.html]");
        return site;
    }

    @Test
    void oldPathsRedirectWithAndWithoutTheirFinalSlash() throws Exception {
        Site site = Site.load(site(), TestSites.TODAY);
        assertThat(site.problems()).noneMatch(Problem::isError);
        assertThat(site.redirects()).containsEntry("/2023/05/lower-back", "/answers/should-you-roll-your-lower-back")
                .containsEntry("/news/why-we-roll", "/blog/why-we-roll").containsEntry("/blog/started", "/blog/why-we-roll")
                .containsEntry("/legal/disclaimer.html", "/disclaimer");

        try (Server server = Server.builder(Renderer.render(site)).port(0).build().start()) {
            HttpClient http = HttpClient.newHttpClient();
            for (String[] moved : new String[][] {{"/2023/05/lower-back", "/answers/should-you-roll-your-lower-back"},
                    {"/2023/05/lower-back/", "/answers/should-you-roll-your-lower-back"},
                    {"/news/why-we-roll/?ref=x", "/blog/why-we-roll?ref=x"}, {"/blog/started", "/blog/why-we-roll"},
                    {"/legal/disclaimer.html", "/disclaimer"}}) {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + moved[0])).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).as(moved[0]).isEqualTo(301);
                assertThat(response.headers().firstValue("location")).as(moved[0]).hasValueSatisfying(
                        l -> assertThat(l).endsWith(moved[1]));
            }
            // an old address that is a page of this site now is that page
            HttpResponse<String> about = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/about")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(about.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theExportWritesThemForEveryKindOfHost() throws Exception {
        Path out = dir.resolve("out");
        Export.write(Site.load(site(), TestSites.TODAY), Similar.NONE, out, 0);

        assertThat(out.resolve("2023/05/lower-back.html")).content()
                .contains("url=/answers/should-you-roll-your-lower-back");
        assertThat(out.resolve("about.html")).content().doesNotContain("http-equiv=\"refresh\"");
        assertThat(out.resolve("_redirects")).content().contains("/news/why-we-roll /blog/why-we-roll 301");
        assertThat(out.resolve("nginx-redirects.conf")).content()
                .contains("location = /2023/05/lower-back/ { return 301 /answers/should-you-roll-your-lower-back")
                .contains("location = /legal/disclaimer.html { return 301 /disclaimer$is_args$args; }")
                .doesNotContain("location = /about ");
    }

    @Test
    void anAddressThatLeavesTheFolderOrLeadsToTwoPagesIsRefusedAtItsLine() throws IOException {
        Path site = site();
        add(site.resolve("answers/how-long-should-you-roll.md"), "---", "aliases: [/news/why-we-roll]");
        add(site.resolve("answers/can-you-roll-every-day.md"), "---", "aliases: [/../etc/passwd]");

        Site loaded = Site.load(site, TestSites.TODAY);

        assertThat(loaded.problems()).filteredOn(Problem::isError).extracting(Problem::toString).containsExactlyInAnyOrder(
                "answers/can-you-roll-every-day.md:2: error: `/../etc/passwd` in `aliases` is neither a slug nor a"
                        + " site path — use a slug such as `etc-passwd`, or a path of letters, digits, `.`, `_`, `~` and"
                        + " `-` between slashes, such as `/2023/05/etc-passwd/` (invalid-alias)",
                "blog/why-we-roll.md:6: error: the alias `/news/why-we-roll` is already taken by"
                        + " answers/how-long-should-you-roll.md — remove it from `aliases`: /news/why-we-roll cannot lead"
                        + " to two pages (alias-clash)");
    }
}
