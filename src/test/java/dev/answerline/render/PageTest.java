package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import dev.answerline.memory.MappedStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageTest {
    private static final String HTML = "<!DOCTYPE html><p>" + "words ".repeat(100) + "</p>" + Page.SLOT
            + "<footer>é</footer>" + Page.SLOT + "<p>end</p>";

    @TempDir
    Path temp;

    @Test
    void aPageKeptOutsideTheHeapGivesTheSameBytesAndTagsForEverySlotText() throws Exception {
        MappedStore store = new MappedStore(temp);
        Page onHeap = Page.html("/answers/x", HTML, Renderer.PAGE_CACHE);
        Page kept = Page.html("/answers/x", HTML, Renderer.PAGE_CACHE).keptIn(store, "", CompressionCache.NONE);

        for (String slot : new String[] {"<p>Join 80+ people</p>", "<p>Join 1,200+ readers ✓</p>", "", "<p>9+</p>"}) {
            Page.Body expected = onHeap.body(slot);
            Page.Body actual = kept.body(slot);
            assertThat(text(actual.identity())).isEqualTo(HTML.replace(Page.SLOT, slot));
            assertThat(actual.identity()).isEqualTo(expected.identity());
            assertThat(actual.etag()).isEqualTo(expected.etag());
            assertThat(gunzip(actual.gzip())).isEqualTo(expected.identity());
            assertThat(actual.identityView().isDirect()).isTrue();
            // brotli only where it is served: a preview or an export would pay for it and never send it
            assertThat(brotli(actual)).isEqualTo(expected.identity());
            assertThat(expected.brotliView()).isNull();
        }
        // the temporary files are gone at once: only their mappings hold the bytes
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aViewHasItsOwnPositionSoConcurrentWritesDoNotDisturbEachOther() {
        Page kept = Page.html("/x", HTML, Renderer.PAGE_CACHE).keptIn(new MappedStore(temp), "", CompressionCache.NONE);
        Page.Body body = kept.body("");
        body.identityView().position(10);
        assertThat(body.identityView().position()).isZero();
        byte[] expected = HTML.replace(Page.SLOT, "").getBytes(StandardCharsets.UTF_8);
        assertThat(body.identityView().remaining()).isEqualTo(expected.length);
    }

    @Test
    void aFixedFileKeptOutsideTheHeapIsServedAsIs() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        Page kept = Page.of("/logo.png", "image/png", Renderer.STATIC_CACHE, png).keptIn(new MappedStore(temp), "", CompressionCache.NONE);
        assertThat(kept.body("anything").identity()).isEqualTo(png);
        assertThat(kept.body("anything").compressed()).isFalse();
    }

    private static byte[] brotli(Page.Body body) throws Exception {
        ByteBuffer view = body.brotliView();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return Decoder.decompress(bytes).getDecompressedData();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] gzip) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
