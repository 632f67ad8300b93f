package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.answerline.TestSites;
import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.render.internal.SitemapsProbe;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** What crawlers, feed readers and AI assistants read: the sitemap, robots.txt, the feeds, llms.txt. */
class MachineReadableTest {
    private static final String BASE = "https://answers.northroll.example";

    private final Site site = Site.load(TestSites.demo());
    private final Pages pages = Renderer.render(site);

    private String text(String path) {
        Page page = pages.get(path);
        assertThat(page).as(path).isNotNull();
        return new String(page.body("").identity(), StandardCharsets.UTF_8);
    }

    static void validSitemap(String xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(MachineReadableTest.class.getResource("/xsd/sitemap.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    private static List<String> locs(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList nodes = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> locs = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            locs.add(nodes.item(i).getTextContent());
        }
        return locs;
    }

    @Test
    void theSitemapIsValidAndListsEveryPublicPageOnce() throws Exception {
        String sitemap = text("/sitemap.xml");
        validSitemap(sitemap);
        Set<String> expected = new TreeSet<>();
        pages.all().stream().filter(Page::isRendered).forEach(p -> expected.add(BASE + (p.path().equals("/") ? "/"
                : p.path())));
        assertThat(locs(sitemap)).containsExactlyInAnyOrderElementsOf(expected);
        Answer answer = site.answer("should-you-foam-roll-your-lumbar-spine").orElseThrow();
        assertThat(sitemap).contains("<url><loc>" + BASE + answer.path() + "</loc><lastmod>" + answer.lastModified()
                + "</lastmod></url>");
        assertThat(pages.get("/sitemap.xml").contentType()).startsWith("application/xml");
    }

    @Test
    void robotsTxtPointsToTheSitemap() {
        assertThat(text("/robots.txt")).contains("User-agent: *", "Sitemap: " + BASE + "/sitemap.xml");
    }

    @Test
    void feedsParseAsRssAndAtomWithTheNewestAnswersFirst() throws Exception {
        SyndFeed rss = new SyndFeedInput().build(new StringReader(text("/feed.xml")));
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        SyndFeed atom = new SyndFeedInput().build(new StringReader(text("/atom.xml")));
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        for (SyndFeed feed : List.of(rss, atom)) {
            List<SyndEntry> entries = feed.getEntries();
            assertThat(entries).hasSize(20);
            Answer newest = site.answers().get(0);
            assertThat(entries.get(0).getTitle()).isEqualTo(newest.question());
            assertThat(entries.get(0).getLink()).isEqualTo(BASE + newest.path());
            assertThat(entries.get(0).getPublishedDate()).isNotNull();
            assertThat(entries.get(0).getAuthor()).isEqualTo(site.author(newest.author()).name());
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).getPublishedDate()).isBeforeOrEqualTo(entries.get(i - 1).getPublishedDate());
            }
        }
        SyndFeed blog = new SyndFeedInput().build(new StringReader(text("/blog/feed.xml")));
        assertThat(blog.getEntries()).hasSize(site.posts().size());
        assertThat(new SyndFeedInput().build(new StringReader(text("/blog/atom.xml"))).getEntries())
                .hasSize(site.posts().size());
        assertThat(pages.get("/feed.xml").contentType()).startsWith("application/rss+xml");
        assertThat(pages.get("/atom.xml").contentType()).startsWith("application/atom+xml");
    }

    @Test
    void llmsTxtFollowsTheProposal() {
        String llms = text("/llms.txt");
        String[] lines = llms.split("\n");
        assertThat(lines[0]).isEqualTo("# Northroll");
        assertThat(lines[2]).startsWith("> ");
        assertThat(llms).contains("\n## Back Relief\n\n- [", "- [Should you foam roll your lumbar spine?](" + BASE
                + "/answers/should-you-foam-roll-your-lumbar-spine): ");
        assertThat(llms.indexOf("## Back Relief")).isLessThan(llms.indexOf("lumbar-spine)"));
        for (Answer answer : site.answers()) {
            assertThat(llms).contains("- [" + answer.question() + "](" + BASE + answer.path() + "): "
                    + answer.description() + "\n");
        }
        String full = text("/llms-full.txt");
        for (Answer answer : site.answers()) {
            assertThat(full).contains("### " + answer.question(), answer.takeaways().get(0));
        }
        assertThat(pages.get("/llms.txt").contentType()).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void everyAnswerHasAMarkdownTwinWithAbsoluteLinks() {
        for (Answer answer : site.answers()) {
            String twin = text(answer.path() + ".md");
            assertThat(twin).startsWith("# " + answer.question() + "\n").contains("## Direct Answer",
                    "## Key Takeaways", "## The Bottom Line").doesNotContain("](/");
        }
        assertThat(pages.get("/answers/should-you-foam-roll-your-lumbar-spine.md").contentType())
                .isEqualTo("text/markdown; charset=utf-8");
    }

    @Test
    void aLargeSiteGetsASitemapIndex() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            paths.add("/answers/q" + i);
        }
        var files = SitemapsProbe.files(site, paths, 2);
        assertThat(files).containsOnlyKeys("/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml");
        assertThat(files.get("/sitemap.xml")).contains("<sitemapindex", "<loc>" + BASE + "/sitemap-3.xml</loc>");
        for (String xml : files.values()) {
            validSitemap(xml);
        }
        assertThat(locs(files.get("/sitemap-3.xml"))).containsExactly(BASE + "/answers/q4");
    }
}
