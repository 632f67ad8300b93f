package dev.answerline.insights;

import dev.answerline.MutableClock;
import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.render.Renderer;
import dev.answerline.search.SearchIndex;
import dev.answerline.server.Server;
import dev.answerline.store.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

/**
 * The small fixture site served on a free port with insights counting into a real database, as serve
 * mounts them: page views, {@code /search} and {@code /api/event}. Requests carry a browser's User-Agent
 * unless a test gives another.
 */
final class Counted implements AutoCloseable {
    static final String PAGE = "/answers/should-you-roll-your-lower-back";
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    static final String OTHER_BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:133.0) Gecko/20100101"
            + " Firefox/133.0";

    final Site site;
    final MutableClock clock = new MutableClock();
    final Insights insights;
    final Server server;
    private final SearchIndex index;
    private final HttpClient http = HttpClient.newHttpClient();

    Counted(Database db) {
        site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        index = SearchIndex.build(site);
        insights = Insights.builder(db, () -> site).clock(clock).build().start();
        server = Server.builder(Renderer.render(site, Renderer.Options.serve(index.similar()))).port(0)
                .views(insights).route("/api/event", Insights.LANE, insights::handler)
                .route("/_answerline/funnel", Insights.LANE, pages -> insights.funnels())
                .route("/search", SearchIndex.LANE, pages -> index.handler(pages, insights)).build().start();
    }

    /** A request from a browser; {@code headers} in name, value pairs replace its User-Agent when they name one. */
    HttpResponse<String> send(String method, String path, String body, String... headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean agent = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            agent |= headers[i].equalsIgnoreCase("User-Agent");
        }
        if (!agent) {
            request.header("User-Agent", BROWSER);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, null, headers);
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    /** Today's report, after the counts of the last requests are written. */
    Report today() {
        insights.flush();
        LocalDate today = LocalDate.now(clock);
        return insights.report(new Period(today, today));
    }

    /** A page's figures today. */
    Figures page(String path) {
        return today().pages().stream().filter(p -> p.path().equals(path)).map(Report.Page::figures).findFirst()
                .orElse(Figures.NONE);
    }

    @Override
    public void close() {
        server.close();
        insights.close();
        index.close();
    }
}
