package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.search.SearchIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the fixture site {@code sites/small} and compares pages with the expected files under
 * {@code src/test/resources/golden/small}: {@code answers.html} is {@code /answers}, {@code index.html} is
 * {@code /}, {@code 404.html} the not-found page, and files of other kinds keep their names ({@code llms.txt},
 * {@code answers/x.md}). {@code golden/small-de} holds pages of the same site in German, with one label
 * changed by {@code strings:} ({@link #GERMAN}); {@code golden/themed} the same site in a brand's own look
 * ({@code sites/themed}), with {@code theme.css} the rules its theme adds to the built-in stylesheet;
 * {@code golden/demo-de} pages of the German demo site. After a deliberate change to the templates, rewrite the
 * expected files with {@code mvn test -Dtest=GoldenPagesTest -Dgolden.update=true} and review the diff.
 */
class GoldenPagesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** What the German copy of the fixture has in site.yaml instead of {@code language: en}. */
    static final String GERMAN = """
            language: de
            strings:
              answer.key_takeaways: Auf einen Blick""";

    @TempDir
    static Path german;
    @TempDir
    static Path themed;
    private static Map<String, Pages> sites;

    @BeforeAll
    static void render() throws IOException {
        TestSites.copy("small", german);
        Path config = german.resolve("site.yaml");
        Files.writeString(config, Files.readString(config).replace("\nlanguage: en\n", "\n" + GERMAN + "\n"));
        Site germanSite = Site.load(german, TestSites.TODAY);
        assertThat(germanSite.problems()).isEmpty();
        sites = Map.of("small", render(Site.load(TestSites.fixture("small"), TestSites.TODAY)),
                "small-de", render(germanSite), "themed", render(Site.load(TestSites.themed(themed), TestSites.TODAY)),
                "demo-de", render(Site.load(TestSites.demoDe(), TestSites.TODAY)));
    }

    /** As serve and build render: with the similar answers the search index finds. */
    private static Pages render(Site site) {
        try (SearchIndex index = SearchIndex.build(site)) {
            return Renderer.render(site, Renderer.Options.serve(index.similar()));
        }
    }

    @TestFactory
    Stream<DynamicTest> pagesMatchTheirGoldenFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(GOLDEN)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(GOLDEN.relativize(file).toString(),
                () -> compare(file)));
    }

    @Test
    void theGoldenFilesCoverTheAnswerPageTheIndexAndWhatMachinesRead() {
        Path english = GOLDEN.resolve("small");
        assertThat(english.resolve("answers/should-you-roll-your-lower-back.html")).exists();
        assertThat(english.resolve("answers.html")).exists();
        assertThat(english.resolve("llms.txt")).exists();
        assertThat(english.resolve("answers/should-you-roll-your-lower-back.md")).exists();
        Path german = GOLDEN.resolve("small-de");
        assertThat(german.resolve("answers/should-you-roll-your-lower-back.html")).exists();
        assertThat(german.resolve("404.html")).exists();
        assertThat(GOLDEN.resolve("themed/theme.css")).exists();
        assertThat(GOLDEN.resolve("demo-de/answers/lendenwirbelsaeule-rollen.html")).exists();
        assertThat(GOLDEN.resolve("demo-de/atom.xml")).exists();
    }

    private void compare(Path file) throws IOException {
        Path relative = GOLDEN.relativize(file);
        Pages pages = sites.get(relative.getName(0).toString());
        assertThat(pages).as("a fixture site for %s", relative).isNotNull();
        String name = relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
        String actual;
        if (name.equals("theme.css")) {
            actual = themeRules(pages);
        } else {
            Page page = name.equals("404.html") ? pages.notFound() : pages.get(pathOf(name));
            assertThat(page).as("a page for %s", relative).isNotNull();
            // the count that shows the social proof line, so that it is covered too
            actual = new String(page.body(pages.slot(1234)).identity(), StandardCharsets.UTF_8);
        }
        if (UPDATE) {
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }

    /** What a theme adds to the built-in stylesheet, which the home page links. */
    private static String themeRules(Pages pages) {
        String html = new String(pages.get("/").body("").identity(), StandardCharsets.UTF_8);
        String css = html.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"(/assets/site[^\"]+)\".*", "$1");
        String stylesheet = new String(pages.get(css).body("").identity(), StandardCharsets.UTF_8);
        return stylesheet.substring(stylesheet.indexOf("/* the brand's theme"));
    }

    /** {@code index.html} is {@code /}, {@code x.html} is {@code /x}; other files keep their names. */
    private static String pathOf(String file) {
        if (file.equals("index.html")) {
            return "/";
        }
        return "/" + (file.endsWith(".html") ? file.substring(0, file.length() - ".html".length()) : file);
    }
}
