package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.render.internal.Markdown;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Editors' Markdown can never put script, styles or dangerous links on a page. */
class MarkdownTest {
    private final Markdown markdown = new Markdown(Set.of("the-bottom-line"));

    @Test
    void rawHtmlIsShownAsText() {
        assertThat(markdown.block("<script>alert(1)</script>\n\nHi <b onclick=x>there</b>"))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>Hi &lt;b onclick=x&gt;there&lt;/b&gt;</p>\n");
    }

    @Test
    void onlyHttpHttpsMailtoAndRelativeLinksSurvive() {
        String html = markdown.block("[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) "
                + "[d](https://x.example) [e](mailto:a@x.example) [f](/blog/y) [g](#part) ![h](data:image/png,x)");
        assertThat(html).doesNotContain("javascript:", "data:", "vbscript:")
                .contains("href=\"https://x.example\"", "href=\"mailto:a@x.example\"", "href=\"/blog/y\"",
                        "href=\"#part\"");
    }

    @Test
    void unsafeLinksBecomeTheirTextAndUnsafeImagesTheirAltText() {
        assertThat(markdown.block("Click [*here*](javascript:alert(1)) or ![a cat](data:image/png;base64,x)."))
                .isEqualTo("<p>Click <em>here</em> or a cat.</p>\n");
    }

    @Test
    void headingsGetIdsThatDoNotClashWithThePagesOwn() {
        assertThat(markdown.block("## Why it *hurts*\n\n## The Bottom Line\n\n## Why it hurts"))
                .isEqualTo("<h2 id=\"why-it-hurts\">Why it <em>hurts</em></h2>\n"
                        + "<h2 id=\"the-bottom-line-1\">The Bottom Line</h2>\n"
                        + "<h2 id=\"why-it-hurts-1\">Why it hurts</h2>\n");
    }

    @Test
    void inlineFieldsHaveNoParagraph() {
        assertThat(markdown.inline("Roll **slowly** & [see why](/blog/x).")).isEqualTo(
                "Roll <strong>slowly</strong> &amp; <a href=\"/blog/x\">see why</a>.");
    }

    @Test
    void imagesLoadLazily() {
        assertThat(markdown.block("![A roller](/images/r.svg)"))
                .isEqualTo("<p><img src=\"/images/r.svg\" alt=\"A roller\" loading=\"lazy\" decoding=\"async\" /></p>\n");
    }

    @Test
    void tablesAndBareLinksWork() {
        assertThat(markdown.block("| a | b |\n|---|---|\n| 1 | 2 |")).contains("<table>", "<td>1</td>");
        assertThat(markdown.block("See https://x.example now")).contains("<a href=\"https://x.example\">");
    }

    @Test
    void plainTextDropsTheMarkup() {
        assertThat(markdown.plain("Roll **slowly**, see [why](/x).")).isEqualTo("Roll slowly, see why.");
    }
}
