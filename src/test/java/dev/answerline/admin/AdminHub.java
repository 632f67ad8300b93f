package dev.answerline.admin;

import dev.answerline.MutableClock;
import dev.answerline.TestSites;
import dev.answerline.content.Address;
import dev.answerline.content.Site;
import dev.answerline.insights.Insights;
import dev.answerline.render.Renderer;
import dev.answerline.search.SearchIndex;
import dev.answerline.server.Server;
import dev.answerline.server.TrustedProxy;
import dev.answerline.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The small fixture site served as {@code serve} serves it with insights on: pages counted, search, events
 * and the dashboard under {@code /admin/}, on a real database, with a clock the test moves. Requests carry
 * a browser's User-Agent; redirects are not followed, cookies are sent only when a test gives one.
 */
public final class AdminHub implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    public static final String PAGE = "/answers/should-you-roll-your-lower-back";
    public static final String OTHER_PAGE = "/answers/how-long-should-you-roll";
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    static final String OTHER_BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:133.0) Gecko/20100101"
            + " Firefox/133.0";

    /** The site served, whose folder the dashboard's commands name. */
    public static final java.nio.file.Path SITE = TestSites.fixture("small").toAbsolutePath().normalize();

    public final MutableClock clock = new MutableClock();
    public final Insights insights;
    final Dashboard dashboard;
    final Server server;
    private final SearchIndex index;
    private final HttpClient http = HttpClient.newHttpClient();

    public AdminHub(Database db) {
        this(db, b -> b.password(PASSWORD));
    }

    /** With the dashboard configured by {@code settings} (its clock is the hub's). */
    public AdminHub(Database db, Consumer<Dashboard.Builder> settings) {
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        index = SearchIndex.build(site);
        insights = Insights.builder(db, () -> site).clock(clock).build().start();
        Dashboard.Builder builder = Dashboard.builder(db, insights).clock(clock).siteDir(SITE);
        settings.accept(builder);
        dashboard = builder.build();
        server = Server.builder(Renderer.render(site, Renderer.Options.serve(index.similar()))).port(0)
                .views(insights).route("/api/event", Insights.LANE, insights::handler)
                .route("/search", SearchIndex.LANE, pages -> index.handler(pages, insights))
                .route(Address.Kind.ADMIN.spec(), Dashboard.LANE, dashboard::handler).build().start();
    }

    /** A GET from a browser; {@code headers} in name, value pairs. */
    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    /** A form POST from a browser. */
    public HttpResponse<String> post(String path, List<String> form, String... headers) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.size(); i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(form.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(form.get(i + 1), StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), headers);
    }

    /** Logs in with the password as a browser on this origin would; returns the Cookie header to send. */
    public String login() {
        HttpResponse<String> response = post("/admin/login", List.of("password", PASSWORD), "Origin", origin());
        if (response.statusCode() != 303) {
            throw new AssertionError("login answered " + response.statusCode() + ": " + response.body());
        }
        return cookieOf(response);
    }

    /** The {@code name=value} of the session cookie a response set. */
    static String cookieOf(HttpResponse<String> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** This server's origin, as a browser's Origin header writes it. */
    public String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    public URI uri(String path) {
        return server.uri().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        boolean agent = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            agent |= headers[i].equalsIgnoreCase("User-Agent");
        }
        if (!agent) {
            request.header("User-Agent", BROWSER);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Today's traffic, made as readers make it: three views of {@link #PAGE} by two browsers (one from
     * Google, one from a newsletter link), one of {@link #OTHER_PAGE}, a GPTBot read, a shop click, two
     * signups and one confirmation on {@link #PAGE}, and searches: one finding nothing, one nobody opened.
     */
    public void seed() {
        get(PAGE, "Referer", "https://www.google.com/");
        get(PAGE + "?utm_source=newsletter");
        get(PAGE, "User-Agent", OTHER_BROWSER);
        get(OTHER_PAGE);
        get(PAGE, "User-Agent", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2;"
                + " +https://openai.com/gptbot)");
        insights.ctaClicked(PAGE, "shop");
        insights.signedUp(PAGE);
        insights.signedUp(PAGE);
        insights.confirmed(PAGE);
        get("/search?q=Quokka+Massage");
        get("/search?q=roll");
        insights.flush();
    }

    @Override
    public void close() {
        server.close();
        insights.close();
        index.close();
    }
}
