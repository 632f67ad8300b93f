package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path dir;

    private Path site;

    @BeforeEach
    void setUp() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        site = TestSites.copy("small", dir.resolve("site"));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void writesADraftThatLoadsWithoutProblems() throws Exception {
        int code = Main.run("new", "Should you foam roll your \"IT band\"?", "--category", "basics", "--author",
                "rex-reviewer", "--site", site.toString());
        assertThat(code).isEqualTo(Main.OK);
        Path file = site.resolve("answers/should-you-foam-roll-your-it-band.md");
        assertThat(file).exists();
        String text = Files.readString(file);
        assertThat(text).startsWith("---\nquestion: \"Should you foam roll your \\\"IT band\\\"?\"\n")
                .contains("category: basics\n", "author: rex-reviewer\n", "published: " + LocalDate.now() + "\n",
                        "draft: true\n", "## Why it matters");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("answers/should-you-foam-roll-your-it-band.md",
                        "http://localhost:8080/answers/should-you-foam-roll-your-it-band",
                        "bin/answerline serve --watch --drafts");
        Site loaded = Site.load(site);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.hidden()).anySatisfy(h -> assertThat(h.path())
                .isEqualTo("/answers/should-you-foam-roll-your-it-band"));
    }

    @Test
    void takesTheFirstCategoryAndAuthorWhenNoneIsGiven() throws Exception {
        assertThat(Main.run("new", "How often should you roll?", "--site", site.toString())).isEqualTo(Main.OK);
        assertThat(Files.readString(site.resolve("answers/how-often-should-you-roll.md")))
                .contains("category: back-relief\n", "author: ann-writer\n");
    }

    @Test
    void neverOverwritesAnAnswer() throws Exception {
        Path existing = site.resolve("answers/can-you-roll-every-day.md");
        String before = Files.readString(existing);
        assertThat(Main.run("new", "Can you roll every day?", "--site", site.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already has an answer at /answers/can-you-roll-every-day");
        assertThat(existing).hasContent(before);
        assertThat(Main.run("new", "Roll lower back?", "--site", site.toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/answers/roll-lower-back");
    }

    @Test
    void anUnknownCategoryIsExplained() {
        assertThat(Main.run("new", "Is it new?", "--category", "basic", "--site", site.toString()))
                .isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no category `basic` — did you mean `basics`?");
        assertThat(site.resolve("answers/is-it-new.md")).doesNotExist();
    }
}
