package dev.answerline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.content.Answer;
import dev.answerline.content.Category;
import dev.answerline.content.Site;
import dev.answerline.render.Page;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The bundled demo site is complete, clean, and every link in it leads somewhere. */
class DemoSiteTest {
    private static final String LUMBAR = "should-you-foam-roll-your-lumbar-spine";
    /** Routes served by the dynamic parts rather than rendered pages. */
    private static final Set<String> DYNAMIC = Set.of("/newsletter/subscribe", "/search");

    private final Site site = Site.load(TestSites.demo());
    private final Pages pages = Renderer.render(site);

    private Document html(String path) {
        Page page = path.equals("404") ? pages.notFound() : pages.get(path);
        assertThat(page).as(path).isNotNull();
        return Jsoup.parse(new String(page.body(pages.slot(10_432)).identity(), StandardCharsets.UTF_8),
                site.config().baseUrl() + path);
    }

    @Test
    void loadsWithoutAProblem() {
        assertThat(site.problems()).isEmpty();
        assertThat(site.hidden()).isEmpty();
    }

    @Test
    void hasEverythingTheHubNeeds() {
        assertThat(site.answers()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(site.categories()).hasSizeGreaterThanOrEqualTo(4).extracting(Category::name).contains("Back Relief");
        assertThat(site.answersIn(site.category("back-relief"))).extracting(Answer::slug).contains(LUMBAR);
        assertThat(site.authors()).hasSizeBetween(2, 3);
        assertThat(site.products()).extracting(p -> p.slug())
                .contains("foam-massage-roller", "5-in-1-recovery-set", "spiky-massage-ball");
        assertThat(site.page("about")).isPresent();
        assertThat(site.page("disclaimer")).isPresent();
        assertThat(site.posts()).isNotEmpty();
    }

    @Test
    void theLumbarAnswerHasEveryPartInOrder() {
        Document page = html("/answers/" + LUMBAR);
        assertThat(page.title()).isEqualTo("Should you foam roll your lumbar spine? | Northroll Answers");
        assertThat(page.select("meta[name=description]").attr("content")).isNotBlank();
        assertThat(page.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://answers.northroll.example/answers/" + LUMBAR);
        assertThat(page.select("h1")).hasSize(1).first().extracting(Element::text)
                .isEqualTo("Should you foam roll your lumbar spine?");
        List<Integer> positions = new ArrayList<>();
        for (String part : List.of("h1", ".byline", ".direct-answer", ".takeaways .checklist li", ".prose h2",
                ".related .qa", ".bottom-line", ".newsletter", ".cta", ".more .card", ".author-box", ".disclaimer",
                ".all-questions a[href=/answers]")) {
            Element element = page.selectFirst(part);
            assertThat(element).as(part).isNotNull();
            positions.add(element.siblingIndex() + 100_000 * depthFirstIndex(page, element));
        }
        assertThat(positions).isSorted();
        assertThat(page.select(".byline time")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(page.select(".newsletter").text()).contains("Join 10,000+ people", "No spam, unsubscribe anytime",
                "Subscribe", "Almost done. Confirm with the link we just emailed you.", "Something went wrong. Please try again.");
        assertThat(page.select(".newsletter form").attr("action")).isEqualTo("/newsletter/subscribe", "/search");
        Element shop = page.selectFirst(".cta a.button");
        assertThat(shop.attr("href")).contains("utm_content=" + LUMBAR);
        assertThat(shop.attr("rel")).isEqualTo("sponsored noopener");
        assertThat(page.select(".more h2").text()).isEqualTo("More Back Relief Questions");
        assertThat(page.select(".more .card")).hasSizeBetween(1, 4);
        assertThat(page.select(".more .card a").eachAttr("href")).doesNotContain("/answers/" + LUMBAR);
        assertThat(page.select(".author-box").text()).contains("Maya Lindqvist", "Read Maya Lindqvist's full story");
        assertThat(page.select(".disclaimer a").attr("href")).isEqualTo("/disclaimer");
        assertThat(page.select(".prose a[href^=https://pubmed.ncbi.nlm.nih.gov/]")).isNotEmpty();
        assertThat(page.select(".prose a[href^=/blog/], .prose a[href^=/products/]")).isNotEmpty();
        assertThat(page.select("script[src^=/_answerline/]")).as("no reload script outside serve --watch").isEmpty();
    }

    private static int depthFirstIndex(Document page, Element element) {
        return page.getAllElements().indexOf(element);
    }

    @Test
    void everyInternalLinkLeadsToAPageOrSection() {
        List<String> broken = new ArrayList<>();
        for (Page page : pages.all()) {
            if (!page.isRendered()) {
                continue;
            }
            Document document = html(page.path());
            for (Element element : document.select("a[href], link[href], img[src], form[action]")) {
                String attribute = element.hasAttr("href") ? "href" : element.hasAttr("src") ? "src" : "action";
                String target = element.attr(attribute);
                if (target.startsWith("https://") || target.startsWith("http://") || target.startsWith("mailto:")) {
                    continue;
                }
                String path = target.replaceAll("[?#].*", "");
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                if (path.isEmpty()) {
                    path = page.path();
                }
                if (DYNAMIC.contains(path)) {
                    continue;
                }
                if (pages.get(path) == null) {
                    broken.add(page.path() + " -> " + target);
                } else if (!fragment.isEmpty() && html(path).getElementById(fragment) == null) {
                    broken.add(page.path() + " -> " + target + " (no such section)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theNotFoundPageLinksBackToTheIndex() {
        Document page = html("404");
        assertThat(page.select("a[href=/answers]")).isNotEmpty();
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }
}
