package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a theme changes in pages beyond what the themed golden pages show. */
class ThemeRenderTest {
    @TempDir
    Path dir;

    private static String text(Pages pages, String path) {
        return new String(pages.get(path).body("").identity(), StandardCharsets.UTF_8);
    }

    private static String stylesheet(Pages pages) {
        String css = text(pages, "/").replaceAll("(?s).*<link rel=\"stylesheet\" href=\"(/assets/site[^\"]+)\".*", "$1");
        return text(pages, css);
    }

    @Test
    void aFontFileOfTheSiteIsPreloadedAndShownWithSwap() throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Files.createDirectories(site.resolve("static/fonts"));
        Files.write(site.resolve("static/fonts/brand-sans.woff2"), new byte[] {0x77, 0x4f, 0x46, 0x32});
        Files.writeString(site.resolve("site.yaml"), Files.readString(site.resolve("site.yaml"))
                + "theme:\n  font_body: /fonts/brand-sans.woff2\n");
        Pages pages = Renderer.render(Site.load(site, TestSites.TODAY));
        assertThat(text(pages, "/")).contains("<link rel=\"preload\" href=\"/fonts/brand-sans.woff2\" as=\"font\""
                + " type=\"font/woff2\" crossorigin>");
        assertThat(stylesheet(pages)).contains("@font-face { font-family: \"brand-sans\"; src:"
                + " url(\"/fonts/brand-sans.woff2\") format(\"woff2\"); font-display: swap; }", "--font: \"brand-sans\",");
        assertThat(pages.get("/fonts/brand-sans.woff2").contentType()).isEqualTo("font/woff2");
    }

    @Test
    void aSiteWithoutAThemeKeepsTheBuiltInStylesheetByteForByte() throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        String builtIn = stylesheet(Renderer.render(Site.load(site, TestSites.TODAY)));
        assertThat(builtIn).doesNotContain("the brand's theme");
        Files.writeString(site.resolve("site.yaml"), Files.readString(site.resolve("site.yaml"))
                + "theme:\n  radius: 0\n");
        String themed = stylesheet(Renderer.render(Site.load(site, TestSites.TODAY)));
        assertThat(themed).startsWith(builtIn.substring(0, builtIn.lastIndexOf("@media print")).stripTrailing())
                .contains("--radius: 0;");
        // a theme of corners only sets no colours
        assertThat(themed.substring(themed.indexOf("/* the brand's theme"))).doesNotContain("--brand:");
    }

    @Test
    void theSitesOwnStylesheetComesAfterTheBuiltInOneUnderAFingerprint() throws Exception {
        Pages pages = Renderer.render(Site.load(TestSites.themed(dir.resolve("themed")), TestSites.TODAY));
        String home = text(pages, "/");
        String brand = home.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"(/assets/brand\\.[0-9a-f]{10}\\.css)\".*", "$1");
        assertThat(home.indexOf("/assets/site.")).isLessThan(home.indexOf(brand));
        assertThat(text(pages, brand)).contains(".direct-answer { border-left-width: 6px; }");
        assertThat(pages.get(brand).cacheControl()).isEqualTo(Renderer.ASSET_CACHE);
    }

    @Test
    void theFaviconWearsTheThemesAccent() throws Exception {
        Path site = TestSites.themed(dir.resolve("themed"));
        Files.delete(site.resolve("static/favicon.svg"));
        Pages pages = Renderer.render(Site.load(site, TestSites.TODAY));
        assertThat(text(pages, "/favicon.svg")).contains("fill=\"#5b2a86\"", "fill=\"#ffffff\"");
    }
}
