package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A newsletter issue as its email: golden HTML and text, then what mail clients need of it. Update the expected
 * files with {@code mvn test -Dtest=IssueEmailTest -Dgolden.update=true} and review the diff.
 */
class IssueEmailTest {
    private static final Path GOLDEN = Path.of("src/test/resources/issues");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final String BASE = "https://answers.testroll.example";
    private static final String UTM = "utm_source=newsletter&utm_medium=email&utm_campaign=june-rolling";
    private static final Site SITE = Site.load(TestSites.fixture("small"), TestSites.TODAY);
    private static final ClickLinks LINKS = ClickLinks.of(new byte[32], BASE);

    private static void thenMatchesGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("%s (update with -Dgolden.update=true)", file).isEqualTo(Files.readString(file));
    }

    @Test
    void theEmailMatchesItsGoldenFiles() throws IOException {
        IssueEmail email = IssueEmail.render(SITE, "june-rolling");
        thenMatchesGolden("june-rolling.html", email.html());
        thenMatchesGolden("june-rolling.txt", email.text());
        assertThat(email.subject()).isEqualTo("Roll your back the right way");
        assertThat(email.preheader()).isEqualTo("One answer, one routine, and a myth checked.");
    }

    @Test
    void linksToTheSiteAreAbsoluteAndCarryTheCampaign() {
        Document html = Jsoup.parse(IssueEmail.render(SITE, "june-rolling").html());
        List<String> links = html.select("a[href]").eachAttr("href");
        assertThat(links).contains(BASE + "/answers/how-long-should-you-roll?" + UTM,
                BASE + "/answers/can-you-roll-every-day?" + UTM + "#how-often",
                BASE + "/answers/should-you-roll-your-lower-back?" + UTM,
                BASE + "/newsletter/june-rolling?" + UTM,
                // other sites' links are theirs to tag
                "https://example.org/research?q=rolling&x=1", "mailto:hi@testroll.example", IssueEmail.UNSUBSCRIBE_URL);
        assertThat(links).allMatch(l -> l.startsWith("https://") || l.startsWith("mailto:")
                || l.equals(IssueEmail.UNSUBSCRIBE_URL));
    }

    @Test
    void anAnswerCardShowsTheQuestionTheDirectAnswerAndALink() {
        Document html = Jsoup.parse(IssueEmail.render(SITE, "june-rolling").html());
        Element card = html.selectFirst("table.nl-card");
        assertThat(card).isNotNull();
        assertThat(card.text()).contains("Should you roll your lower back?", "Read the full answer");
        assertThat(card.select("a").eachAttr("href")).containsOnly(BASE + "/answers/should-you-roll-your-lower-back?"
                + UTM);
        assertThat(IssueEmail.render(SITE, "june-rolling").text()).contains("## Should you roll your lower back?",
                "Read the full answer: " + BASE + "/answers/should-you-roll-your-lower-back?" + UTM);
    }

    @Test
    void itIsSmallSelfContainedAndStyledInline() {
        String source = IssueEmail.render(SITE, "june-rolling", LINKS).html();
        assertThat(source.getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
        Document html = Jsoup.parse(source);
        assertThat(html.select("script, link, iframe, form, object, embed")).isEmpty();
        assertThat(html.select("[onload], [onclick], [onerror]")).isEmpty();
        // one small <style>, for dark mode only; everything else is inline
        assertThat(html.select("style")).hasSize(1);
        assertThat(html.selectFirst("style").data()).contains("@media (prefers-color-scheme: dark)");
        assertThat(html.select("meta[name=color-scheme]").attr("content")).isEqualTo("light dark");
        assertThat(html.select("body p, body li, body h2, body img, body a")).allMatch(e -> e.hasAttr("style"));
        assertThat(html.select("body > table").attr("role")).isEqualTo("presentation");
        // the theme's accent colour is the links' colour
        assertThat(html.select("a[href*=/r/]").first().attr("style")).contains("color:#");
    }

    @Test
    void everyImageHasItsAltText() {
        Document html = Jsoup.parse(IssueEmail.render(SITE, "june-rolling").html());
        assertThat(html.select("img")).isNotEmpty().allMatch(i -> !i.attr("alt").isBlank())
                .allMatch(i -> i.attr("src").equals(BASE + "/images/roller.svg"));
        assertThat(IssueEmail.render(SITE, "june-rolling").text()).contains("[A foam roller on a mat]");
    }

    @Test
    void thePreheaderIsHiddenTextAtTheTop() {
        Document html = Jsoup.parse(IssueEmail.render(SITE, "june-rolling").html());
        Element first = html.body().child(0);
        assertThat(first.text()).startsWith("One answer, one routine, and a myth checked.");
        assertThat(first.attr("style")).contains("display:none");
    }

    @Test
    void theFooterHasTheUnsubscribeLinkAndThePostalAddressWhenGiven() {
        IssueEmail plain = IssueEmail.render(SITE, "june-rolling");
        assertThat(plain.text()).contains("Unsubscribe: " + IssueEmail.UNSUBSCRIBE_URL).doesNotContain("Mill Road");
        IssueEmail addressed = IssueEmail.render(SITE, "june-rolling", null, "Testroll & Co, 1 Mill Road, Leeds");
        assertThat(Jsoup.parse(addressed.html()).select("td.nl-muted").last().text())
                .contains("Unsubscribe", "Testroll & Co, 1 Mill Road, Leeds");
        assertThat(addressed.text()).endsWith("Testroll & Co, 1 Mill Road, Leeds\n");
    }

    @Test
    void withClickLinksEveryWebLinkIsCountedAndLeadsBackToItsUrl() {
        IssueEmail plain = IssueEmail.render(SITE, "june-rolling");
        IssueEmail counted = IssueEmail.render(SITE, "june-rolling", LINKS);
        List<String> before = Jsoup.parse(plain.html()).select("a[href]").eachAttr("href");
        List<String> after = Jsoup.parse(counted.html()).select("a[href]").eachAttr("href");
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            String url = before.get(i);
            if (url.startsWith("https://")) {
                assertThat(after.get(i)).startsWith(BASE + "/r/");
                String id = after.get(i).substring((BASE + "/r/").length());
                assertThat(LINKS.open(id)).contains(new ClickLinks.Target("june-rolling", url));
            } else {
                assertThat(after.get(i)).isEqualTo(url);
            }
        }
        // the text part's links are the counted ones too
        assertThat(counted.text()).contains(BASE + "/r/").doesNotContain("(" + BASE + "/answers/");
    }

    @Test
    void anUnknownIssueIsNamed() {
        assertThatThrownBy(() -> IssueEmail.render(SITE, "no-such-issue")).isInstanceOf(NewsletterException.class)
                .hasMessageContaining("newsletters/no-such-issue.md");
    }
}
