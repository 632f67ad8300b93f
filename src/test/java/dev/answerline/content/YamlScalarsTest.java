package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * YAML 1.1 reads some plain words as something else: {@code yes} as true, {@code 010} as 8, {@code *nope} as
 * a reference. What an editor writes in a text field is kept exactly, or the file is rejected at the line
 * with the fix; fields that are numbers, dates or true/false read the text strictly.
 */
class YamlScalarsTest {
    /** answer on line 4, the takeaway on 6, bottom_line on 10, the related answer on 13. */
    private static final String ANSWER = """
            ---
            question: Is this kept?
            description: d
            answer: ANSWER
            takeaways:
              - TAKEAWAY
            category: basics
            author: ann-writer
            published: 2026-01-01
            bottom_line: BOTTOM
            related:
              - question: Is it?
                answer: RELATED
            ---
            body
            """;

    @TempDir
    Path dir;

    private Site site;

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "Off", "ON", "y", "TRUE", "010", "0x1F", "0o17", "0b101", "+5", "-0", "1_000",
            "12345678901234567890", "1.10", "1e3", "1.5E-3", ".inf", "-.Inf", ".NaN", "2026-01-01", "1:30"})
    void plainWordsInTextFieldsAreKeptAsWritten(String written) throws IOException {
        TestSites.copy("small", dir);
        answer("kept.md", ANSWER.replace("ANSWER", written).replace("TAKEAWAY", written).replace("BOTTOM", written)
                .replace("RELATED", written));
        siteYaml("promise: No spam, unsubscribe anytime.", "promise: " + written);
        load();
        assertThat(site.problems()).isEmpty();
        Answer kept = site.answer("kept").orElseThrow();
        assertThat(kept.answer()).isEqualTo(written);
        assertThat(kept.takeaways()).containsExactly(written);
        assertThat(kept.bottomLine()).isEqualTo(written);
        assertThat(kept.related()).extracting(Answer.Related::answer).containsExactly(written);
        assertThat(site.config().newsletter().promise()).isEqualTo(written);
    }

    @Test
    void quotedWordsAreKeptToo() throws IOException {
        TestSites.copy("small", dir);
        answer("kept.md", ANSWER.replace("ANSWER", "\"~\"").replace("TAKEAWAY", "'null'").replace("BOTTOM", "\"*nope\"")
                .replace("RELATED", "\"&a x\""));
        load();
        Answer kept = site.answer("kept").orElseThrow();
        assertThat(kept.answer()).isEqualTo("~");
        assertThat(kept.takeaways()).containsExactly("null");
        assertThat(kept.bottomLine()).isEqualTo("*nope");
        assertThat(kept.related()).extracting(Answer.Related::answer).containsExactly("&a x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "NULL"})
    void noValueInATextFieldIsReportedAtItsLine(String written) throws IOException {
        TestSites.copy("small", dir);
        answer("a.md", ANSWER.replace("ANSWER", written));
        answer("b.md", ANSWER.replace("TAKEAWAY", written));
        answer("c.md", ANSWER.replace("RELATED", written));
        load();
        String none = " has no value (`~` and `null` mean none in YAML) — write ";
        String quote = "; to show `~` or `null` as text, put it in quotes (empty-value)";
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "answers/a.md:4: error: `answer`" + none + "a short text after `answer: `" + quote,
                "answers/b.md:6: error: item 1 of `takeaways`" + none + "its text after `- `" + quote,
                "answers/c.md:13: error: `related[1].answer`" + none + "a short text after `answer: `" + quote);
        assertThat(site.answers()).extracting(Answer::slug).doesNotContain("a", "b", "c");

        siteYaml("promise: No spam, unsubscribe anytime.", "promise: " + written);
        load();
        assertThat(site.problems()).filteredOn(p -> p.file().equals("site.yaml")).extracting(Problem::toString)
                .containsExactly("site.yaml:15: error:"
                + " `newsletter.promise`" + none + "a short text after `promise: `" + quote);
    }

    @Test
    void aliasesAnchorsAndTagsAreRejectedWithTheQuotesThatKeepTheText() throws IOException {
        TestSites.copy("small", dir);
        answer("alias.md", ANSWER.replace("ANSWER", "*nope"));
        answer("anchor.md", ANSWER.replace("TAKEAWAY", "&a x"));
        answer("tag.md", ANSWER.replace("RELATED", "!tag x"));
        answer("core-tag.md", ANSWER.replace("BOTTOM", "!!str yes"));
        answer("anchored-list.md", ANSWER.replace("takeaways:", "takeaways: &list"));
        answer("anchored-key.md", ANSWER.replace("category: basics", "&k category: basics"));
        load();
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "answers/alias.md:4: error: `answer: *nope` is read by YAML as a reference to an anchor named `nope`,"
                        + " not as text — put it in quotes: `\"*nope\"` (yaml-unsupported)",
                "answers/anchor.md:6: error: `takeaways[1]: &a x`: YAML reads `&a` as an anchor and leaves it out of"
                        + " the text — put the whole value in quotes: `\"&a x\"` (yaml-unsupported)",
                "answers/anchored-key.md:7: error: `&k` before the key `category` is an anchor in YAML, which front"
                        + " matter has no use for — remove `&k` (yaml-unsupported)",
                "answers/anchored-list.md:5: error: `takeaways: &list` is an anchor in YAML, which front matter has no"
                        + " use for — remove `&list`, or put the whole value in quotes if it is text (yaml-unsupported)",
                "answers/core-tag.md:10: error: `bottom_line: !!str yes`: YAML reads `!!str` as a tag and leaves it out"
                        + " of the text — put the whole value in quotes: `\"!!str yes\"` (yaml-unsupported)",
                "answers/tag.md:13: error: `related[1].answer: !tag x`: YAML reads `!tag` as a tag and leaves it out of"
                        + " the text — put the whole value in quotes: `\"!tag x\"` (yaml-unsupported)");
        assertThat(site.answers()).hasSize(3);
    }

    @Test
    void anAliasInSiteYamlStopsTheLoadAtItsLine() throws IOException {
        TestSites.copy("small", dir);
        siteYaml("promise: No spam, unsubscribe anytime.", "promise: *nope");
        assertThatThrownBy(this::load).isInstanceOf(ContentException.class).hasMessage("site.yaml cannot be used:\n"
                + "  site.yaml:15: error: `newsletter.promise: *nope` is read by YAML as a reference to an anchor named"
                + " `nope`, not as text — put it in quotes: `\"*nope\"` (yaml-unsupported)");
        siteYaml("promise: *nope", "promise: &a Promise");
        assertThatThrownBy(this::load).isInstanceOf(ContentException.class).hasMessageContaining("site.yaml:15: error:"
                + " `newsletter.promise: &a Promise`: YAML reads `&a` as an anchor");
    }

    @Test
    void typedFieldsReadTheirText() throws IOException {
        TestSites.copy("small", dir);
        answer("drafted.md", ANSWER.replace("bottom_line: BOTTOM", "bottom_line: b\ndraft: yes"));
        answer("published.md", ANSWER.replace("bottom_line: BOTTOM", "bottom_line: b\ndraft: No"));
        Files.writeString(dir.resolve("categories/basics.md"), "---\nname: Basics\ndescription: d\norder: 010\n---\n");
        Files.writeString(dir.resolve("categories/empty.md"), "---\nname: Empty\ndescription: d\norder: -3\n---\n");
        siteYaml("promise: No spam, unsubscribe anytime.", "promise: p\n  min_count_shown: 50");
        Files.writeString(dir.resolve("site.yaml"), Files.readString(dir.resolve("site.yaml"))
                + "checks:\n  direct-answer-length: {min: 30, max: 70.5}\n  reading-ease: Off\n");
        load();
        assertThat(site.problems()).isEmpty();
        assertThat(site.answer("drafted")).isEmpty();
        assertThat(site.hidden()).extracting(Site.Hidden::file).contains("answers/drafted.md");
        assertThat(site.answer("published").orElseThrow().published()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(site.category("basics").order()).isEqualTo(10);
        assertThat(site.category("empty").order()).isEqualTo(-3);
        assertThat(site.config().healthContent()).isTrue();
        assertThat(site.config().newsletter().minCountShown()).isEqualTo(50);
        assertThat(site.config().checks().get("direct-answer-length").parameters())
                .containsEntry("min", 30.0).containsEntry("max", 70.5);
        assertThat(site.config().checks().get("reading-ease").off()).isTrue();
    }

    @Test
    void typedFieldsRefuseWhatIsNotPlainlyTheirType() throws IOException {
        TestSites.copy("small", dir);
        answer("switched.md", ANSWER.replace("bottom_line: BOTTOM", "bottom_line: b\ndraft: on"));
        Files.writeString(dir.resolve("categories/basics.md"), "---\nname: Basics\ndescription: d\norder: 0x1F\n---\n");
        Files.writeString(dir.resolve("categories/empty.md"), "---\nname: Empty\ndescription: d\norder: 1.5\n---\n");
        siteYaml("promise: No spam, unsubscribe anytime.", "promise: p\n  min_count_shown: 1e3");
        Files.writeString(dir.resolve("site.yaml"), Files.readString(dir.resolve("site.yaml"))
                + "checks:\n  direct-answer-length:\n    min: 0x1F\n");
        load();
        assertThat(site.problems()).extracting(Problem::toString).contains(
                "answers/switched.md:11: error: `draft: on` must be true or false — write `draft: true` or"
                        + " `draft: false` (wrong-type)",
                "categories/basics.md:4: error: `order: 0x1F` must be a whole number — write it in decimal digits,"
                        + " such as `order: 10` (wrong-type)",
                "categories/empty.md:4: error: `order: 1.5` must be a whole number — write it in decimal digits,"
                        + " such as `order: 10` (wrong-type)",
                "site.yaml:16: error: `newsletter.min_count_shown: 1e3` must be a whole number — write it in decimal"
                        + " digits, such as `min_count_shown: 10` (wrong-type)",
                "site.yaml:39: error: `checks.direct-answer-length.min: 0x1F` must be a number — write a number in"
                        + " digits such as `min: 40` or `min: 2.5` (wrong-type)");
    }

    @Test
    void deepNestingIsAYamlErrorAtALineNotAStackOverflow() throws IOException {
        TestSites.copy("small", dir);
        answer("brackets.md", ANSWER.replace("ANSWER", "[".repeat(5_000)));
        answer("closed.md", ANSWER.replace("ANSWER", "[".repeat(50_000) + "]".repeat(50_000)));
        answer("groups.md", ANSWER.replace("ANSWER", "{a: ".repeat(5_000) + "x" + "}".repeat(5_000)));
        StringBuilder block = new StringBuilder("answer:\n");
        for (int level = 1; level <= 100; level++) {
            block.append(" ".repeat(level)).append("a").append(level).append(":\n");
        }
        answer("block.md", ANSWER.replace("answer: ANSWER\n", block.toString()));
        load();
        String deep = ": error: values are nested more than 32 levels deep — front matter needs three levels at most"
                + " (`related:`, `- question: ...`, `answer: ...`); if the brackets are part of the text, put the whole"
                + " value in quotes (yaml-nesting)";
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "answers/block.md:36" + deep, "answers/brackets.md:4" + deep, "answers/closed.md:4" + deep,
                "answers/groups.md:4" + deep);
    }

    private void answer(String name, String text) throws IOException {
        Files.writeString(dir.resolve("answers").resolve(name), text);
    }

    private void siteYaml(String line, String replacement) throws IOException {
        Path file = dir.resolve("site.yaml");
        String yaml = Files.readString(file);
        assertThat(yaml).contains(line);
        Files.writeString(file, yaml.replace(line, replacement));
    }

    private void load() {
        site = Site.load(dir, TestSites.TODAY);
    }
}
