package dev.answerline.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.cli.Main;
import dev.answerline.content.Site;
import dev.answerline.render.Renderer;
import dev.answerline.newsletter.Newsletter;
import dev.answerline.search.SearchIndex;
import dev.answerline.server.SecurityHeaders;
import dev.answerline.server.Server;
import dev.answerline.server.TrustedProxy;
import dev.answerline.store.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo site's export in a real nginx: configured with the {@code nginx} block of README.md, read from
 * the README itself with only its folder replaced, and on a plain nginx that only maps {@code /x} to
 * {@code x.html} or to a folder's {@code index.html} (with folder listings on, as some hosts have them).
 */
class NginxHostingTest {
    /** The folder the README's block names; a user changes it, and so does this test, nothing else. */
    private static final String README_ROOT = "/srv/answers/build";
    private static final String README_SITE = "/srv/answers/site";
    private static final String LUMBAR = "/answers/should-you-foam-roll-your-lumbar-spine";

    @TempDir
    static Path dir;
    private static Path out;
    private static Site site;
    private static Nginx readme;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void exportTheDemoAndStartTheReadmesNginx() throws IOException {
        Nginx.assumeInstalled();
        // nginx's worker runs as another user than the test
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        site = Site.load(TestSites.demo());
        out = dir.resolve("build");
        List<String> build = new ArrayList<>(List.of(readmeBuild().replace(README_SITE, TestSites.demo().toString())
                .replace(README_ROOT, out.toString()).split(" ")));
        // a data folder of its own, not whatever ./data the checkout has
        build.addAll(List.of("--data", dir.resolve("data").toString()));
        assertThat(Main.run(build.toArray(String[]::new))).isEqualTo(Main.OK);
        assertThat(out.resolve(LUMBAR.substring(1) + ".html.gz")).as("the README's build writes .gz twins")
                .isRegularFile();
        String block = readmeBlock();
        assertThat(block.split(Pattern.quote(README_ROOT), -1)).as("the README block names %s twice", README_ROOT)
                .hasSize(3);
        readme = Nginx.start(Files.createDirectory(dir.resolve("readme-nginx")), block.replace(README_ROOT,
                out.toString()));
    }

    @AfterAll
    static void stop() {
        if (readme != null) {
            readme.close();
        }
    }

    /** The README's command that builds the export for nginx, without {@code bin/answerline}. */
    private static String readmeBuild() throws IOException {
        Matcher command = Pattern.compile("```sh\nbin/answerline (build --gzip [^\n]*)\n```")
                .matcher(Files.readString(Path.of("README.md")));
        assertThat(command.find()).as("README.md shows the build for nginx").isTrue();
        return command.group(1);
    }

