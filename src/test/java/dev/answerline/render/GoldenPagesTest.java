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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders the fixture site {@code sites/small} and compares pages with the expected files under
 * {@code src/test/resources/golden/small}: {@code answers.html} is {@code /answers}, {@code index.html} is
 * {@code /}, {@code 404.html} the not-found page, and files of other kinds keep their names ({@code llms.txt},
 * {@code answers/x.md}). After a deliberate change to the templates, rewrite the
 * expected files with {@code mvn test -Dtest=GoldenPagesTest -Dgolden.update=true} and review the diff.
 */
class GoldenPagesTest {
    private static final Path EXPECTED = Path.of("src/test/resources/golden/small");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static final Path THEMED = Path.of("src/test/resources/golden/themed");

    private final Pages pages = render(Site.load(TestSites.fixture("small"), TestSites.TODAY));

    /** As serve and build render: with the similar answers the search index finds. */
    private static Pages render(Site site) {
        try (SearchIndex index = SearchIndex.build(site)) {
            return Renderer.render(site, Renderer.Options.serve(index.similar()));
        }
    }

    @TestFactory
    Stream<DynamicTest> pagesMatchTheirGoldenFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXPECTED)) {
            // the themed site's files are compared by their own test
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(EXPECTED.relativize(file).toString(),
                () -> compare(file)));
    }

    /**
     * The same site in a brand's own look ({@code sites/themed}): pages with its header and footer links,
     * logos and stylesheets, and the rules its theme adds to the built-in stylesheet ({@code theme.css}).
     */
    @Test
    void aThemedSiteMatchesItsGoldenFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Pages themed = render(Site.load(TestSites.themed(dir), TestSites.TODAY));
        for (String name : List.of("answers/should-you-roll-your-lower-back.html", "index.html", "404.html")) {
            Page page = name.equals("404.html") ? themed.notFound() : themed.get(pathOf(name));
            same(THEMED.resolve(name), new String(page.body(themed.slot(1234)).identity(), StandardCharsets.UTF_8));
        }
        String html = new String(themed.get("/").body("").identity(), StandardCharsets.UTF_8);
        String css = html.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"(/assets/site[^\"]+)\".*", "$1");
        String stylesheet = new String(themed.get(css).body("").identity(), StandardCharsets.UTF_8);
        same(THEMED.resolve("theme.css"), stylesheet.substring(stylesheet.indexOf("/* the brand's theme")));
    }

    private static void same(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertThat(actual).as(golden.toString()).isEqualTo(Files.readString(golden));
    }

    @Test
    void theGoldenFilesCoverTheAnswerPageTheIndexAndWhatMachinesRead() {
        assertThat(EXPECTED.resolve("answers/should-you-roll-your-lower-back.html")).exists();
        assertThat(EXPECTED.resolve("answers.html")).exists();
        assertThat(EXPECTED.resolve("llms.txt")).exists();
        assertThat(EXPECTED.resolve("answers/should-you-roll-your-lower-back.md")).exists();
    }

    private void compare(Path file) throws IOException {
        String name = EXPECTED.relativize(file).toString().replace('\\', '/');
        Page page = name.equals("404.html") ? pages.notFound() : pages.get(pathOf(name));
        assertThat(page).as("a page for %s", name).isNotNull();
        // the count that shows the social proof line, so that it is covered too
        String actual = new String(page.body(pages.slot(1234)).identity(), StandardCharsets.UTF_8);
        if (UPDATE) {
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }

    /** {@code index.html} is {@code /}, {@code x.html} is {@code /x}; other files keep their names. */
    private static String pathOf(String file) {
        if (file.equals("index.html")) {
            return "/";
        }
        return "/" + (file.endsWith(".html") ? file.substring(0, file.length() - ".html".length()) : file);
    }
}
