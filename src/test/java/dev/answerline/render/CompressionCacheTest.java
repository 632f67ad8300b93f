package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encodings a served site takes from its compression cache are byte for byte those it would make: with
 * the cache cold, warm, torn by a crash, damaged on disk, or held by another process.
 */
class CompressionCacheTest {
    @TempDir
    Path dir;

    private final Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);

    /** Every page's identity, gzip and brotli bytes and entity tag, by path. */
    private static Map<String, String> encodings(Pages pages) {
        Map<String, String> all = new TreeMap<>();
        for (Page page : pages.all()) {
            Page.Body body = page.body("");
            all.put(page.path(), body.etag() + " " + java.util.Arrays.hashCode(body.identity()) + " "
                    + (body.compressed() ? java.util.Arrays.hashCode(body.gzip()) : "-") + " "
                    + (body.hasBrotli() ? java.util.Arrays.hashCode(bytes(body.brotliView())) : "-"));
        }
        return all;
    }

    private static byte[] bytes(java.nio.ByteBuffer view) {
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    private Map<String, String> render(CompressionCache cache) {
        return encodings(Renderer.render(site, Renderer.Options.SERVE.with(cache)));
    }

    private Path pack() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".pack")).findFirst().orElseThrow();
        }
    }

    @Test
    void aWarmCacheGivesTheSameBytesAndCompressesNothingAgain() {
        Map<String, String> uncached = render(CompressionCache.NONE);
        int entries;
        try (CompressionCache cold = CompressionCache.in(dir)) {
            assertThat(render(cold)).isEqualTo(uncached);
            entries = cold.size();
            assertThat(entries).isGreaterThan(20);
        }
        try (CompressionCache warm = CompressionCache.in(dir)) {
            assertThat(warm.size()).isEqualTo(entries);
            assertThat(render(warm)).isEqualTo(uncached);
            // nothing was added: every encoding came from the file
            assertThat(warm.size()).isEqualTo(entries);
        }
    }

    @Test
    void anExportWithAWarmCacheWritesTheSameFilesAsOneWithout() throws IOException {
        Similar similar = dev.answerline.search.SearchIndex.similar(site);
        dev.answerline.export.Export.write(site, similar, dir.resolve("plain"), 0, Map.of(), CompressionCache.NONE);
        Path caches = dir.resolve("cache");
        try (CompressionCache cold = CompressionCache.in(caches)) {
            dev.answerline.export.Export.write(site, similar, dir.resolve("cold"), 0, Map.of(), cold);
        }
        try (CompressionCache warm = CompressionCache.in(caches)) {
            int entries = warm.size();
            dev.answerline.export.Export.write(site, similar, dir.resolve("warm"), 0, Map.of(), warm);
            assertThat(warm.size()).isEqualTo(entries).isPositive();
        }
        Map<String, String> plain = files(dir.resolve("plain"));
        assertThat(plain).anySatisfy((name, hash) -> assertThat(name).endsWith(".html.gz"));
        assertThat(files(dir.resolve("cold"))).isEqualTo(plain);
        assertThat(files(dir.resolve("warm"))).isEqualTo(plain);
    }

    /** Every file of a folder by its relative name, with a hash of its bytes. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                all.put(root.relativize(file).toString(), java.util.Arrays.toString(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    @Test
    void aRecordTornByACrashIsDroppedAndMadeAgain() throws IOException {
        Map<String, String> uncached = render(CompressionCache.NONE);
        int entries;
        try (CompressionCache cold = CompressionCache.in(dir)) {
            render(cold);
            entries = cold.size();
        }
        try (RandomAccessFile file = new RandomAccessFile(pack().toFile(), "rw")) {
            file.setLength(file.length() - 10);
        }
        try (CompressionCache torn = CompressionCache.in(dir)) {
            assertThat(torn.size()).isEqualTo(entries - 1);
            assertThat(render(torn)).isEqualTo(uncached);
            assertThat(torn.size()).isEqualTo(entries);
        }
    }

    @Test
    void damagedBytesOnDiskAreNeverServed() throws IOException {
        Map<String, String> uncached = render(CompressionCache.NONE);
        try (CompressionCache cold = CompressionCache.in(dir)) {
            render(cold);
        }
        try (RandomAccessFile file = new RandomAccessFile(pack().toFile(), "rw")) {
            for (long at = 100; at < file.length(); at += 997) {
                file.seek(at);
                int b = file.read();
                file.seek(at);
                file.write(b ^ 0x5a);
            }
        }
        try (CompressionCache damaged = CompressionCache.in(dir)) {
            assertThat(render(damaged)).isEqualTo(uncached);
        }
    }

    @Test
    void aCacheInUseElsewhereIsLeftAloneAndEveryPageIsCompressed() {
        Map<String, String> uncached = render(CompressionCache.NONE);
        try (CompressionCache first = CompressionCache.in(dir); CompressionCache second = CompressionCache.in(dir)) {
            // a cache opens its file when first used: the first takes the folder
            assertThat(first.size()).isZero();
            assertThat(render(second)).isEqualTo(uncached);
            assertThat(second.size()).isZero();
            assertThat(render(first)).isEqualTo(uncached);
            assertThat(first.size()).isPositive();
        }
    }

    @Test
    void encodingsNoPageHadInARunAreDroppedWhenTheyAreMostOfTheFile() throws IOException {
        try (CompressionCache cold = CompressionCache.in(dir, 0)) {
            render(cold);
        }
        long full = Files.size(pack());
        // a run that serves one page only: the rest of the file is what changed pages left behind
        try (CompressionCache run = CompressionCache.in(dir, 0)) {
            Page one = Renderer.render(site, Renderer.Options.EXPORT).get("/answers/can-you-roll-every-day");
            assertThat(one).isNotNull();
            one.keptIn(dev.answerline.memory.MappedStore.temporary(), "", run);
        }
        assertThat(Files.size(pack())).isLessThan(full / 4);
        try (CompressionCache after = CompressionCache.in(dir, 0)) {
            assertThat(after.size()).isEqualTo(1);
            assertThat(render(after)).isEqualTo(render(CompressionCache.NONE));
        }
    }
}
