package dev.answerline.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing again into the same folder: nothing an editor changed since is lost. */
class ReimportTest {
    private static final Path EXPORT = ImportTest.SOURCES.resolve("wordpress/export.xml");
    private static final Path MEDIA = ImportTest.SOURCES.resolve("wordpress/media");

    @TempDir
    Path dir;

    private ImportReport importInto(Path site) {
        return Import.run(new Import.Request(EXPORT, site, null, null, MEDIA, ImportTest.TODAY));
    }

    @Test
    void importingTwiceChangesNothing() throws IOException {
        Path site = dir.resolve("site");
        importInto(site);
        Map<String, String> first = ImportTest.files(site);

        ImportReport again = importInto(site);

        assertThat(ImportTest.files(site)).isEqualTo(first);
        assertThat(again.setAside()).isEmpty();
    }

    @Test
    void aFileEditedSinceIsLeftAloneAndTheNewVersionWrittenBesideIt() throws IOException {
        Path site = dir.resolve("site");
        importInto(site);
        Path neck = site.resolve("answers/roll-your-neck.md");
        String edited = Files.readString(neck).replace("Gently, and", "Yes, gently, and");
        Files.writeString(neck, edited);
        Path yaml = site.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("https://kelpie.example", "https://answers.kelpie.example"));
        Path calves = site.resolve("answers/calves-before-a-run.md");
        String untouched = Files.readString(calves);
        Files.delete(site.resolve("blog/new-warehouse.md"));

        ImportReport again = importInto(site);

        assertThat(neck).content().isEqualTo(edited);
        assertThat(site.resolve("answers/roll-your-neck.md.imported")).content().contains("Gently, and");
        assertThat(yaml).content().contains("https://answers.kelpie.example");
        assertThat(calves).content().isEqualTo(untouched);
        // a file deleted by hand is written again: the import cannot tell it from one never written
        assertThat(site.resolve("blog/new-warehouse.md")).exists();
        assertThat(again.setAside()).containsExactly("answers/roll-your-neck.md (new version:"
                + " answers/roll-your-neck.md.imported)");
        // and the site still loads: the .imported copies are no content files
        assertThat(again.problems()).noneMatch(p -> p.isError());
    }

    @Test
    void aFileAlreadyInTheFolderThatNoImportWroteIsNeverReplaced() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.createDirectories(site.resolve("pages"));
        Files.writeString(site.resolve("pages/about.md"), "---\ntitle: About\ndescription: Ours.\n---\nOur own words.\n");

        ImportReport report = importInto(site);

        assertThat(site.resolve("pages/about.md")).content().contains("Our own words.");
        assertThat(site.resolve("pages/about.md.imported")).content().contains("Kelpie makes foam rollers");
        assertThat(report.setAside()).hasSize(1);
    }
}
