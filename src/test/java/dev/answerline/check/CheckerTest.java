package dev.answerline.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.answerline.TestSites;
import dev.answerline.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.content.Problem;
import dev.answerline.content.Severity;
import dev.answerline.content.Site;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules on real content: the demo site passes with nothing to say, and a copy of it with one mistake
 * per rule (the files in src/test/resources/checks/overlay laid over the demo) gives exactly the findings in
 * src/test/resources/checks/expected.json. Rewrite that file after a deliberate change with
 * {@code mvn test -Dtest=CheckerTest -Dgolden.update=true} and review the diff.
 */
class CheckerTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Path OVERLAY = Path.of("src/test/resources/checks/overlay");
    private static final Path EXPECTED = Path.of("src/test/resources/checks/expected.json");

    @TempDir
    Path dir;

    @Test
    void theDemoSiteHasNothingToFix() {
        assertThat(Checker.check(Site.load(TestSites.demo(), TODAY))).extracting(Problem::toString).isEmpty();
    }

    @Test
    void theGermanDemoSiteHasNothingToFix() {
        assertThat(Checker.check(Site.load(TestSites.demoDe(), TODAY))).extracting(Problem::toString).isEmpty();
        assertThat(Checker.notes(Site.load(TestSites.demoDe(), TODAY).config())).isEmpty();
    }

    @Test
    void germanYesOrNoQuestionsAreAnsweredWithJaOrNeinAndWithoutFiller() throws IOException {
        Path site = TestSites.copyTree(TestSites.demoDe(), dir.resolve("site"));
        replace(site.resolve("answers/darf-faszienrollen-wehtun.md"), "Ja, ein wenig. Ein", "Ein wenig schon. Ein");
        replace(site.resolve("answers/wie-lange-pro-muskel.md"), "Etwa 30 bis 90", "Es kommt darauf an, etwa 30 bis 90");
        List<Problem> found = Checker.check(Site.load(site, TODAY)).stream()
                .filter(p -> p.rule().equals("direct-answer-first")).toList();
        assertThat(found).extracting(Problem::file, Problem::what).containsExactly(
                tuple("answers/darf-faszienrollen-wehtun.md", "the question is a"
                        + " yes-or-no question, but the direct answer does not start with Ja or Nein"),
                tuple("answers/wie-lange-pro-muskel.md", "the direct answer opens with"
                        + " \u201Ces kommt darauf an\u201D instead of the answer"));
        assertThat(found.get(0).fix()).contains("`Ja, ...`", "`Nein. ...`");
    }

    @Test
    void spanishQuestionsOpenWithTheInvertedQuestionMark() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        replace(site.resolve("site.yaml"), "language: en", "language: es");
        replace(site.resolve("answers/should-you-foam-roll-your-lumbar-spine.md"), "question: Should",
                "question: ¿Should");
        List<Problem> found = Checker.check(Site.load(site, TODAY)).stream()
                .filter(p -> p.rule().equals("question-form")).toList();
        assertThat(found).hasSize(Site.load(site, TODAY).answers().size() - 1)
                .allSatisfy(p -> assertThat(p.what()).isEqualTo("the question has no opening question mark (¿)"))
                .noneSatisfy(p -> assertThat(p.file()).contains("lumbar-spine"));
    }

    @Test
    void rulesThatNeedTheWordsOfALanguageAreOffForAnotherAndCheckSaysSo() throws IOException {
        Path site = withMistakes();
        replace(site.resolve("site.yaml"), "language: en", "language: it");
        Site loaded = Site.load(site, TODAY);
        assertThat(Checker.check(loaded)).extracting(Problem::rule).doesNotContain("reading-ease",
                "direct-answer-first").contains("long-sentences", "question-form", "citation-format");
        assertThat(Checker.notes(loaded.config())).singleElement().satisfies(note -> {
            assertThat(note.file()).isEqualTo("site.yaml");
            assertThat(note.line()).isEqualTo(loaded.config().source().lineOf("language"));
            assertThat(note.text()).contains("`language: it`", "`reading-ease`", "`direct-answer-first`",
                    "docs/checks.md");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Main.run("check", "--site", site.toString(), "--today", TODAY.toString());
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("site.yaml:"
                + loaded.config().source().lineOf("language") + ": note: `language: it` is not one of the languages");
        assertThat(new ObjectMapper().readTree(checkAsJson(site).json()).get("notes")).hasSize(1);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void oneMistakePerRuleGivesTheExpectedReport() throws IOException {
        Run run = checkAsJson(withMistakes());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(EXPECTED, run.json());
        }
        assertThat(run.code()).as("errors make the exit status 1").isEqualTo(Main.CONTENT_ERRORS);
        assertThat(run.json()).isEqualTo(Files.readString(EXPECTED));
    }

    @Test
    void everyRuleIsCaughtByTheMistakesSite() throws IOException {
        Set<String> found = Checker.check(Site.load(withMistakes(), TODAY)).stream().map(Problem::rule)
                .collect(Collectors.toSet());
        assertThat(found).containsAll(Arrays.stream(Rule.values()).map(Rule::id).toList())
                .contains("yaml-syntax", "unknown-check");
    }

    @Test
    void rulesCanBeSwitchedOffAndTuned() throws IOException {
        Path site = withMistakes();
        String yaml = Files.readString(site.resolve("site.yaml")).replace("  readng-ease: off\n", "")
                + "  description-length: off\n  direct-answer-length:\n    min: 10\n    max: 20\n";
        Files.writeString(site.resolve("site.yaml"), yaml);
        List<Problem> problems = Checker.check(Site.load(site, TODAY));
        assertThat(problems).extracting(Problem::rule).doesNotContain("description-length", "unknown-check");
        assertThat(problems).filteredOn(p -> p.rule().equals("direct-answer-length")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.what()).endsWith("answer engines quote 10–20"));
    }

    @Test
    void errorsCannotBeSwitchedOffNorUnknownThresholdsSet() throws IOException {
        Path site = withMistakes();
        Files.writeString(site.resolve("site.yaml"), Files.readString(site.resolve("site.yaml"))
                + "  broken-link: off\n  orphan:\n    limit: 3\n");
        List<String> messages = Checker.check(Site.load(site, TODAY)).stream()
                .filter(p -> p.rule().equals("unknown-check")).map(Problem::toString).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("`broken-link` finds errors, which cannot be"
                + " switched off")).anySatisfy(m -> assertThat(m).contains("`orphan` has no threshold `limit` — it"
                        + " can only be switched off: `orphan: off`"));
    }

    @Test
    void aFileWithManyFindingsListsTwentyAndCountsTheRestAsAWarning() throws Exception {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        Files.writeString(site.resolve("site.yaml"), Files.readString(site.resolve("site.yaml"))
                + "checks:\n  paragraph-length:\n    max: 1\n");
        List<Problem> all = Checker.check(Site.load(site, TODAY));
        Map<String, List<Problem>> byFile = all.stream().collect(Collectors.groupingBy(Problem::file));
        assertThat(byFile.values()).allSatisfy(problems -> assertThat(problems).hasSizeLessThanOrEqualTo(21));
        List<Problem> capped = byFile.values().stream().filter(p -> p.size() == 21).findFirst().orElseThrow();
        Problem last = capped.get(20);
        assertThat(last.rule()).isEqualTo("too-many-problems");
        assertThat(last.severity()).as("only warnings were left out").isEqualTo(Severity.WARNING);
        assertThat(last.what()).matches("\\d+ more problems? in this file, from this line on, (is|are) not listed");
        assertThat(last.line()).isGreaterThanOrEqualTo(capped.get(19).line());

        Run run = checkAsJson(site);
        JsonNode json = new ObjectMapper().readTree(run.json());
        assertThat(run.code()).as("warnings alone, listed or not, pass").isEqualTo(Main.OK);
        assertThat(json.get("errors").asInt()).isZero();
        assertThat(json.get("warnings").asInt()).as("the counts are of the lines listed").isEqualTo(all.size())
                .isEqualTo(json.get("problems").size());
    }

    /** What {@code answerline check --format json} printed, and its exit status. */
    private record Run(int code, String json) {}

    private static Run checkAsJson(Path site) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run("check", "--site", site.toString(), "--format", "json", "--today", TODAY.toString());
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    private Path withMistakes() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        return TestSites.copyTree(OVERLAY, site);
    }
}
