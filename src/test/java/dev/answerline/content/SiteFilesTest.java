package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan tells every change of content, and reads again only files whose size, times or inode moved. */
class SiteFilesTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aFileWhoseStampStayedIsNotReadAgain() throws IOException {
        Path site = site();
        SiteFiles first = SiteFiles.scan(site, (Path) null, null);

        SiteFiles second = SiteFiles.scan(site, (Path) null, first);

        // the same stamp, hash and all, taken over without reading the file
        assertThat(second.files().get("answers/a.md")).isSameAs(first.files().get("answers/a.md"));
        assertThat(second.changedSince(first)).isEmpty();
        assertThat(second.tookAllFrom(first)).isTrue();
    }

    @Test
    void anEditIsSeenEvenWithTheSameSizeAndItsTimeSetBack() throws IOException {
        Path site = site();
        SiteFiles first = SiteFiles.scan(site, (Path) null, null);
        Path answer = site.resolve("answers/a.md");
        // written again in place, same length, and its time put back as rsync -t or touch -r would
        Files.writeString(answer, "question: B?\n");
        Files.setLastModifiedTime(answer, LONG_AGO);

        SiteFiles second = SiteFiles.scan(site, (Path) null, first);

        assertThat(second.changedSince(first)).containsExactly("answers/a.md");
        assertThat(second.tookAllFrom(first)).isFalse();
    }

    @Test
    void filesAddedAndRemovedAreChanges() throws IOException {
        Path site = site();
        SiteFiles first = SiteFiles.scan(site, (Path) null, null);
        Files.delete(site.resolve("answers/a.md"));
        Files.writeString(site.resolve("answers/b.md"), "question: B?\n");

        assertThat(SiteFiles.scan(site, (Path) null, first).changedSince(first))
                .containsExactly("answers/a.md", "answers/b.md");
    }

    @Test
    void theDataAndOutputFoldersAndHiddenFoldersAtTheTopAreLeftOut() throws IOException {
        Path site = site();
        Files.writeString(Files.createDirectories(site.resolve("data/cache")).resolve("x"), "x");
        Files.writeString(Files.createDirectories(site.resolve("build")).resolve("index.html"), "x");
        Files.writeString(Files.createDirectories(site.resolve(".git")).resolve("HEAD"), "x");

        SiteFiles scan = SiteFiles.scan(site, List.of(site.resolve("data"), site.resolve("build")), null);

        assertThat(scan.files().keySet()).containsExactly("answers/a.md", "site.yaml");
    }

    @Test
    void aKeptScanIsReadBackAndADamagedOneIsNot() throws IOException {
        Path site = site();
        SiteFiles scan = SiteFiles.scan(site, (Path) null, null);
        Path kept = dir.resolve("data/site-files");
        scan.keep(kept);

        assertThat(SiteFiles.kept(kept).changedSince(scan)).isEmpty();
        assertThat(SiteFiles.kept(kept).files().keySet()).isEqualTo(scan.files().keySet());

        byte[] bytes = Files.readAllBytes(kept);
        bytes[bytes.length / 2] ^= 1;
        Files.write(kept, bytes);
        assertThat(SiteFiles.kept(kept)).isNull();
        assertThat(SiteFiles.kept(dir.resolve("data/none"))).isNull();
    }

    private Path site() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("site.yaml"), "title: T\n");
        Path answer = Files.createDirectories(site.resolve("answers")).resolve("a.md");
        Files.writeString(answer, "question: A?\n");
        // old enough that a scan trusts its stamp: a file written within two seconds of a scan is read again
        Files.setLastModifiedTime(answer, LONG_AGO);
        Files.setLastModifiedTime(site.resolve("site.yaml"), LONG_AGO);
        return site;
    }
}
