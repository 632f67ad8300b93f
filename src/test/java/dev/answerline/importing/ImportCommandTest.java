package dev.answerline.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code answerline import} as docs/import.md shows it, run with the names there standing for our fixtures. */
class ImportCommandTest {
    private static final Path DOC = Path.of("docs/import.md");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** The fenced block of docs/import.md that starts with {@code start}. */
    private static String block(String language, String start) throws IOException {
        Matcher m = Pattern.compile("```" + language + "\n(" + Pattern.quote(start) + ".*?)```", Pattern.DOTALL)
                .matcher(Files.readString(DOC));
        assertThat(m.find()).as("docs/import.md has a %s block starting %s", language, start).isTrue();
        return m.group(1);
    }

    @Test
    void theDocumentedCommandsRun() throws IOException {
        Path map = Files.writeString(dir.resolve("categories.yaml"), block("yaml", "neck-and-shoulders:"));
        Map<String, Path> names = Map.of("export.xml", ImportTest.SOURCES.resolve("wordpress/export.xml"),
                "categories.yaml", map, "uploads", ImportTest.SOURCES.resolve("wordpress/media"),
                "my-hugo-site", ImportTest.SOURCES.resolve("hugo"), "saved-pages", ImportTest.SOURCES.resolve("html"));
        List<Integer> codes = new ArrayList<>();
        int n = 0;
        for (String line : block("sh", "bin/answerline import").lines().toList()) {
            List<String> args = new ArrayList<>();
            for (String word : line.substring("bin/answerline ".length()).split(" ")) {
                args.add(word.equals("site") ? dir.resolve("site" + n).toString()
                        : names.containsKey(word) ? names.get(word).toString() : word);
            }
            codes.add(Main.run(args.toArray(String[]::new)));
            n++;
        }
        // the first has no --media: the post's picture is a link to nothing until it is fetched
        assertThat(codes).containsExactly(Main.CONTENT_ERRORS, Main.OK, Main.OK, Main.OK);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Media to download (no network is used: fetch these, then import again with"
                + " --media DIR):\n  https://kelpie.example/wp-content/uploads/2024/11/ball-on-wall.jpg (used by"
                + " export.xml:28, as its featured image)");
        assertThat(printed).contains("Imported 3 answers, 1 blog post and 1 page from a WordPress export;")
                .contains("2 media files to fetch; check: 2 errors,").contains("check: 0 errors,")
                .contains("Imported 2 answers, 1 blog post and 0 pages from a Hugo or Jekyll site;")
                .contains("Imported 2 answers, 0 blog posts and 0 pages from saved HTML pages;")
                .contains("index.html: not an answer page");
        assertThat(dir.resolve("site1/static/media/2024/11/ball-on-wall.jpg")).exists();
    }

    @Test
    void aSourceThatCannotBeReadSaysWhatToDoWithoutAStackTrace() throws IOException {
        Path notXml = Files.writeString(dir.resolve("export.xml"), "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\">"
                + "<channel><item><title>broken</channel>");
        assertThat(Main.run("import", notXml.toString(), "--out", dir.resolve("a").toString())).isEqualTo(Main.FAILURE);
        assertThat(Main.run("import", dir.resolve("missing").toString(), "--out", dir.resolve("b").toString()))
                .isEqualTo(Main.FAILURE);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(Main.run("import", empty.toString(), "--out", dir.resolve("c").toString())).isEqualTo(Main.FAILURE);
        Path badMap = Files.writeString(dir.resolve("map.yaml"), "news: newsletter\n");
        assertThat(Main.run("import", ImportTest.SOURCES.resolve("wordpress/export.xml").toString(), "--out",
                dir.resolve("d").toString(), "--category-map", badMap.toString())).isEqualTo(Main.FAILURE);

        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "answerline: export.xml:1: not a WordPress export this can read: The element type \"title\" must be"
                        + " terminated by the matching end-tag \"</title>\". — export again from WordPress (Tools →"
                        + " Export → All content), and import that file as it is",
                "answerline: " + dir.resolve("missing") + " does not exist — give the export file or the folder to"
                        + " import",
                "answerline: " + empty + " is neither a WordPress export, a Hugo or Jekyll site nor a folder of saved"
                        + " HTML pages — give --from wordpress, hugo or html if it is one of them",
                "answerline: " + badMap + ": `news: newsletter` says neither answers, answers/ID, blog, pages nor"
                        + " skip — use one of those, an ID in lower-case letters, digits and hyphens: answers/newsletter");
    }

    @Test
    void theCategoryMapSaysWhatEachCategoryBecomes() throws IOException {
        Path map = Files.writeString(dir.resolve("map.yaml"), "legs: skip\nNews: pages\nneck-and-shoulders: answers/neck\n");
        ImportReport report = Import.run(new Import.Request(ImportTest.SOURCES.resolve("wordpress/export.xml"),
                dir.resolve("site"), Import.Format.WORDPRESS, map, null, ImportTest.TODAY));

        assertThat(report.answers()).isEqualTo(1);
        assertThat(dir.resolve("site/answers/roll-your-neck.md")).content().contains("category: \"neck\"");
        assertThat(dir.resolve("site/pages/new-warehouse.md")).exists();
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.toString())
                .contains("\"Should you roll your calves before a run?\" is not imported: the category map skips"));
    }
}
