package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.language.Label;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code language:} and {@code strings:} in site.yaml: which texts the pages get, and every mistake at its line. */
class SiteLanguageTest {
    @TempDir
    Path dir;

    /** The small fixture with {@code language: en} replaced by {@code yaml} (which may add keys below it). */
    private Site given(String yaml) throws IOException {
        TestSites.copy("small", dir);
        Path config = dir.resolve("site.yaml");
        String text = Files.readString(config);
        assertThat(text).contains("\nlanguage: en\n");
        Files.writeString(config, text.replace("\nlanguage: en\n", "\n" + yaml + "\n"));
        return Site.load(dir, TestSites.TODAY);
    }

    @Test
    void theLanguagePicksTheLabelsAndTheNewslettersDefaultTexts() throws IOException {
        Site site = given("language: de");
        assertThat(site.problems()).isEmpty();
        assertThat(site.config().labels().text(Label.DIRECT_ANSWER)).isEqualTo("Die kurze Antwort");
        assertThat(site.config().newsletter().success()).startsWith("Fast geschafft.");
        assertThat(site.config().newsletter().failure()).startsWith("Da ist etwas schiefgelaufen.");
    }

    @Test
    void stringsOverrideLabelsByKey() throws IOException {
        Site site = given("""
                language: de
                strings:
                  answer.direct_answer: Direkte Antwort
                  answer.more_questions: "Mehr aus {category}"
                  search.results.other: "{count} Treffer für {query}\"""");
        assertThat(site.problems()).isEmpty();
        assertThat(site.config().labels().text(Label.DIRECT_ANSWER)).isEqualTo("Direkte Antwort");
        assertThat(site.config().labels().text(Label.MORE_QUESTIONS, "Rücken")).isEqualTo("Mehr aus Rücken");
        assertThat(site.config().labels().text(Label.SEARCH_RESULTS, 2, "rolle")).isEqualTo("2 Treffer für rolle");
        assertThat(site.config().labels().text(Label.KEY_TAKEAWAYS)).isEqualTo("Das Wichtigste in Kürze");
    }

    @Test
    void anUnknownKeyIsAnErrorAtItsLineWithTheKeyItLooksLike() throws IOException {
        Site site = given("""
                language: en
                strings:
                  answer.direct_answer: Short Answer
                  answer.direct_anwser: Short answer
                  answer.bottom: In Short
                  colour: teal""");
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "site.yaml:8: error: unknown key `strings.answer.direct_anwser` — did you mean"
                        + " `strings.answer.direct_answer`? Rename it, or remove the line (unknown-key)",
                "site.yaml:9: error: unknown key `strings.answer.bottom` — did you mean"
                        + " `strings.answer.bottom_line`? Rename it, or remove the line (unknown-key)",
                "site.yaml:10: error: unknown key `strings.colour` — remove it; the keys are listed in"
                        + " docs/content-format.md (Labels) (unknown-key)");
        assertThat(site.config().labels().text(Label.DIRECT_ANSWER)).isEqualTo("Short Answer");
    }

    @Test
    void aPlaceholderTheTextDoesNotHaveIsAnErrorAndTheLabelKeepsItsText() throws IOException {
        Site site = given("""
                language: en
                strings:
                  answer.more_questions: "More {categroy} questions"
                  answer.key_takeaways: "{count} takeaways\"""");
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "site.yaml:7: error: `strings.answer.more_questions` has {categroy}, which is not filled in — use"
                        + " {category}, or remove it (unknown-placeholder)",
                "site.yaml:8: error: `strings.answer.key_takeaways` has {count}, which is not filled in — this"
                        + " text takes no placeholders: remove it (unknown-placeholder)");
        assertThat(site.config().labels().text(Label.MORE_QUESTIONS, "Basics")).isEqualTo("More Basics Questions");
    }

    @Test
    void theNewslettersOwnTextsStayInTheNewsletterBlock() throws IOException {
        Site site = given("""
                language: en
                strings:
                  newsletter.success: Check your inbox.""");
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "site.yaml:7: error: `strings.newsletter.success` is set in the newsletter block — move it to"
                        + " `newsletter:` as `success: ...` (misplaced-key)");
    }

    @Test
    void aLanguageWithoutBundledLabelsWarnsUntilStringsGiveThemAll() throws IOException {
        Site site = given("language: pt");
        int labels = Label.allTextKeys().size() - 2;
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "site.yaml:5: warning: Answerline has no texts in `language: pt`, so " + labels + " of its " + labels
                        + " labels show in English — give each of them in your language under `strings:` (keys in"
                        + " docs/content-format.md, Labels) and the newsletter's `success` and `failure`, or use one"
                        + " of en, de, fr, es, nl (untranslated)");
        assertThat(site.config().labels().text(Label.DIRECT_ANSWER)).isEqualTo("Direct Answer");

        String all = Label.allTextKeys().stream()
                .filter(k -> !k.equals("newsletter.success") && !k.equals("newsletter.failure"))
                .map(k -> "  " + k + ": \"pt " + k + "\"").collect(Collectors.joining("\n"));
        Site translated = given("language: pt\nstrings:\n" + all);
        assertThat(translated.problems()).isEmpty();
        assertThat(translated.config().labels().text(Label.DIRECT_ANSWER)).isEqualTo("pt answer.direct_answer");
    }
}
