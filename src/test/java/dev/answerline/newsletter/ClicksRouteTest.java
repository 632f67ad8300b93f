package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.MutableClock;
import dev.answerline.TestSites;
import dev.answerline.content.Address;
import dev.answerline.content.Site;
import dev.answerline.render.Renderer;
import dev.answerline.server.Server;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** /r/{signed id} over HTTP: redirects where the issue linked, counts people, not bots, and refuses the rest. */
class ClicksRouteTest {
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0 Safari/537.36";
    private static final String TARGET = "https://answers.testroll.example/answers/how-long-should-you-roll"
            + "?utm_source=newsletter&utm_medium=email&utm_campaign=june-rolling";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(Server server, String path, String userAgent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aClickRedirectsAndIsCountedOncePerPerson(Database.Kind kind) throws Exception {
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        MutableClock clock = new MutableClock();
        try (Database db = TestDatabases.open(kind, dir)) {
            ClickLinks links = ClickLinks.load(db, site.config().baseUrl());
            Clicks clicks = new Clicks(db, links, clock);
            try (Server server = Server.builder(Renderer.render(site)).port(0)
                    .route(Address.Kind.REDIRECT.spec(), Clicks.LANE, pages -> clicks.handler()).build().start()) {
                String link = links.link("june-rolling", TARGET);
                String path = URI.create(link).getPath();

                HttpResponse<String> click = get(server, path, BROWSER);
                assertThat(click.statusCode()).isEqualTo(302);
                assertThat(click.headers().firstValue("location")).hasValue(TARGET);
                assertThat(click.headers().firstValue("cache-control")).hasValue("no-store");
                get(server, path, BROWSER);
                // link checkers of mail servers and crawlers are sent on, uncounted
                assertThat(get(server, path, "Googlebot/2.1 (+http://www.google.com/bot.html)").statusCode())
                        .isEqualTo(302);
                assertThat(get(server, path, null).statusCode()).isEqualTo(302);

                LocalDate today = LocalDate.now(clock);
                assertThat(clicks.links("june-rolling", today, today))
                        .containsExactly(new Clicks.Link("june-rolling", TARGET, 2));

                // tampered, made up, or pointing elsewhere: not found, and nothing counted
                String id = path.substring("/r/".length());
                assertThat(get(server, "/r/" + id.substring(0, id.length() - 2) + "AA", BROWSER).statusCode())
                        .isEqualTo(404);
                assertThat(get(server, "/r/" + id.substring(0, id.indexOf('.')), BROWSER).statusCode()).isEqualTo(404);
                String other = URI.create(ClickLinks.of(new byte[32], "https://x.example")
                        .link("june-rolling", "https://evil.example/")).getPath();
                assertThat(get(server, other, BROWSER).statusCode()).isEqualTo(404);
                assertThat(get(server, "/r/", BROWSER).statusCode()).isEqualTo(404);
                assertThat(clicks.links("june-rolling", today, today))
                        .containsExactly(new Clicks.Link("june-rolling", TARGET, 2));
            }
        }
    }
}
