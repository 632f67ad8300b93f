package dev.answerline.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.memory.MappedStore;
import dev.answerline.memory.TextStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editors' Markdown can never put script, styles or dangerous links on a page, and reads the same everywhere. */
class MarkdownTest {
    private static Prose block(String markdown) {
        return Markdown.block(markdown, 1, null, TextStore.HEAP, true);
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertThat(block("<script>alert(1)</script>\n\nHi <b onclick=x>there</b>").html())
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>Hi &lt;b onclick=x&gt;there&lt;/b&gt;</p>\n");
    }

    @Test
    void onlyHttpHttpsMailtoAndRelativeLinksSurvive() {
        String html = block("[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) "
                + "[d](https://x.example) [e](mailto:a@x.example) [f](/blog/y) [g](#part) ![h](data:image/png,x)").html();
        assertThat(html).doesNotContain("javascript:", "data:", "vbscript:")
                .contains("href=\"https://x.example\"", "href=\"mailto:a@x.example\"", "href=\"/blog/y\"",
                        "href=\"#part\"");
    }

    @Test
    void unsafeLinksBecomeTheirTextAndUnsafeImagesTheirAltText() {
        assertThat(block("Click [*here*](javascript:alert(1)) or ![a cat](data:image/png;base64,x).").html())
                .isEqualTo("<p>Click <em>here</em> or a cat.</p>\n");
    }

    @Test
    void whatRenderDropsIsListedWithItsLineAndIsNoLink() {
        Prose prose = Markdown.block("Intro.\n\nClick [here](javascript:alert(1)).\n\n![a cat](data:image/png,x) and"
                + " [fine](/x)", 20, null, TextStore.HEAP, true);
        assertThat(prose.dropped()).containsExactly(new Prose.Link("javascript:alert(1)", "here", 22),
                new Prose.Link("data:image/png,x", "a cat", 24));
        assertThat(prose.links()).containsExactly(new Prose.Link("/x", "fine", 24));
        assertThat(prose.images()).isEmpty();
    }

    @Test
    void headingsGetIdsThatDoNotClashWithThePagesOwn() {
        assertThat(block("## Why it *hurts*\n\n## The Bottom Line\n\n## Why it hurts").html())
                .isEqualTo("<h2 id=\"why-it-hurts\">Why it <em>hurts</em></h2>\n"
                        + "<h2 id=\"the-bottom-line-1\">The Bottom Line</h2>\n"
                        + "<h2 id=\"why-it-hurts-1\">Why it hurts</h2>\n");
    }

    @Test
    void inlineFieldsHaveNoParagraph() {
        assertThat(Markdown.inline("Roll **slowly** & [see why](/blog/x).", 3).html()).isEqualTo(
                "Roll <strong>slowly</strong> &amp; <a href=\"/blog/x\">see why</a>.");
    }

    @Test
    void imagesLoadLazily() {
        assertThat(block("![A roller](/images/r.svg)").html())
                .isEqualTo("<p><img src=\"/images/r.svg\" alt=\"A roller\" loading=\"lazy\" decoding=\"async\" /></p>\n");
    }

    @Test
    void tablesAndBareLinksWork() {
        assertThat(block("| a | b |\n|---|---|\n| 1 | 2 |").html()).contains("<table>", "<td>1</td>");
        assertThat(block("See https://x.example now").html()).contains("<a href=\"https://x.example\">");
    }

    @Test
    void theTextIsABlockALineWithoutMarkup() {
        Prose prose = block("## Why *it* hurts\n\nRoll **slowly**,\nsee [why](/x).  \nThen `rest`.\n\n"
                + "| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nfoam()\n```\n\n<div>html</div>\n");
        assertThat(prose.text()).isEqualTo("Why it hurts\nRoll slowly, see why. Then rest.\na b \n1 2 \nfoam()\n");
        assertThat(prose.line()).isEqualTo("Why it hurts Roll slowly, see why. Then rest. a b 1 2 foam()");
        assertThat(prose.blocks()).extracting(Prose.Block::kind).containsExactly(Prose.BlockKind.HEADING,
                Prose.BlockKind.PARAGRAPH, Prose.BlockKind.CELL, Prose.BlockKind.CELL, Prose.BlockKind.CELL,
                Prose.BlockKind.CELL, Prose.BlockKind.CODE);
        Prose.Block paragraph = prose.blocks().get(1);
        assertThat(prose.text().substring(paragraph.start(), paragraph.end())).isEqualTo("Roll slowly, see why. Then rest.");
        assertThat(paragraph.line()).isEqualTo(3);
    }

    @Test
    void readersOutsideGetAbsoluteLinksAndTheHtmlAsText() {
        Prose prose = Markdown.block("See [the post](/blog/x), [this part](#why) and <b>this</b>.", 1,
                new Markdown.Outside("https://site.example", "https://site.example/answers/a"), TextStore.HEAP, true);
        assertThat(prose.outside()).isEqualTo("See [the post](https://site.example/blog/x), [this part]"
                + "(https://site.example/answers/a#why) and \\<b\\>this\\</b\\>.");
        assertThat(prose.html()).contains("href=\"/blog/x\"");
        assertThat(block("x").outside()).isNull();
    }

    @Test
    void aTextTooDeepHasNoFormsAndSaysHowDeepItIs() {
        Prose prose = block("Fine.\n\n" + ">".repeat(500) + " deep");
        assertThat(prose.tooDeep()).isTrue();
        assertThat(prose.depth()).isEqualTo(new Markdown.Depth(500, 2));
        assertThat(prose.html()).isEmpty();
        assertThat(prose.text()).isEmpty();
    }

    @Test
    void aPublishedTextKeepsNoFactsForChecks() {
        Prose prose = Markdown.block("See [the post](/blog/x).\n\n## Part\n", 1, null, TextStore.HEAP, false);
        assertThat(prose.facts()).isFalse();
        assertThat(prose.links()).isEmpty();
        assertThat(prose.blocks()).isEmpty();
        assertThat(prose.html()).contains("href=\"/blog/x\"");
        assertThat(prose.text()).isEqualTo("See the post.\nPart\n");
    }

    @Test
    void formsKeptOutsideTheHeapReadBackTheSame(@TempDir Path dir) {
        String markdown = "Rolling *the* thoracic spine — “ça va”. ".repeat(60);
        Prose onHeap = Markdown.block(markdown, 1, null, TextStore.HEAP, true);
        Prose mapped = Markdown.block(markdown, 1, null, TextStore.mapped(new MappedStore(dir)), true);
        assertThat(mapped.html()).isEqualTo(onHeap.html());
        assertThat(mapped.text()).isEqualTo(onHeap.text());
        assertThat(mapped).isEqualTo(onHeap);
    }
}
