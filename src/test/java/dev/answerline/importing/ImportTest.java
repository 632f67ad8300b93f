package dev.answerline.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.cli.Main;
import dev.answerline.content.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of source, written by us in {@code src/test/resources/import/}, imported into an empty folder: the
 * site written is the golden one in {@code src/test/resources/import/golden/} file for file, and it builds with
 * no errors. After a deliberate change, rewrite the expected files with
 * {@code mvn test -Dtest=ImportTest -Dgolden.update=true} and review the diff.
 */
class ImportTest {
    static final Path SOURCES = Path.of("src/test/resources/import");
    private static final Path GOLDEN = Path.of("src/test/resources/import/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"wordpress, wordpress/export.xml, wordpress/media", "hugo, hugo, ", "html, html, "})
    void importsIntoTheGoldenSiteThatBuildsWithoutErrors(String name, String source, String media) throws IOException {
        Path out = dir.resolve("site");
        ImportReport report = Import.run(new Import.Request(SOURCES.resolve(source), out, null, null,
                media == null ? null : SOURCES.resolve(media), TODAY));

        assertThat(report.format()).isEqualTo(Import.Format.of(name));
        assertThat(report.problems()).as("check of the imported site").noneMatch(p -> p.isError());
        Map<String, String> written = files(out);
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            rewrite(golden, out);
        }
        assertThat(written).isEqualTo(files(golden));
        Path built = dir.resolve("built");
        assertThat(Main.run("build", "--site", out.toString(), "--out", built.toString(), "--data",
                dir.resolve("data").toString())).isEqualTo(Main.OK);
        assertThat(Site.load(out, TODAY).problems()).noneMatch(p -> p.isError());
    }

    @org.junit.jupiter.api.Test
    void aJekyllSitesPostsKeepTheirDatedAddresses() throws IOException {
        Path jekyll = Files.createDirectories(dir.resolve("jekyll/_posts"));
        Files.writeString(dir.resolve("jekyll/_config.yml"), "title: Roll Notes\nurl: https://notes.example\n");
        Files.writeString(jekyll.resolve("2024-05-02-does-rolling-warm-you-up.md"), """
                ---
                title: Does rolling warm you up?
                categories: [warm-up]
                redirect_from: [/old/warm-up/]
                ---
                A little: a minute raises the muscle's temperature slightly.

                ## How much

                Less than a jog does.
                """);

        ImportReport report = Import.run(new Import.Request(dir.resolve("jekyll"), dir.resolve("site"), null, null,
                null, TODAY));

        assertThat(report.format()).isEqualTo(Import.Format.HUGO);
        assertThat(report.problems()).noneMatch(p -> p.isError());
        assertThat(dir.resolve("site/answers/does-rolling-warm-you-up.md")).content()
                .contains("published: 2024-05-02", "category: \"warm-up\"",
                        "  - \"/2024/05/02/does-rolling-warm-you-up.html\"", "  - \"/old/warm-up\"");
        assertThat(dir.resolve("site/site.yaml")).content().contains("brand: \"Roll Notes\"",
                "base_url: \"https://notes.example\"");
    }

    /** Every file of a folder by path, as text; the manifest lists hashes, which the files themselves cover. */
    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                files.put(name, name.endsWith(".jpg") ? java.util.HexFormat.of().formatHex(bytes)
                        : new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void rewrite(Path golden, Path out) throws IOException {
        if (Files.isDirectory(golden)) {
            try (Stream<Path> walk = Files.walk(golden)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = golden.resolve(out.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
