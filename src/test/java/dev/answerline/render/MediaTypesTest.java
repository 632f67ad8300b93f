package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaTypesTest {
    /**
     * The hand-kept table MediaTypes had before it used Jetty's (issue 15): every file a site served then
     * must keep its Content-Type, charset included, or caches and browsers see a change that is none.
     */
    private static final Map<String, String> BEFORE_JETTY = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("webmanifest", "application/manifest+json"));

    @Test
    void everyTypeServedBeforeStaysTheSame() {
        BEFORE_JETTY.forEach((extension, type) -> {
            assertThat(MediaTypes.of("/static/file." + extension)).as(extension).isEqualTo(type);
            assertThat(MediaTypes.of("/static/FILE." + extension.toUpperCase())).as(extension).isEqualTo(type);
        });
    }

    @Test
    void whatIsUnknownOrHasNoExtensionIsBytes() {
        assertThat(MediaTypes.of("/static/data.unknownext")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.of("/static/README")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.of("/static/v1.2/notes")).as("a dot in a folder's name").isEqualTo("application/octet-stream");
        assertThat(MediaTypes.of("/static/file.")).isEqualTo("application/octet-stream");
    }

    @Test
    void typesBeyondTheOldTableComeFromJetty() {
        assertThat(MediaTypes.of("/static/clip.mp4")).isEqualTo("video/mp4");
        assertThat(MediaTypes.of("/static/module.wasm")).isEqualTo("application/wasm");
        assertThat(MediaTypes.of("/static/module.mjs")).isEqualTo("text/javascript; charset=utf-8");
    }
}
