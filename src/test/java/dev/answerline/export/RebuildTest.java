package dev.answerline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.SiteEdits;
import dev.answerline.SiteEdits.Edit;
import dev.answerline.TestSites;
import dev.answerline.content.ContentException;
import dev.answerline.content.Keeping;
import dev.answerline.content.ParseCache;
import dev.answerline.content.Site;
import dev.answerline.export.internal.BuildState;
import dev.answerline.render.CompressionCache;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A build after an edit, reusing what the last build into the same folder left, writes exactly the files a
 * build from nothing writes, for every kind of edit; and it renders only what the edit touched when nothing
 * but answers changed.
 */
class RebuildTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    static Stream<Arguments> edits() {
        return Stream.concat(SiteEdits.all(), Stream.of(
                Arguments.of("an answer's aliases", SiteEdits.replace(SiteEdits.LUMBAR, "category: back-relief",
                        "category: back-relief\naliases: [/answers/lumbar-rolling]")),
                Arguments.of("an answer made a draft", SiteEdits.replace(SiteEdits.LUMBAR, "category: back-relief",
                        "category: back-relief\ndraft: true")),
                Arguments.of("an answer's slug", SiteEdits.replace(SiteEdits.LUMBAR, "category: back-relief",
                        "category: back-relief\nslug: lumbar-rolling")),
                Arguments.of("an answer's takeaways and bottom line",
                        SiteEdits.replace(SiteEdits.LUMBAR, "  Leave the lumbar spine alone.", "  Leave it alone.")
                                .then(SiteEdits.replace(SiteEdits.LUMBAR, "about 60 seconds", "about a minute")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void aBuildAfterAnEditWritesWhatABuildFromNothingWrites(String name, Edit edit) throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path out = dir.resolve("out");
        assertThat(build(site, out, data, TODAY).touched()).isEqualTo(-1);
        edit.apply(site);
        build(site, out, data, TODAY);
        build(site, dir.resolve("fresh"), null, TODAY);
        assertThat(files(out)).isEqualTo(files(dir.resolve("fresh")));
        // and the state it left holds for the next edit
        Path other = site.resolve("answers/is-foam-rolling-good-for-runners.md");
        Files.writeString(other, Files.readString(other) + "\nRun, then roll.\n");
        // a body edit after any other: only that answer's page and twin
        assertThat(build(site, out, data, TODAY).touched()).isEqualTo(2);
        build(site, dir.resolve("fresh2"), null, TODAY);
        assertThat(files(out)).isEqualTo(files(dir.resolve("fresh2")));
    }

    @Test
    void aBodyEditWritesItsAnswerAndTwinAlone() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path out = dir.resolve("out");
        Export.Built first = build(site, out, data, TODAY);
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(out.resolve("index.html"), old);
        Files.setLastModifiedTime(out.resolve("answers/should-you-foam-roll-your-lumbar-spine.html"), old);
        SiteEdits.replace(SiteEdits.LUMBAR, "## Why the lower back is different", "## Why the lower back differs")
                .apply(site);

        Export.Built second = build(site, out, data, TODAY);

        assertThat(second.touched()).isEqualTo(2);
        assertThat(second.summary().files()).isEqualTo(first.summary().files());
        assertThat(Files.getLastModifiedTime(out.resolve("index.html"))).isEqualTo(old);
        assertThat(Files.readString(out.resolve("answers/should-you-foam-roll-your-lumbar-spine.html")))
                .contains("Why the lower back differs");
    }

    @Test
    void anOutputAndDataFolderInsideTheSiteAreNoPartOfIt() throws IOException {
        // as `cd site && answerline build` makes them: ./build and ./data
        Path site = TestSites.copyDemo(dir.resolve("site"));
        Path data = Files.createDirectories(site.resolve("data"));
        Path out = site.resolve("build");
        build(site, out, data, TODAY);
        SiteEdits.replace(SiteEdits.LUMBAR, "## Why the lower back is different", "## Why it differs").apply(site);

        assertThat(build(site, out, data, TODAY).touched()).isEqualTo(2);
    }

    @Test
    void nothingChangedWritesNothing() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path out = dir.resolve("out");
        build(site, out, data, TODAY);
        Files.setLastModifiedTime(out.resolve("index.html"), FileTime.fromMillis(0));

        assertThat(build(site, out, data, TODAY).touched()).isZero();
        assertThat(Files.getLastModifiedTime(out.resolve("index.html"))).isEqualTo(FileTime.fromMillis(0));
    }

    @Test
    void aNewDayADamagedStateOrAnotherFolderBuildEverything() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path out = dir.resolve("out");
        build(site, out, data, TODAY);
        Edit body = SiteEdits.replace(SiteEdits.LUMBAR, "## Why the lower back is different", "## Why it differs");
        body.apply(site);
        // the footer's year and answers dated later depend on the day
        assertThat(build(site, out, data, TODAY.plusDays(1)).touched()).isEqualTo(-1);

        Path state = BuildState.fileFor(data, out);
        byte[] bytes = Files.readAllBytes(state);
        bytes[bytes.length / 2] ^= 1;
        Files.write(state, bytes);
        SiteEdits.replace(SiteEdits.LUMBAR, "## Why it differs", "## Why it is different").apply(site);
        assertThat(build(site, out, data, TODAY).touched()).isEqualTo(-1);

        // a folder changed by hand, or a build cut short, no longer carries the state's build id
        Path marker = out.resolve(Export.MARKER);
        Files.writeString(marker, Files.readString(marker).replaceAll("build .*", "build someone-else"));
        SiteEdits.replace(SiteEdits.LUMBAR, "## Why it is different", "## Why").apply(site);
        assertThat(build(site, out, data, TODAY).touched()).isEqualTo(-1);
        build(site, dir.resolve("fresh"), null, TODAY);
        assertThat(files(out)).isEqualTo(files(dir.resolve("fresh")));
    }

