package dev.answerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.render.Renderer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /healthz} and {@code /readyz} on a started server, as a load balancer polls them. */
class HealthTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void liveWhileItAnswersReadyOnlyWhenEveryCheckPassesWithTheReasonsAsJson() throws Exception {
        AtomicReference<String> database = new AtomicReference<>();
        AtomicInteger asked = new AtomicInteger();
        Health health = Health.of(List.of(new Health.Check("database", () -> {
            asked.incrementAndGet();
            return database.get();
        })));
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        try (Server server = Server.builder(Renderer.render(site)).port(0)
                .route(Health.LIVE, Health.LANE, pages -> health).route(Health.READY, Health.LANE, pages -> health)
                .build().start()) {
            HttpResponse<String> live = get(server, "/healthz");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("ok\n");
            assertThat(live.headers().firstValue("cache-control")).hasValue("no-store");

            HttpResponse<String> ready = get(server, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"ready\":true}\n");
            // polled many times a second, the checks run once
            for (int i = 0; i < 20; i++) {
                get(server, "/readyz");
            }
            assertThat(asked.get()).isLessThanOrEqualTo(2);

            database.set("not \"reachable\"");
            Health fresh = Health.of(List.of(new Health.Check("database", database::get),
                    new Health.Check("outbox", () -> {
                        throw new IllegalStateException("boom");
                    })));
            assertThat(fresh.reasons()).containsExactly("database: not \"reachable\"", "outbox: failed: IllegalStateException");
        }
    }

    @Test
    void aFailingCheckIsA503WithItsReasonAndNoStackTrace() throws Exception {
        Health health = Health.of(List.of(new Health.Check("database", () -> "not reachable")));
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        try (Server server = Server.builder(Renderer.render(site)).port(0)
                .route(Health.LIVE, Health.LANE, pages -> health).route(Health.READY, Health.LANE, pages -> health)
                .build().start()) {
            HttpResponse<String> ready = get(server, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(ready.body()).isEqualTo("{\"ready\":false,\"reasons\":[\"database: not reachable\"]}\n");
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(Server server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
