package dev.answerline.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.newsletter.SentIssues;
import dev.answerline.render.Page;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import dev.answerline.server.Server;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An issue is published when it is sent, not before: until it has a row in newsletter_issue it is in no
 * page, archive, feed or sitemap; then all of them, in a served site within seconds. Update the expected
 * web version with {@code mvn test -Dtest=IssuePublicationTest -Dgolden.update=true} and review the diff.
 */
class IssuePublicationTest {
    private static final Path GOLDEN = Path.of("src/test/resources/issues/june-rolling.page.html");
    private static final Instant JUNE_4 = Instant.parse("2026-06-04T05:00:00Z");

    @TempDir
    Path dir;

    private Site site;

    @BeforeEach
    void twoIssuesOneToBeSent() throws IOException {
        Path folder = TestSites.copy("small", dir.resolve("site"));
        Files.writeString(folder.resolve("newsletters/not-yet.md"), "---\nsubject: Not sent yet\n---\nSecret plans.\n");
        site = Site.load(folder, TestSites.TODAY);
        assertThat(site.problems()).isEmpty();
    }

    private static String body(Pages pages, String path) {
        Page page = pages.get(path);
        return page == null ? null : new String(page.body(pages.slot(0)).identity(), StandardCharsets.UTF_8);
    }

    @Test
    void beforeItIsSentAnIssueIsNowhere() {
        Pages pages = Renderer.render(site);
        assertThat(pages.get("/newsletter/june-rolling")).isNull();
        assertThat(pages.get("/newsletter/not-yet")).isNull();
        assertThat(pages.get("/newsletter/")).isNull();
        assertThat(pages.get("/newsletter/feed.xml")).isNull();
        assertThat(pages.get("/newsletter/preview/june-rolling")).isNull();
        assertThat(body(pages, "/sitemap.xml")).doesNotContain("/newsletter");
        assertThat(pages.all()).allMatch(p -> !p.path().startsWith("/newsletter"));
    }

    @Test
    void onceSentItHasItsPageAndIsInTheArchiveTheFeedAndTheSitemap() throws IOException {
        Pages pages = Renderer.render(site, Renderer.Options.SERVE.withSent(Map.of("june-rolling", JUNE_4)));
        String page = body(pages, "/newsletter/june-rolling");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, page);
        }
        assertThat(page).as("%s (update with -Dgolden.update=true)", GOLDEN).isEqualTo(Files.readString(GOLDEN));
        Document web = Jsoup.parse(page);
        assertThat(web.select("h1").text()).isEqualTo("Roll your back the right way");
        assertThat(web.select("main blockquote a").attr("href")).isEqualTo("/answers/should-you-roll-your-lower-back");
        assertThat(web.select("main").text()).contains("No. The lumbar spine has no ribcage")
                .doesNotContain("{{<");

        Document archive = Jsoup.parse(body(pages, "/newsletter/"));
        assertThat(archive.select("main a[href^=/newsletter/]").eachAttr("href"))
                .containsExactly("/newsletter/june-rolling");
        assertThat(body(pages, "/newsletter/feed.xml")).contains("<title>Roll your back the right way</title>",
                "https://answers.testroll.example/newsletter/june-rolling").doesNotContain("Not sent yet");
        assertThat(body(pages, "/sitemap.xml")).contains("https://answers.testroll.example/newsletter/june-rolling",
                "https://answers.testroll.example/newsletter/</loc>").doesNotContain("not-yet");
        // the one that was not sent stays unpublished
        assertThat(pages.get("/newsletter/not-yet")).isNull();
    }

    @Test
    void theArchiveIsNewestFirst() {
        Pages pages = Renderer.render(site, Renderer.Options.SERVE.withSent(Map.of("june-rolling", JUNE_4,
                "not-yet", JUNE_4.plus(Duration.ofDays(7)))));
        assertThat(Jsoup.parse(body(pages, "/newsletter/")).select("main a[href^=/newsletter/]").eachAttr("href"))
                .containsExactly("/newsletter/not-yet", "/newsletter/june-rolling");
    }

    @Test
    void sendingRendersWhatItTouchesAsAWholeRenderDoes() {
        Renderer.Options sent = Renderer.Options.SERVE.withSent(Map.of("june-rolling", JUNE_4));
        Pages updated = Renderer.sent(Renderer.render(site), site, sent);
        Pages whole = Renderer.render(site, sent);
        assertThat(updated.all()).extracting(Page::path).containsExactlyInAnyOrderElementsOf(
                whole.all().stream().map(Page::path).toList());
        for (Page page : whole.all()) {
            assertThat(body(updated, page.path())).as(page.path()).isEqualTo(body(whole, page.path()));
        }
    }

    @Test
    void aServedSiteNoticesANewlySentIssueWithinSeconds() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Database db = TestDatabases.open(Database.Kind.SQLITE, dir.resolve("data"));
                Published published = Published.of(site);
                // the signup routes' mount answers none of these paths: they go on to the pages
                Server server = Server.builder(published.pages()).port(0)
                        .route("/newsletter/*", pages -> new Handler.Abstract() {
                            @Override
                            public boolean handle(org.eclipse.jetty.server.Request request,
                                    org.eclipse.jetty.server.Response response,
                                    org.eclipse.jetty.util.Callback callback) {
                                return false;
                            }
                        }).build().start()) {
            published.sent(SentIssues.read(db));
            published.follow(server::update);
            HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/newsletter/june-rolling")).build();
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            // the preview is serve --watch's alone
            assertThat(http.send(HttpRequest.newBuilder(server.uri().resolve("/newsletter/preview/june-rolling"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            try (SentIssues following = SentIssues.follow(db, Map.of(), Duration.ofMillis(100), published::sent)) {
                db.write(c -> {
                    try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO newsletter_issue (slug, subject, queued_at) VALUES (?, ?, ?)")) {
                        insert.setString(1, "june-rolling");
                        insert.setString(2, "Roll your back the right way");
                        insert.setLong(3, JUNE_4.toEpochMilli());
                        return insert.executeUpdate();
                    }
                });
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
                HttpResponse<String> archive = http.send(HttpRequest.newBuilder(server.uri().resolve("/newsletter/"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(archive.statusCode()).isEqualTo(200);
                assertThat(archive.body()).contains("/newsletter/june-rolling").doesNotContain("/newsletter/not-yet");
                assertThat(http.send(HttpRequest.newBuilder(server.uri().resolve("/newsletter/not-yet")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            }
        }
    }
}
