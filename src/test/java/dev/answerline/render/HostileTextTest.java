package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question that tries to end a script element and start one, with both kinds of quotes, stays text
 * everywhere: in HTML, in JSON-LD, in the feeds, in llms.txt and the Markdown twin. So do drafts and
 * future answers stay out of everything.
 */
class HostileTextTest {
    static final String HOSTILE = "Is \"this\" 'safe' & sound</script><script>alert(1)</script>?";
    private static final String SLUG = "should-you-roll-your-lower-back";

    @TempDir
    Path dir;

    private Pages pages;

    @BeforeEach
    void render() throws Exception {
        TestSites.copy("small", dir);
        Path answer = dir.resolve("answers/" + SLUG + ".md");
        Files.writeString(answer, Files.readString(answer).replace("question: Should you roll your lower back?",
                "question: '" + HOSTILE.replace("'", "''") + "'"));
        Site site = Site.load(dir, TestSites.TODAY);
        assertThat(site.problems()).isEmpty();
        pages = Renderer.render(site);
    }

    private String text(String path) {
        return new String(pages.get(path).body("").identity(), StandardCharsets.UTF_8);
    }

    @Test
    void noPageCarriesTheScript() {
        for (Page page : pages.all()) {
            assertThat(text(page.path())).as(page.path()).doesNotContain("<script>alert(1)", "</script><script>");
        }
    }

    @Test
    void htmlShowsItAsText() {
        Document page = Jsoup.parse(text("/answers/" + SLUG));
        assertThat(page.select("h1").text()).isEqualTo(HOSTILE);
        assertThat(page.title()).startsWith(HOSTILE);
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(HOSTILE);
        assertThat(page.select("script")).hasSize(2).allSatisfy(script -> assertThat(script.hasAttr("src")
                || script.attr("type").equals("application/ld+json")).isTrue());
        Document index = Jsoup.parse(text("/answers"));
        assertThat(index.select(".card-title a").eachText()).contains(HOSTILE);
    }

    @Test
    void jsonLdKeepsItAsAString() throws Exception {
        Document page = Jsoup.parse(text("/answers/" + SLUG));
        String json = page.select("script[type=application/ld+json]").get(0).data();
        assertThat(json.toLowerCase()).doesNotContain("</script", "<script");
        JsonNode graph = new ObjectMapper().readTree(json).path("@graph");
        boolean found = false;
        for (JsonNode node : graph) {
            if (node.path("@type").asText().equals("Question") && node.path("name").asText().equals(HOSTILE)) {
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void feedsEscapeIt() throws Exception {
        for (String feed : new String[] {"/feed.xml", "/atom.xml"}) {
            String xml = text(feed);
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            var titles = document.getElementsByTagName("title");
            boolean found = false;
            for (int i = 0; i < titles.getLength(); i++) {
                found |= titles.item(i).getTextContent().equals(HOSTILE);
            }
            assertThat(found).as(feed).isTrue();
            assertThat(xml).contains("&lt;/script&gt;");
        }
    }

    @Test
    void llmsTxtAndTheTwinEscapeItAsMarkdown() {
        String escaped = "Is \"this\" 'safe' & sound\\</script\\>\\<script\\>alert(1)\\</script\\>?";
        assertThat(text("/llms.txt")).contains("- [" + escaped + "](https://answers.testroll.example/answers/" + SLUG
                + "): ");
        assertThat(text("/answers/" + SLUG + ".md")).startsWith("# " + escaped + "\n");
        assertThat(pages.get("/llms.txt").contentType()).startsWith("text/plain");
        assertThat(pages.get("/answers/" + SLUG + ".md").contentType()).startsWith("text/markdown");
    }

    @Test
    void draftsAndFutureContentAreNowhere() {
        for (Page page : pages.all()) {
            assertThat(text(page.path())).as(page.path()).doesNotContain("a-draft-answer", "Is this a draft?",
                    "a-future-answer", "Is this in the future?", "coming-soon", "Coming soon", "old-roller", "Old Roller");
        }
        assertThat(pages.get("/answers/a-draft-answer")).isNull();
        assertThat(pages.get("/answers/a-future-answer.md")).isNull();
        assertThat(pages.get("/blog/coming-soon")).isNull();
    }
}
