package dev.answerline.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import dev.answerline.server.Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: one expensive search must not queue the rest. With every thread of the search lane held, a search
 * made a moment ago is still answered, and the same as before; one never made waits for the lane.
 */
class SearchLaneTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRememberedSearchIsAnsweredWhileTheLaneIsBusy() throws Exception {
        Site site = Site.load(TestSites.demo());
        CountDownLatch release = new CountDownLatch(1);
        Semaphore held = new Semaphore(0);
        // the search page tells its log on the lane's thread: a log that waits stands for slow searches
        SearchLog slow = (request, query, found) -> {
            held.release();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (SearchIndex index = SearchIndex.build(site)) {
            Pages pages = Renderer.render(site, Renderer.Options.serve(index.similar()));
            Server server = Server.builder(pages).port(0)
                    .route("/search", SearchIndex.LANE, p -> index.handler(p, slow))
                    .route("/api/search", SearchIndex.LANE, p -> index.handler(p)).build().start();
            try {
                HttpResponse<String> first = get(server, "/api/search?q=lumbar+spine&limit=4").join();
                assertThat(first.statusCode()).isEqualTo(200);

                List<CompletableFuture<HttpResponse<String>>> blocking = new ArrayList<>();
                for (int i = 0; i < SearchIndex.LANE.threads(); i++) {
                    blocking.add(get(server, "/search?q=foam+roll+" + i));
                }
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.availablePermits()
                        == SearchIndex.LANE.threads());

                HttpResponse<String> again = get(server, "/api/search?q=lumbar+spine&limit=4").get(10, TimeUnit.SECONDS);
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(again.body()).isEqualTo(first.body());
                assertThat(again.headers().firstValue("cache-control")).hasValue("no-cache");
                assertThat(again.headers().firstValue("x-robots-tag")).hasValue("noindex");

                CompletableFuture<HttpResponse<String>> unseen = get(server, "/api/search?q=calves&limit=4");
                // a search never made waits for a thread of the lane, which the slow searches hold
                Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                        .until(() -> !unseen.isDone());
                release.countDown();
                assertThat(unseen.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                for (CompletableFuture<HttpResponse<String>> page : blocking) {
                    assertThat(page.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                }
            } finally {
                release.countDown();
                server.close();
            }
        }
    }

    private CompletableFuture<HttpResponse<String>> get(Server server, String pathAndQuery) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(server.uri() + pathAndQuery.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
