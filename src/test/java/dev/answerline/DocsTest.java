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
    void theInsightsEndpointOfTheInsightsPageLoads() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Path config = site.resolve("site.yaml");
        Files.writeString(config, Files.readString(config) + "\n" + blocks("docs/insights.md", "yaml", "insights:").get(0));
        Site loaded = Site.load(site, TestSites.TODAY);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.config().insightsEndpoint()).isEqualTo("https://answers.example.com");
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
    void theReadmesContrastExampleGivesTheFindingItShows() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("demo"));
        Path config = site.resolve("site.yaml");
        Files.writeString(config, Files.readString(config) + blocks("README.md", "yaml", "theme:").get(0));
        List<String> found = Checker.check(Site.load(site, TestSites.TODAY)).stream()
                .filter(p -> p.rule().equals("theme-contrast")).map(Problem::toString).toList();
        assertThat(found).hasSize(4).startsWith(blocks("README.md", "text", "site.yaml:").get(0).strip());
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

    /** docs/templates.md is the contract of the templates: it must say what each really takes. */
    @Test
    void theTemplatesPageListsEveryTemplatesParametersAndEveryValue() throws IOException {
        String docs = Files.readString(Path.of("docs/templates.md"));
        for (String name : dev.answerline.render.Templates.names()) {
            String source = Files.readString(Path.of("src/main/jte").resolve(name));
            String row = docs.lines().filter(l -> l.startsWith("| `" + name + "` |")).findFirst().orElse("");
            assertThat(row).as("a row for %s", name).isNotEmpty();
            source.lines().filter(l -> l.startsWith("@param ")).forEach(param ->
                    assertThat(row).as(name).contains("`" + param.substring("@param ".length()) + "`"));
        }
        Matcher record = Pattern.compile("public record (\\w+)\\((.*?)\\)\\s*\\{", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("src/main/java/dev/answerline/render/View.java")));
        int records = 0;
        while (record.find()) {
            String components = record.group(2).replaceAll("\\s+", " ").replace("dev.answerline.render.", "")
                    .replace("dev.answerline.content.", "");
            assertThat(docs).as("View.%s", record.group(1)).contains("| `View." + record.group(1) + "` | `" + components
                    + "` |");
            records++;
        }
        assertThat(records).isGreaterThan(20);
    }

    @Test
    void theTemplateCommandsOfTheTemplatesPageWork() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        for (String line : blocks("docs/templates.md", "sh", "bin/answerline templates").get(0).split("\n")) {
            String[] words = line.replace("--site mysite", "--site " + site).split(" ");
            assertThat(dev.answerline.cli.Main.run(java.util.Arrays.copyOfRange(words, 1, words.length)))
                    .as(line).isZero();
        }
        assertThat(site.resolve("templates/tag/cta.jte")).hasContent(dev.answerline.render.Templates.source("tag/cta.jte"));
        assertThat(problems(site)).isEmpty();
    }

    @Test
    void theStatsCommandsOfTheInsightsPageWork() throws IOException {
        Path data = dir.resolve("data");
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        try (dev.answerline.store.Database db = dev.answerline.store.Database.open(data, null);
                dev.answerline.insights.Insights insights = dev.answerline.insights.Insights.builder(db, () -> site)
                        .build()) {
            insights.signedUp("/answers/should-you-roll-your-lower-back");
        }
        List<String> lines = new ArrayList<>(List.of(blocks("docs/insights.md", "sh", "bin/answerline stats").get(0)
                .split("\n")));
        lines.addAll(List.of(blocks("README.md", "sh", "bin/answerline stats").get(0).split("\n")));
        for (String line : lines) {
            String[] words = (line + " --data " + data).split(" ");
            assertThat(dev.answerline.cli.Main.run(java.util.Arrays.copyOfRange(words, 1, words.length)))
                    .as(line).isZero();
        }
    }

    @Test
    void theNewsletterCommandsOfTheReadmeAreTheOnesTheSendingPageRuns() throws IOException {
        // NewsletterCommandTest runs every command of docs/newsletter-sending.md in a real process
        String sending = String.join("\n", blocks("docs/newsletter-sending.md", "sh", "bin/answerline"));
        List<String> readme = new ArrayList<>(blocks("README.md", "sh", "bin/answerline newsletter"));
        readme.addAll(blocks("README.md", "sh", "bin/answerline subscribers import"));
        for (String block : readme) {
            for (String line : block.strip().split("\n")) {
                assertThat(sending).as(line).contains(line);
            }
        }
    }

    @Test
    void theIssueOfTheNewsletterPageLoadsInTheDemoAndShowsItsCard() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("demo"));
        Files.writeString(site.resolve("newsletters/example.md"),
                blocks("docs/newsletter-issues.md", "markdown", "---").get(0));
        Site loaded = Site.load(site, TestSites.TODAY);
        assertThat(loaded.problems()).extracting(Problem::toString).isEmpty();
        assertThat(dev.answerline.newsletter.IssueEmail.render(loaded, "example").text())
                .contains("Is foam rolling good for runners?", "utm_campaign=example");
    }

    @Test
    void theCommandsOfTheNewsletterPageWorkAndBuildPublishesOnlySentIssues() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("mysite"));
        Path data = dir.resolve("data");
        try (dev.answerline.store.Database db = dev.answerline.store.Database.open(data, null)) {
            db.write(c -> {
                try (java.sql.PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO newsletter_issue (slug, subject, queued_at) VALUES ('rolling-before-a-run', 's', 0)")) {
                    return insert.executeUpdate();
                }
            });
        }
        Files.writeString(site.resolve("newsletters/not-sent.md"), "---\nsubject: Later\npreheader: p\n---\nHi\n");
        for (String line : blocks("docs/newsletter-issues.md", "sh", "bin/answerline").get(0).split("\n")) {
            String[] words = line.replace("--site mysite", "--site " + site).replace("--out public", "--out "
                    + dir.resolve("public")).replace("--data data", "--data " + data).split(" ");
            assertThat(dev.answerline.cli.Main.run(java.util.Arrays.copyOfRange(words, 1, words.length)))
                    .as(line).isZero();
        }
        assertThat(dir.resolve("public/newsletter/rolling-before-a-run.html")).exists();
        assertThat(dir.resolve("public/newsletter/index.html")).content().contains("/newsletter/rolling-before-a-run");
        assertThat(dir.resolve("public/newsletter/sore-after-the-weekend.html")).doesNotExist();
        assertThat(dir.resolve("public/newsletter/feed.xml")).exists();
        assertThat(dir.resolve("public/newsletter/not-sent.html")).doesNotExist();
        assertThat(dir.resolve("public/newsletter/preview")).doesNotExist();
    }
}
