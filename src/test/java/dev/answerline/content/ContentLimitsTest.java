package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile or careless editor can put in a file: 50,000 unknown keys give twenty lines and a count,
 * not 50,000 lines; a file over 1 MiB and an answer with more than 50 related questions are rejected.
 */
class ContentLimitsTest {
    /** The front matter is open at the end: tests add keys, then close it. */
    private static final String ANSWER_KEYS = """
            ---
            question: Is this valid?
            description: d
            answer: a
            takeaways: [x]
            category: basics
            author: ann-writer
            published: 2026-01-01
            bottom_line: b
            """;

    @TempDir
    Path dir;

    private Site site;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // linear work takes well under a second; quadratic took minutes
    void fiftyThousandUnknownKeysAreListedTwentyAndCounted() throws IOException {
        TestSites.copy("small", dir);
        StringBuilder text = new StringBuilder(ANSWER_KEYS);
        for (int i = 0; i < 50_000; i++) {
            text.append("key").append(i).append(": v\n");
        }
        Files.writeString(dir.resolve("answers/keys.md"), text.append("---\nbody\n"));
        load();
        List<Problem> problems = site.problems();
        assertThat(problems).hasSize(Problem.LISTED_PER_FILE + 1).allMatch(p -> p.file().equals("answers/keys.md"));
        assertThat(problems.get(0).toString()).isEqualTo("answers/keys.md:10: error: unknown key `key0` — remove it;"
                + " the keys allowed here are question, description, answer, takeaways, category, author, published,"
                + " bottom_line, updated, reviewed_by, reviewed, related, cta, more, slug, aliases, draft (unknown-key)");
        assertThat(problems.get(19).line()).isEqualTo(29);
        assertThat(problems.get(20).toString()).isEqualTo("answers/keys.md:30: error: 49,980 more problems in this"
                + " file, from this line on, are not listed — fix the 20 listed and run again (too-many-problems)");
        assertThat(site.answer("keys")).isEmpty();
        assertThat(site.errorCount()).isEqualTo(Problem.LISTED_PER_FILE + 1);
    }

    @Test
    void aFileWithTwentyProblemsListsThemAll() throws IOException {
        TestSites.copy("small", dir);
        StringBuilder text = new StringBuilder(ANSWER_KEYS);
        for (int i = 0; i < Problem.LISTED_PER_FILE; i++) {
            text.append("key").append(i).append(": v\n");
        }
        Files.writeString(dir.resolve("answers/keys.md"), text.append("---\nbody\n"));
        load();
        assertThat(site.problems()).hasSize(Problem.LISTED_PER_FILE).extracting(Problem::rule).containsOnly("unknown-key");
    }

    @Test
    void siteYamlListsTwentyProblemsToo() throws IOException {
        TestSites.copy("small", dir);
        StringBuilder yaml = new StringBuilder(Files.readString(dir.resolve("site.yaml")));
        for (int i = 0; i < 25; i++) {
            yaml.append("key").append(i).append(": v\n");
        }
        Files.writeString(dir.resolve("site.yaml"), yaml);
        load();
        assertThat(site.problems()).hasSize(Problem.LISTED_PER_FILE + 1);
        assertThat(site.problems().get(Problem.LISTED_PER_FILE).toString()).isEqualTo("site.yaml:56: error: 5 more"
                + " problems in this file, from this line on, are not listed — fix the 20 listed and run again"
                + " (too-many-problems)");
        assertThat(site.answers()).isNotEmpty();
    }

    @Test
    void aContentFileOverOneMebibyteIsRejectedWithItsSize() throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("answers/huge.md"), ANSWER_KEYS + "---\n" + "Word ".repeat(1_000_000));
        Files.writeString(dir.resolve("answers/just-fits.md"), ANSWER_KEYS + "---\n"
                + "w".repeat((int) Limits.FILE_BYTES - ANSWER_KEYS.length() - 4));
        load();
        assertThat(site.problems()).extracting(Problem::toString).containsExactly("answers/huge.md:1: error: the file"
                + " has 4,883 KB; a file of the site may have at most 1,024 KB — take out what does not belong in it (a"
                + " pasted image, log or export); a page this long is better split into several answers or posts"
                + " (file-too-large)");
        assertThat(site.answer("huge")).isEmpty();
        assertThat(site.answer("just-fits")).isPresent();
    }

    @Test
    void synonymsListTwentyProblemsAndHaveTheSameSizeLimit() throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("synonyms.txt"), "lonely\n".repeat(30) + "lower back, lumbar\n");
        load();
        assertThat(site.problems()).hasSize(Problem.LISTED_PER_FILE + 1);
        assertThat(site.problems().get(Problem.LISTED_PER_FILE).toString()).startsWith("synonyms.txt:21: error: 10"
                + " more problems in this file");
        assertThat(site.synonyms()).hasSize(1);

        Files.writeString(dir.resolve("synonyms.txt"), "a, b\n".repeat(300_000));
        load();
        assertThat(site.problems()).extracting(Problem::rule).containsExactly("file-too-large");
        assertThat(site.synonyms()).isEmpty();
    }

    @Test
    void aSiteYamlOverOneMebibyteStopsTheLoad() throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("site.yaml"), Files.readString(dir.resolve("site.yaml"))
                + "# " + "x".repeat((int) Limits.FILE_BYTES) + "\n");
        assertThatThrownBy(this::load).isInstanceOf(ContentException.class).hasMessageStartingWith(
                "site.yaml cannot be used:\n  site.yaml:1: error: the file has 1,026 KB; a file of the site may have"
                        + " at most 1,024 KB");
    }

    @Test
    void moreThanFiftyRelatedQuestionsOrTakeawaysAreRejectedAtTheirLine() throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("answers/fifty.md"), ANSWER_KEYS + related(50) + "---\nbody\n");
        Files.writeString(dir.resolve("answers/many.md"), ANSWER_KEYS + related(20_000) + "---\nbody\n");
        Files.writeString(dir.resolve("answers/points.md"), ANSWER_KEYS.replace("takeaways: [x]",
                "takeaways: [" + "x, ".repeat(50) + "x]") + "---\nbody\n");
        load();
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "answers/many.md:10: error: `related` has 20,000 items; 50 at most are accepted — keep the questions"
                        + " readers ask next (answerline check advises 5 at most), and answer the others in answers of"
                        + " their own (too-many-items)",
                "answers/points.md:5: error: `takeaways` has 51 items; 50 at most are accepted — keep the points a"
                        + " reader should act on (answerline check advises 3 to 5) (too-many-items)");
        assertThat(site.answer("fifty").orElseThrow().related()).hasSize(50);
    }

    private static String related(int count) {
        StringBuilder yaml = new StringBuilder("related: [");
        for (int i = 0; i < count; i++) {
            yaml.append(i == 0 ? "" : ", ").append("{question: \"Q").append(i).append("?\", answer: \"A.\"}");
        }
        return yaml.append("]\n").toString();
    }

    private void load() {
        site = Site.load(dir, TestSites.TODAY);
    }
}
