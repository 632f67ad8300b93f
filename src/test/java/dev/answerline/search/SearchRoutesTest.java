package dev.answerline.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import dev.answerline.server.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /search and /api/search on a started server with the demo site. */
class SearchRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SearchIndex index;
    private static Server server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Site site = Site.load(TestSites.demo());
        index = SearchIndex.build(site);
        Pages pages = Renderer.render(site, Renderer.Options.serve(index.similar()));
        server = Server.builder(pages).port(0).route("/search", index::handler).route("/api/search", index::handler)
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        index.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiAnswersJsonWithResultsAnswersFirst() throws Exception {
        HttpResponse<String> response = get("/api/search?q=lumbar+spine&limit=4");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("x-robots-tag")).hasValue("noindex");
        assertThat(response.headers().firstValue("content-security-policy")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("query").asText()).isEqualTo("lumbar spine");
        JsonNode results = body.get("results");
        assertThat(results.size()).isEqualTo(4);
        JsonNode first = results.get(0);
        assertThat(first.get("type").asText()).isEqualTo("answer");
        assertThat(first.get("title").asText()).isEqualTo("Should you foam roll your lumbar spine?");
        assertThat(first.get("url").asText()).isEqualTo("/answers/should-you-foam-roll-your-lumbar-spine");
        assertThat(first.get("label").asText()).isEqualTo("Back Relief");
        assertThat(first.get("snippet").asText()).contains("<mark>lumbar</mark>");
        assertThat(body.get("closest").isArray()).isTrue();
    }

    @Test
    void aTenThousandCharacterQueryIsAnsweredWithJson() throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + "lumbar+".repeat(1_428) + "x");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("notice").asText()).contains("shortened");
        assertThat(body.get("results").size()).isPositive();
    }

    @Test
    void anAddressTooLongToReadIsRefusedShortly() throws Exception {
        // past 16 KB Jetty stops reading before the path: nothing tells an API request from a page's
        HttpResponse<String> response = get("/api/search?q=" + "x".repeat(40_000));
        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.body()).hasSizeLessThan(1_000).doesNotContain("Exception", "\tat ");
    }

    @Test
    void postsAndProductsFollowTheAnswersWhenThereIsRoom() throws Exception {
        JsonNode results = JSON.readTree(get("/api/search?q=lumbar+spine&limit=50").body()).get("results");
        boolean others = false;
        for (JsonNode result : results) {
            if (!result.get("type").asText().equals("answer")) {
                others = true;
            } else {
                assertThat(others).as("an answer after a post or product").isFalse();
            }
        }
        assertThat(others).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/search", "/api/search?q=", "/api/search?q=%20%20", "/api/search?limit=3"})
    void aMissingQueryIsA400WithAJsonError(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("q", "/api/search?q=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "51", "abc", "-1", "9999999999"})
    void aLimitOutOfRangeIsA400(String limit) throws Exception {
        HttpResponse<String> response = get("/api/search?q=roll&limit=" + limit);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("1 to 50");
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/search?q=roll"))
                .POST(HttpRequest.BodyPublishers.ofString("q=roll")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD");
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(server.uri().resolve("/search?q=roll"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theResultsPageWorksWithoutJavaScript() throws Exception {
        HttpResponse<String> response = get("/search?q=hamstrngs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        String html = response.body();
        assertThat(html).contains("<meta name=\"robots\" content=\"noindex\">",
                "<a href=\"/answers/how-do-you-foam-roll-your-hamstrings\">How do you foam roll your hamstrings?</a>",
                "<p class=\"result-label\">Legs &amp; Hips</p>", "<mark>", "value=\"hamstrngs\"",
                "<form class=\"site-search\" role=\"search\" aria-label=\"Site\" action=\"/search\" method=\"get\" data-");
    }

    /** An agent finds one search tool on every page: on the search page it is the page's own form. */
    @Test
    void theSearchPageOffersAgentsItsOwnFormAsTheSearchTool() throws Exception {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(get("/search?q=lumbar").body());
        assertThat(page.select("form[toolname]")).extracting(f -> f.className() + " " + f.attr("toolname"))
                .containsExactly("search-page-form search_answers");
        assertThat(page.select("form[toolname=search_answers]").attr("tooldescription")).startsWith("Searches this site");
        assertThat(page.select("form[toolname=search_answers] input[name=q]").attr("toolparamdescription"))
                .startsWith("The question or the words to search for");
        org.jsoup.nodes.Document answer = org.jsoup.Jsoup.parse(get("/answers/should-you-foam-roll-your-lumbar-spine")
                .body());
        assertThat(answer.select("form[toolname]")).extracting(f -> f.className() + " " + f.attr("toolname"))
                .containsExactly("site-search search_answers", "newsletter-form subscribe_newsletter");
    }

    @Test
    void aQueryWithMarkupIsShownEscaped() throws Exception {
        String html = get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+lumbar").body();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        String json = get("/api/search?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E+lumbar").body();
        for (JsonNode result : JSON.readTree(json).get("results")) {
            assertThat(result.get("snippet").asText().replace("<mark>", "").replace("</mark>", ""))
                    .doesNotContain("<");
        }
    }

    @Test
    void noResultsSuggestsTheClosestQuestionsAndTheTopics() throws Exception {
        String html = get("/search?q=xqlumbarx").body();
        assertThat(html).contains("No answers match “xqlumbarx”", "Closest questions",
                "<a href=\"/answers/should-you-foam-roll-your-lumbar-spine\">", "Questions by topic",
                "<a href=\"/answers/category/back-relief\">Back Relief</a>", "<a href=\"/answers\">All Questions</a>");
    }

    @Test
    void anUndecodableQueryGivesAPageNotAnError() throws Exception {
        // java.net.URI refuses to send this; a browser or a bot may
        try (java.net.Socket socket = new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.getOutputStream().write(("GET /search?q=%zz%E0 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").contains("<h1 id=\"search-page-title\">Search the answers</h1>",
                    "The search could not be read");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/search", "/search?q=", "/search?q=%22unbalanced", "/search?q=((((",
        "/search?q=a%3Ab%5E2~", "/search?q=" + "x"})
    void oddInputGivesAPageNotAnError(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<h1 id=\"search-page-title\">Search the answers</h1>");
    }

    @Test
    void aVeryLongQueryIsShortenedAndSaysSo() throws Exception {
        String html = get("/search?q=" + "lumbar+".repeat(20) + "x".repeat(300)).body();
        assertThat(html).contains("Your search was shortened to its first 200 characters.");
        assertThat(get("/search?q=" + "lumbar+".repeat(30)).body())
                .contains("Your search was shortened to its first 24 words.");
        assertThat(get("/api/search?q=" + "lumbar+".repeat(300)).statusCode()).isEqualTo(200);
    }
}
