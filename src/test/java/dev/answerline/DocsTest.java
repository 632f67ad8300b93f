package dev.answerline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.check.Checker;
import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples the README and the docs show, read from those files and loaded as editors would use them:
 * each must load without a problem, so that no example teaches a mistake.
 */
class DocsTest {
    private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** The code blocks of a file with this info string whose text starts with {@code start}. */
    private static List<String> blocks(String file, String language, String start) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(Path.of(file)));
        while (block.find()) {
            if (block.group(1).equals(language) && block.group(2).startsWith(start)) {
                found.add(block.group(2));
            }
        }
        assertThat(found).as("%s has a %s block starting %s", file, language, start).isNotEmpty();
        return found;
    }

    private static List<String> problems(Path site) {
        return Site.load(site, TestSites.TODAY).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theSiteYamlOfTheContentFormatLoads() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Files.writeString(site.resolve("site.yaml"), blocks("docs/content-format.md", "yaml", "brand:").get(0));
        // the fixture's answers name calls to action of their own; site.yaml itself must have nothing to fix
        assertThat(problems(site)).noneMatch(p -> p.startsWith("site.yaml"));
    }

    @Test
    void theThemeOfTheContentFormatLoadsAndReadsWell() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Path config = site.resolve("site.yaml");
        Files.writeString(config, Files.readString(config) + blocks("docs/content-format.md", "yaml", "theme:").get(0));
        // the files the example names, as a site would have them
        for (String file : List.of("fonts/brand-display.woff2", "images/logo-dark.svg", "brand.css")) {
            Files.createDirectories(site.resolve("static").resolve(file).getParent());
            Files.writeString(site.resolve("static").resolve(file), "/* example */");
        }
        assertThat(problems(site)).isEmpty();
        assertThat(Checker.check(Site.load(site, TestSites.TODAY))).filteredOn(p -> p.rule().equals("theme-contrast"))
                .isEmpty();
    }

    @Test
    void theChecksTuningOfTheChecksPageIsUnderstood() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Path config = site.resolve("site.yaml");
        Files.writeString(config, Files.readString(config) + blocks("docs/checks.md", "yaml", "checks:").get(0));
        assertThat(Checker.check(Site.load(site, TestSites.TODAY))).extracting(Problem::rule)
                .doesNotContain("unknown-check");
    }

    @Test
    void theProductOfferOfTheContentFormatLoads() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Path product = site.resolve("products/roller.md");
        Files.writeString(product, Files.readString(product).replaceFirst("\n---\n",
                "\n" + blocks("docs/content-format.md", "yaml", "price:").get(0).stripTrailing() + "\n---\n"));
        assertThat(problems(site)).isEmpty();
        assertThat(Site.load(site, TestSites.TODAY).products()).anyMatch(p -> p.offer() != null);
    }

    @Test
    void theAnswersOfTheReadmeAndTheContentFormatLoadInTheDemo() throws IOException {
        List<String> answers = new ArrayList<>(blocks("README.md", "markdown", "---"));
        answers.addAll(blocks("docs/content-format.md", "markdown", "---").stream()
                .filter(a -> a.contains("\nauthor:")).toList());
        for (String answer : answers) {
            Path site = TestSites.copyDemo(dir.resolve("demo-" + answers.indexOf(answer)));
            // the examples are the demo's lumbar spine answer, cut short: they take its place
            Files.writeString(site.resolve("answers/should-you-foam-roll-your-lumbar-spine.md"), answer);
            assertThat(problems(site)).as(answer).isEmpty();
        }
    }

    @Test
    void theSynonymsOfTheContentFormatLoad() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Files.writeString(site.resolve("synonyms.txt"), blocks("docs/content-format.md", "", "# same meaning").get(0));
        assertThat(problems(site)).isEmpty();
    }
}
