package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.check.Checker;
import dev.answerline.cli.Main;
import dev.answerline.render.Renderer;
import dev.answerline.search.SearchIndex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markdown nested thousands of levels deep, which overflowed the stack of every reader of it: reported with its
 * file and line, left out, and everything else built, checked, indexed and served.
 */
class DeepMarkdownTest {
    private static final String ANSWER = "answers/should-you-roll-your-lower-back.md";

    @TempDir
    Path dir;

    private Path site;

    @BeforeEach
    void copy() {
        site = TestSites.copy("small", dir.resolve("site"));
    }

    private void append(String file, String text) throws Exception {
        Path path = site.resolve(file);
        Files.writeString(path, Files.readString(path) + text);
    }

    private static String deepList(int levels) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            list.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        return list.toString();
    }

    @Test
    void aBodyOfThreeThousandQuoteMarksIsReportedAndTheRestIsBuilt() throws Exception {
        int line = Files.readString(site.resolve(ANSWER)).split("\n", -1).length;
        append(ANSWER, ">".repeat(3_000) + " deep\n");
        Site loaded = Site.load(site, TestSites.TODAY);
        assertThat(loaded.problems()).extracting(Problem::toString).contains(ANSWER + ":" + line + ": error: the text"
                + " is nested 3,000 levels deep (block quotes, lists, emphasis or links inside each other); at most 64"
                + " are allowed — flatten it: no reader follows more than a few levels, and no page can show this many"
                + " (too-deep)");
        assertThat(loaded.answer("should-you-roll-your-lower-back")).isEmpty();
        assertThat(loaded.answers()).isNotEmpty();
        // every reader of the rest of the site gets through it
        assertThat(Renderer.render(loaded).get("/answers")).isNotNull();
        try (SearchIndex index = SearchIndex.build(loaded)) {
            assertThat(index.similar().bySlug()).isNotEmpty();
        }
        assertThat(Checker.check(loaded)).isNotEmpty();
    }

    @Test
    void aListAThousandDeepAndNestedEmphasisAreReportedToo() throws Exception {
        append(ANSWER, deepList(1_000));
        append("blog/" + Files.list(site.resolve("blog")).findFirst().orElseThrow().getFileName(),
                "\n" + "*a ".repeat(2_000) + "x" + " b*".repeat(2_000) + "\n");
        Site loaded = Site.load(site, TestSites.TODAY);
        assertThat(loaded.problems()).filteredOn(p -> p.rule().equals("too-deep")).hasSize(2);
    }

    @Test
    void aDeepFrontMatterTextIsReportedAtItsLine() throws Exception {
        Path path = site.resolve(ANSWER);
        String text = Files.readString(path);
        String answerLine = text.lines().filter(l -> l.startsWith("answer:")).findFirst().orElseThrow();
        int line = text.lines().toList().indexOf(answerLine) + 1;
        Files.writeString(path, text.replace(answerLine, "answer: \"" + "![".repeat(200) + "x" + "](/y)".repeat(200)
                + "\""));
        Site loaded = Site.load(site, TestSites.TODAY);
        assertThat(loaded.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.startsWith(ANSWER + ":" + line + ": error: the text is nested 200 levels deep"));
    }

    @Test
    void buildAndCheckReportItAndExitWithOne() throws Exception {
        append(ANSWER, ">".repeat(3_000) + " deep\n");
        for (String[] command : new String[][] {{"build", "--site", site.toString(), "--out", dir.resolve("out").toString()},
            {"check", "--site", site.toString(), "--today", TestSites.TODAY.toString()}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream savedErr = System.err;
            PrintStream savedOut = System.out;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = Main.run(command);
            } finally {
                System.setErr(savedErr);
                System.setOut(savedOut);
            }
            String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(command[0]).isEqualTo(Main.CONTENT_ERRORS);
            assertThat(printed).as(command[0]).contains(ANSWER + ":", "nested 3,000 levels deep")
                    .doesNotContain("StackOverflowError", "\tat ");
        }
        assertThat(dir.resolve("out/index.html")).exists();
    }
}
