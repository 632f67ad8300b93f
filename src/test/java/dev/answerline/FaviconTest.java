package dev.answerline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.content.Site;
import dev.answerline.export.Export;
import dev.answerline.render.Renderer;
import dev.answerline.render.Similar;
import dev.answerline.server.Server;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every site has an icon at /favicon.ico, served and exported: its own, or one made from its brand. */
class FaviconTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(Server server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Server serve(Site site) {
        return Server.builder(Renderer.render(site)).port(0).build().start();
    }

    /** The one PNG of an ICO file, after its 6-byte header and one 16-byte directory entry. */
    private static BufferedImage icoImage(byte[] ico) throws IOException {
        assertThat(ico).startsWith(0, 0, 1, 0, 1, 0);   // reserved, an icon, one image
        assertThat(ico[6]).isEqualTo((byte) 32);
        assertThat(ico[7]).isEqualTo((byte) 32);
        assertThat(ico[18]).isEqualTo((byte) 22);   // the image starts right after the header
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ico, 22, ico.length - 22));
        assertThat(image).as("a PNG after the ICO header").isNotNull();
        return image;
    }

    @Test
    void aSiteWithoutAnIconGetsOneMadeFromItsBrand() throws Exception {
        Path copy = TestSites.copy("small", dir.resolve("site"));
        Files.delete(copy.resolve("static/favicon.svg"));
        Site site = Site.load(copy, TestSites.TODAY);
        try (Server server = serve(site)) {
            HttpResponse<byte[]> ico = get(server, "/favicon.ico");
            assertThat(ico.statusCode()).isEqualTo(200);
            assertThat(ico.headers().firstValue("content-type")).hasValue("image/x-icon");
            BufferedImage image = icoImage(ico.body());
            assertThat(image.getWidth()).isEqualTo(32);
            assertThat(image.getHeight()).isEqualTo(32);

            HttpResponse<byte[]> svg = get(server, "/favicon.svg");
            assertThat(svg.statusCode()).isEqualTo(200);
            assertThat(svg.headers().firstValue("content-type")).hasValue("image/svg+xml");
            // the brand is "Testroll & Co"
            assertThat(new String(svg.body(), StandardCharsets.UTF_8)).startsWith("<svg ").contains(">T</text>");

            var head = Jsoup.parse(new String(get(server, "/answers").body(), StandardCharsets.UTF_8)).head();
            assertThat(head.select("link[rel=icon]")).extracting(l -> l.attr("href") + " " + l.attr("type") + " "
                    + l.attr("sizes")).containsExactly("/favicon.ico  32x32", "/favicon.svg image/svg+xml ");
        }
        Path out = dir.resolve("build");
        Export.write(site, Similar.NONE, out, 0);
        assertThat(icoImage(Files.readAllBytes(out.resolve("favicon.ico"))).getWidth()).isEqualTo(32);
        assertThat(out.resolve("favicon.svg")).content().contains(">T</text>");
    }

    @Test
    void aSitesOwnIconsAreKeptAndOnlyWhatItLacksIsMade() throws Exception {
        Path fixture = TestSites.fixture("small");
        Site site = Site.load(fixture, TestSites.TODAY);
        try (Server server = serve(site)) {
            assertThat(get(server, "/favicon.svg").body())
                    .isEqualTo(Files.readAllBytes(fixture.resolve("static/favicon.svg")));
            assertThat(icoImage(get(server, "/favicon.ico").body()).getWidth()).isEqualTo(32);
        }

        Path copy = TestSites.copy("small", dir.resolve("site"));
        byte[] own = "its own icon, whatever the bytes".getBytes(StandardCharsets.UTF_8);
        Files.write(copy.resolve("static/favicon.ico"), own);
        Files.delete(copy.resolve("static/favicon.svg"));
        Site withIco = Site.load(copy, TestSites.TODAY);
        try (Server server = serve(withIco)) {
            assertThat(get(server, "/favicon.ico").body()).isEqualTo(own);
            // an SVG made from the brand would be shown instead of the site's own icon
            assertThat(get(server, "/favicon.svg").statusCode()).isEqualTo(404);
            var head = Jsoup.parse(new String(get(server, "/").body(), StandardCharsets.UTF_8)).head();
            assertThat(head.select("link[rel=icon]")).extracting(l -> l.attr("href") + " " + l.attr("sizes"))
                    .containsExactly("/favicon.ico ");
        }
        Path out = dir.resolve("build");
        Export.write(withIco, Similar.NONE, out, 0);
        assertThat(out.resolve("favicon.ico")).hasBinaryContent(own);
        assertThat(out.resolve("favicon.svg")).doesNotExist();
    }
}
