package dev.answerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aayushatharva.brotli4j.decoder.Decoder;
import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real server on a free port, serving the fixture site. */
class ServerTest {
    private static final AtomicLong SUBSCRIBERS = new AtomicLong(0);
    private static Server server;
    private static Pages pages;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        pages = Renderer.render(Site.load(TestSites.fixture("small"), TestSites.TODAY));
        server = Server.builder(pages).port(0).subscribers(SUBSCRIBERS::get).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesAnAnswerPageWithItsHeaders() throws Exception {
        HttpResponse<byte[]> response = get("/answers/should-you-roll-your-lower-back");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("cache-control")).hasValue("public, max-age=0, must-revalidate");
        assertThat(response.headers().firstValue("etag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]{24}\""));
        assertThat(response.headers().firstValue("vary")).hasValue("Accept-Encoding");
        assertThat(response.headers().firstValue("server")).isEmpty();
        assertThat(text(response)).contains("<h1>Should you roll your lower back?</h1>");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/no-such-page", "/images/logo.svg"}) {
            HttpResponse<byte[]> response = get(path);
            assertThat(response.headers().firstValue("content-security-policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("x-content-type-options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("referrer-policy")).as(path)
                    .hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void sendsGzipWhenAcceptedWithItsOwnEtag() throws Exception {
        HttpResponse<byte[]> plain = get("/answers");
        HttpResponse<byte[]> gzip = get("/answers", "Accept-Encoding", "deflate, gzip;q=0.8");
        assertThat(gzip.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(gzip.headers().firstValue("etag")).isNotEqualTo(plain.headers().firstValue("etag"));
        assertThat(get("/answers", "Accept-Encoding", "gzip;q=0").headers().firstValue("content-encoding")).isEmpty();
    }

    @Test
    void sendsBrotliWhenAcceptedWithItsOwnEtag() throws Exception {
        HttpResponse<byte[]> plain = get("/answers");
        HttpResponse<byte[]> gzip = get("/answers", "Accept-Encoding", "gzip");
        HttpResponse<byte[]> brotli = get("/answers", "Accept-Encoding", "gzip, deflate, br, zstd");
        assertThat(brotli.headers().firstValue("content-encoding")).hasValue("br");
        assertThat(brotli.headers().firstValue("vary")).hasValue("Accept-Encoding");
        assertThat(brotli.body().length).isLessThan(gzip.body().length);
        assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(plain.body());
        String tag = brotli.headers().firstValue("etag").orElseThrow();
        assertThat(tag).isNotIn(plain.headers().firstValue("etag").orElseThrow(),
                gzip.headers().firstValue("etag").orElseThrow());
        assertThat(get("/answers", "Accept-Encoding", "br", "If-None-Match", tag).statusCode()).isEqualTo(304);
        assertThat(get("/answers", "Accept-Encoding", "br;q=0, gzip").headers().firstValue("content-encoding"))
                .hasValue("gzip");
    }

    @Test
    void answers304WhenTheEtagMatches() throws Exception {
        String etag = get("/answers").headers().firstValue("etag").orElseThrow();
        HttpResponse<byte[]> again = get("/answers", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("etag")).hasValue(etag);
        String gzipTag = get("/answers", "Accept-Encoding", "gzip").headers().firstValue("etag").orElseThrow();
        assertThat(get("/answers", "Accept-Encoding", "gzip", "If-None-Match", "W/" + gzipTag).statusCode()).isEqualTo(304);
        assertThat(get("/answers", "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsGetTheStyled404Page() throws Exception {
        HttpResponse<byte[]> response = get("/answers/no-such-question");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(text(response)).contains("We couldn't find that page", "href=\"/answers\"", "noindex");
    }

    @Test
    void oldSlugsRedirectPermanently() throws Exception {
        HttpResponse<byte[]> response = get("/answers/roll-lower-back?utm_source=x");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/answers/should-you-roll-your-lower-back?utm_source=x"));
    }

    @Test
    void aTrailingSlashRedirectsToThePage() throws Exception {
        HttpResponse<byte[]> response = get("/answers/");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/answers"));
        assertThat(get("/nothing/").statusCode()).isEqualTo(404);
    }

    @Test
    void protocolRelativePathsNeverRedirectOffSite() throws Exception {
        for (String path : new String[] {"//evil.example/", "//evil.example/answers/"}) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response).as(path).matches("(?s)HTTP/1.1 (400|404) .*").doesNotContainIgnoringCase("location:");
        }
    }

    /** Sends bytes as they are, for requests HttpClient would normalise. */
    private static String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void headHasTheHeadersButNoBody() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(server.uri().resolve("/answers"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(get("/answers").body().length);
    }

    @Test
    void otherMethodsAreNotAllowedAndSaySo() throws Exception {
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "TRACE"}) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(server.uri().resolve("/answers"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("allow")).as(method).hasValue("GET, HEAD, OPTIONS");
            assertThat(text(response)).as(method).contains("Method Not Allowed").doesNotContain("find that page");
        }
    }

    @Test
    void optionsSaysWhatAPageAllows() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(server.uri().resolve("/answers"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aNotModifiedAnswerHasNoContentLength() throws Exception {
        String etag = get("/answers").headers().firstValue("etag").orElseThrow();
        String response = raw("GET /answers HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: " + etag
                + "\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 304 ").doesNotContainIgnoringCase("content-length");
    }

    @Test
    void tooLargeRequestsAreRefusedWithoutAStackTrace() throws Exception {
        HttpResponse<byte[]> body = http.send(HttpRequest.newBuilder(server.uri().resolve("/answers"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024])).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(body.statusCode()).isIn(405, 413);
        HttpResponse<byte[]> header = get("/answers", "X-Big", "x".repeat(20_000));
        assertThat(header.statusCode()).isEqualTo(431);
        assertThat(text(header)).doesNotContain("at org.eclipse", "Exception");
    }

    @Test
    void staticFilesAndTheStylesheetAreServed() throws Exception {
        HttpResponse<byte[]> svg = get("/images/logo.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("content-type")).hasValue("image/svg+xml");
        String html = text(get("/"));
        String css = html.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\".*", "$1");
        HttpResponse<byte[]> stylesheet = get(css);
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void theSocialProofFollowsTheLiveCount() throws Exception {
        SUBSCRIBERS.set(10);
        assertThat(text(get("/answers/can-you-roll-every-day"))).doesNotContain("newsletter-proof");
        SUBSCRIBERS.set(10_432);
        String html = text(get("/answers/can-you-roll-every-day"));
        assertThat(html).contains("Join <strong>10,000+</strong> readers.");
        SUBSCRIBERS.set(0);
    }

    @Test
    void aSwappedSetOfPagesIsServedAtOnce() throws Exception {
        Pages before = pages;
        try {
            Site later = Site.load(TestSites.fixture("small"), java.time.LocalDate.of(2026, 7, 2));
            server.update(Renderer.render(later));
            assertThat(get("/answers/a-future-answer").statusCode()).isEqualTo(200);
        } finally {
            server.update(before);
        }
        assertThat(get("/answers/a-future-answer").statusCode()).isEqualTo(404);
    }

    @Test
    void aTakenPortIsExplained() {
        assertThatThrownBy(() -> Server.builder(pages).port(server.port()).build().start())
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port())
                .hasMessageEndingWith("stop the program using that port, or pass another one with --port");
    }

    @Test
    void theUriIsWhatABrowserOpens() {
        assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
    }
}