    /**
     * The one {@code nginx} code block of README.md for the static export (the other, deploy/nginx.conf for
     * several nodes, is ClusterTest's).
     */
    private static String readmeBlock() throws IOException {
        Matcher block = Pattern.compile("```nginx\n(root .*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("README.md")));
        assertThat(block.find()).as("README.md has an nginx block for the export").isTrue();
        String text = block.group(1);
        assertThat(block.find()).as("README.md has one nginx block for the export").isFalse();
        return text;
    }

    private HttpResponse<byte[]> get(Nginx nginx, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(nginx.uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void everyKindOfFileHasItsContentType() throws Exception {
        Document answer = Jsoup.parse(text(get(readme, LUMBAR)));
        String css = answer.select("link[rel=stylesheet]").attr("href");
        String js = answer.select("script[src^=/assets/]").attr("src");
        assertThat(css).startsWith("/assets/");
        String html = "text/html; charset=utf-8";
        String xml = "text/xml; charset=utf-8";
        String plain = "text/plain; charset=utf-8";
        String[][] expected = {
            {LUMBAR, html}, {"/answers", html}, {"/", html}, {css, "text/css; charset=utf-8"},
            {"/images/logo.svg", "image/svg+xml"}, {"/favicon.svg", "image/svg+xml"}, {"/favicon.ico", "image/x-icon"},
            {"/feed.xml", xml}, {"/atom.xml", xml}, {"/blog/feed.xml", xml}, {"/sitemap.xml", xml},
            {"/robots.txt", plain}, {"/llms.txt", plain}, {"/llms-full.txt", plain},
            {LUMBAR + ".md", "text/markdown; charset=utf-8"}};
        for (String[] file : expected) {
            HttpResponse<byte[]> response = get(readme, file[0]);
            assertThat(response.statusCode()).as(file[0]).isEqualTo(200);
            assertThat(header(response, "content-type")).as(file[0]).isEqualTo(file[1]);
        }
        // mime.types of nginx 1.22 says application/javascript, later ones text/javascript
        assertThat(header(get(readme, js), "content-type")).matches("(application|text)/javascript; charset=utf-8");
    }

    @Test
    void pagesGoOutGzippedWhenAskedAndVaryOnIt() throws Exception {
        HttpResponse<byte[]> gzipped = get(readme, LUMBAR, "Accept-Encoding", "gzip");
        assertThat(header(gzipped, "content-encoding")).isEqualTo("gzip");
        assertThat(header(gzipped, "vary")).isEqualTo("Accept-Encoding");
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(gzip.readAllBytes()).isEqualTo(Files.readAllBytes(out.resolve(LUMBAR.substring(1) + ".html")));
        }
        HttpResponse<byte[]> plain = get(readme, LUMBAR);
        assertThat(header(plain, "content-encoding")).isNull();
        assertThat(header(plain, "vary")).isEqualTo("Accept-Encoding");
        assertThat(text(plain)).contains("<h1>Should you foam roll your lumbar spine?</h1>");
    }

    @Test
    void fingerprintedAssetsAreCachedForGoodAndPagesRevalidate() throws Exception {
        Document answer = Jsoup.parse(text(get(readme, LUMBAR)));
        for (String asset : List.of(answer.select("link[rel=stylesheet]").attr("href"),
                answer.select("script[src^=/assets/]").attr("src"))) {
            HttpResponse<byte[]> response = get(readme, asset, "Accept-Encoding", "gzip");
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(header(response, "cache-control")).as(asset).isEqualTo(Renderer.ASSET_CACHE);
        }
        for (String page : List.of(LUMBAR, "/answers", "/images/logo.svg")) {
            assertThat(header(get(readme, page), "cache-control")).as(page).isEqualTo(Renderer.PAGE_CACHE);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        Document answer = Jsoup.parse(text(get(readme, LUMBAR)));
        String oldSlug = "/answers/" + site.aliases().keySet().iterator().next();
        List<String> paths = new ArrayList<>(List.of(LUMBAR, "/answers", "/", LUMBAR + ".md", "/images/logo.svg",
                "/robots.txt", "/no-such-page", oldSlug, answer.select("link[rel=stylesheet]").attr("href"),
                answer.select("script[src^=/assets/]").attr("src")));
        for (String path : paths) {
            for (String encoding : new String[] {"gzip", "identity"}) {
                HttpResponse<byte[]> response = get(readme, path, "Accept-Encoding", encoding);
                SecurityHeaders.FIELDS.forEach(field -> assertThat(response.headers().allValues(field.getName()))
                        .as("%s on %s (%s)", field.getName(), path, encoding).containsExactly(field.getValue()));
            }
        }
    }

    @Test
    void anUnknownPathGetsTheSites404PageWithStatus404() throws Exception {
        HttpResponse<byte[]> response = get(readme, "/answers/no-such-answer");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(header(response, "content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(text(response)).contains("<h1>We couldn't find that page</h1>");
    }

    @Test
    void anOldSlugAnswers301WithItsNewAddress() throws Exception {
        var alias = site.aliases().entrySet().iterator().next();
        HttpResponse<byte[]> response = get(readme, "/answers/" + alias.getKey() + "?utm_source=mail");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(header(response, "location"))
                .isEqualTo(readme.uri("/answers/" + alias.getValue() + "?utm_source=mail").toString());
    }

    /**
     * Search and the newsletter go through to serve, which believes only the address this nginx appended:
     * a client that writes a new X-Forwarded-For into every signup is still one client to the limit, and a
     * browser's form passes the origin check through the proxy.
     */
    @Test
    void signupsThroughTheProxyAreLimitedByTheAddressNginxSaw() throws Exception {
        Site small = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        try (Database db = Database.open(dir.resolve("data"), null);
                Newsletter newsletter = Newsletter.builder(db, () -> small).outboxDir(dir.resolve("outbox"))
                        .publicUrl(() -> "https://answers.testroll.example")
                        .console(new PrintStream(OutputStream.nullOutputStream())).signupLimit(2, Duration.ofMinutes(10))
                        .build();
                SearchIndex search = SearchIndex.build(small);
                Server serve = Server.builder(Renderer.render(small)).port(0).trustedProxy(TrustedProxy.xForwardedFor(1))
                        .route("/search", SearchIndex.LANE, search::handler)
                        .route("/api/search", SearchIndex.LANE, search::handler)
                        .route("/newsletter/*", Newsletter.LANE, newsletter::handler).build().start();
                Nginx proxy = Nginx.start(Files.createDirectory(dir.resolve("proxy-nginx")), readmeBlock()
                        .replace(README_ROOT, out.toString()).replace("127.0.0.1:8080", "127.0.0.1:" + serve.port()))) {
            assertThat(text(get(proxy, "/api/search?q=lower+back"))).contains("should-you-roll-your-lower-back");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(http.send(HttpRequest.newBuilder(proxy.uri("/newsletter/subscribe"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "http://127.0.0.1:" + proxy.uri("/").getPort())
                        .header("X-Forwarded-For", "10.9.9." + i)
                        .POST(HttpRequest.BodyPublishers.ofString("email=reader" + i + "%40example.com")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            assertThat(statuses).containsExactly(200, 200, 429);
        }
    }

    /**
     * Hosts that know nothing of Answerline: {@code /x} is the file, {@code x.html} or the folder {@code x/}
     * with its {@code index.html}, looked for in either order; a folder without one is listed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"$uri $uri.html $uri/", "$uri $uri/ $uri.html"})
    void everyAddressWorksOnAPlainHost(String lookups) throws Exception {
        List<String> paths = new ArrayList<>(List.of("/", "/answers", "/authors", "/blog", "/products"));
        Matcher loc = Pattern.compile("<loc>([^<]+)</loc>").matcher(Files.readString(out.resolve("sitemap.xml")));
        String base = site.config().baseUrl();
        while (loc.find()) {
            assertThat(loc.group(1)).startsWith(base);
            paths.add(loc.group(1).substring(base.length()));
        }
        assertThat(paths).hasSizeGreaterThan(40);
        HttpClient following = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Path work = Files.createTempDirectory(dir, "plain-nginx");
        try (Nginx plain = Nginx.start(work, "root " + out + ";\nindex index.html;\nautoindex on;\n"
                + "try_files " + lookups + " =404;\n")) {
            for (String path : paths) {
                HttpResponse<String> response = following.send(HttpRequest.newBuilder(plain.uri(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).doesNotContain("<title>Index of ");
            }
        }
    }
}