    @Test
    void aRestoredAnswerIsNeverMadeFromAFileEditedSince() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        ParseCache cache = new ParseCache();
        Site.load(site, TODAY, false, cache, Keeping.ALL);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        cache.save(site, true, new DataOutputStream(saved));
        Map<String, byte[]> hashes = new TreeMap<>();
        try (Stream<Path> answers = Files.list(site.resolve("answers"))) {
            for (Path file : answers.toList()) {
                hashes.put("answers/" + file.getFileName(), sha256(file));
            }
        }
        ParseCache restored = ParseCache.restore(saved.toByteArray(),
                site, true, hashes::get);
        Site loaded = Site.load(site, TODAY, false, restored, Keeping.ALL);
        assertThat(loaded.answer("should-you-foam-roll-your-lumbar-spine").orElseThrow().source().prose().html())
                .contains("Why the lower back is different");

        SiteEdits.replace(SiteEdits.LUMBAR, "## Why the lower back is different", "## Why").apply(site);
        ParseCache again = ParseCache.restore(saved.toByteArray(),
                site, true, hashes::get);
        Site stale = Site.load(site, TODAY, false, again, Keeping.ALL);
        assertThatThrownBy(() -> stale.answer("should-you-foam-roll-your-lumbar-spine").orElseThrow().source().body())
                .isInstanceOf(ContentException.class).hasMessageContaining("changed while the site was being built");
    }

    @Test
    void gzipTwinsAreWrittenOnlyWhenAskedAndTurningThemOnOrOffBuildsEverything() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path out = dir.resolve("out");
        Export.Built plain = build(site, out, data, TODAY, false);
        assertThat(files(out)).isNotEmpty().allSatisfy((name, bytes) -> assertThat(name).doesNotEndWith(".gz"));

        SiteEdits.replace(SiteEdits.LUMBAR, "## Why the lower back is different", "## Why it differs").apply(site);
        assertThat(build(site, out, data, TODAY, true).touched()).isEqualTo(-1);
        build(site, dir.resolve("fresh"), null, TODAY, true);
        assertThat(files(out)).isEqualTo(files(dir.resolve("fresh")))
                .containsKey("answers/should-you-foam-roll-your-lumbar-spine.html.gz");
        assertThat(files(out)).hasSizeGreaterThan(plain.summary().files());

        SiteEdits.replace(SiteEdits.LUMBAR, "## Why it differs", "## Why").apply(site);
        assertThat(build(site, out, data, TODAY, false).touched()).isEqualTo(-1);
        assertThat(files(out)).allSatisfy((name, bytes) -> assertThat(name).doesNotEndWith(".gz"));
        // and without twins, an edit still writes only what it touched, the same as a build from nothing
        SiteEdits.replace(SiteEdits.LUMBAR, "## Why", "## Why it is different").apply(site);
        assertThat(build(site, out, data, TODAY, false).touched()).isEqualTo(2);
        build(site, dir.resolve("fresh-plain"), null, TODAY, false);
        assertThat(files(out)).isEqualTo(files(dir.resolve("fresh-plain")));
    }

    /** A build with {@code .gz} twins, so that the comparisons cover them too. */
    private static Export.Built build(Path site, Path out, Path data, LocalDate today) {
        return build(site, out, data, today, true);
    }

    private static Export.Built build(Path site, Path out, Path data, LocalDate today, boolean gzip) {
        return Export.build(site, out, data, today, Map.of(), CompressionCache.NONE, gzip);
    }

    /** Every file of an export by path, as text; the marker names the build that wrote it, which differs. */
    private static Map<String, String> files(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(file).toString();
                if (!name.equals(Export.MARKER)) {
                    files.put(name, java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }

    private static byte[] sha256(Path file) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
