package dev.answerline.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.export.Export;
import dev.answerline.export.Nginx;
import dev.answerline.insights.Figures;
import dev.answerline.insights.Insights;
import dev.answerline.insights.Period;
import dev.answerline.render.Renderer;
import dev.answerline.render.Similar;
import dev.answerline.server.SecurityHeaders;
import dev.answerline.server.Server;
import dev.answerline.store.Database;
import dev.answerline.watch.Preview;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a real Chromium reports: a click on the call to action by a beacon where script runs and by the link's
 * ping where it does not, the views of a static export on nginx sent to the serve its site names, with the
 * export's own security policy, and the preview's funnel bar.
 */
class InsightsInBrowserTest {
    private static final String PAGE = "/answers/should-you-roll-your-lower-back";
    private static final String SITE_HOST = "answers.testroll.example";
    /** A browser's, not HeadlessChrome's: the counter leaves programs out. */
    private static final String USER_AGENT = "--user-agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    /** The shop and the site's own name lead here, so that nothing leaves the machine. */
    private static final String HOSTS = "--host-resolver-rules=MAP shop.testroll.example 127.0.0.1, MAP "
            + SITE_HOST + " 127.0.0.1";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void withScriptAClickOnTheShopLinkIsOneBeaconAndThePingIsTakenOff() throws Exception {
        Served hub = serve(TestSites.fixture("small"));
        ChromeDriver browser = browser(true);
        browser.get(hub.server.uri().resolve(PAGE).toString());
        WebElement shop = browser.findElement(By.cssSelector(".cta a.button"));
        assertThat(shop.getDomAttribute("ping")).as("the script sends a beacon instead").isNull();
        assertThat(shop.getAttribute("rel")).isEqualTo("sponsored noopener");
        assertThat(shop.getAttribute("href")).startsWith("https://shop.testroll.example/rollers?");
        shop.click();

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.figures(PAGE).ctaClicks() == 1);
        // the page viewed again: its view counts, the click still once
        browser.get(hub.server.uri().resolve(PAGE).toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.figures(PAGE).views() == 2);
        assertThat(hub.figures(PAGE).ctaClicks()).isEqualTo(1);
    }

    @Test
    void withoutScriptTheLinksPingReportsTheClick() throws Exception {
        Served hub = serve(TestSites.fixture("small"));
        ChromeDriver browser = browser(false);
        browser.get(hub.server.uri().resolve(PAGE).toString());
        WebElement shop = browser.findElement(By.cssSelector(".cta a.button"));
        assertThat(shop.getDomAttribute("ping")).isEqualTo("/api/event?e=cta&p=%2Fanswers%2Fshould-you-roll-your-lower-back&cta=shop");
        shop.click();

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.figures(PAGE).ctaClicks() == 1);
        assertThat(hub.insights.page(today(), PAGE).ctas()).extracting(c -> c.name() + "=" + c.count())
                .containsExactly("shop=1");
    }

    @Test
    void aStaticExportOnNginxSendsItsViewsAndClicksToTheServeItNames() throws Exception {
        Served hub = serve(TestSites.fixture("small"));
        String endpoint = "http://127.0.0.1:" + hub.server.uri().getPort();
        Nginx nginx = exportBehindNginx(endpoint);
        URI page = URI.create("http://" + SITE_HOST + ":" + nginx.uri("/").getPort() + PAGE);

        ChromeDriver browser = browser(true);
        browser.get(page.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.figures(PAGE).views() == 1);
        assertThat(hub.figures(PAGE).visitors()).isEqualTo(1);
        browser.findElement(By.cssSelector(".cta a.button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.figures(PAGE).ctaClicks() == 1);
        assertThat(PageChecks.consoleErrors(browser, m -> false)).isEmpty();
    }

    @Test
    void withoutScriptAnExportedPageCountsItsViewByItsImage() throws Exception {
        Served hub = serve(TestSites.fixture("small"));
        Nginx nginx = exportBehindNginx("http://127.0.0.1:" + hub.server.uri().getPort());
        ChromeDriver browser = browser(false);
        browser.get("http://" + SITE_HOST + ":" + nginx.uri("/").getPort() + PAGE);

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.figures(PAGE).views() == 1);
        WebElement shop = browser.findElement(By.cssSelector(".cta a.button"));
        assertThat(shop.getDomAttribute("ping")).startsWith(hub.server.uri().resolve("/api/event").toString());
    }

    @Test
    void thePreviewShowsTheAnswersFunnelOfTheLastThirtyDaysAboveIt() throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Database db = Database.open(dir.resolve("data"), null);
        open.add(db);
        Preview preview = Preview.open(site, false, new PrintWriter(new StringWriter()));
        open.add(preview);
        // written only when the test says, so that the bar's figures are known
        Insights insights = Insights.builder(db, preview::site).flushEvery(Duration.ofHours(1)).build().start();
        open.add(insights);
        Server.Builder builder = Server.builder(preview.pages()).port(0).views(insights)
                .route("/api/event", Insights.LANE, insights::handler)
                .route("/_answerline/funnel", Insights.LANE, pages -> insights.funnels());
        preview.mount(builder, insights);
        Server server = builder.build().start();
        open.add(server);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 4; i++) {
            http.send(HttpRequest.newBuilder(server.uri().resolve(PAGE)).header("User-Agent", USER_AGENT.substring(13))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        insights.ctaClicked(PAGE, "shop");
        insights.signedUp(PAGE);
        insights.flush();

        ChromeDriver browser = browser(true);
        browser.get(server.uri().resolve(PAGE).toString());
        WebElement bar = await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.findElements(By.cssSelector(".preview-funnel")), l -> !l.isEmpty()).get(0);
        assertThat(bar.getText()).isEqualTo("Last 30 days: 4 views · 1 visitors · 0 AI reads → 1 shop clicks (25.0%)"
                + " → 1 signups (25.0%) → 0 confirmed");
        assertThat(PageChecks.accessibility(browser)).isEmpty();
        // pages that are not answers have no bar
        browser.get(server.uri().resolve("/answers").toString());
        assertThat(browser.findElements(By.cssSelector("main h1"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".preview-funnel"))).isEmpty();
    }

    private ChromeDriver browser(boolean javascript) {
        ChromeDriver browser = Browser.open(1280, 900, javascript, USER_AGENT, HOSTS);
        open.add(browser::quit);
        return browser;
    }

    /** The small site exported with {@code insights.endpoint}, behind nginx with the export's own policy. */
    private Nginx exportBehindNginx(String endpoint) throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Files.writeString(site.resolve("site.yaml"), "\ninsights:\n  endpoint: " + endpoint + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        // nginx's worker runs as another user than the test
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = dir.resolve("public");
        Export.write(Site.load(site, TestSites.TODAY), Similar.NONE, out, 0);
        String policy = Files.readAllLines(out.resolve("_headers")).stream().map(String::strip)
                .filter(l -> l.startsWith("Content-Security-Policy: ")).findFirst().orElseThrow()
                .substring("Content-Security-Policy: ".length());
        assertThat(policy).isEqualTo(SecurityHeaders.policy(endpoint));
        // the block docs/insights.md shows, for its example endpoint, with this export's folder and endpoint
        java.util.regex.Matcher block = java.util.regex.Pattern.compile("```nginx\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(Files.readString(Path.of("docs/insights.md")));
        assertThat(block.find()).isTrue();
        String example = "https://answers.example.com";
        assertThat(block.group(1)).contains("\"" + SecurityHeaders.policy(example) + "\"");
        Files.createDirectories(dir.resolve("nginx"));
        Nginx nginx = Nginx.start(dir.resolve("nginx"), "root " + out + ";\n" + block.group(1).replace(example, endpoint));
        open.add(nginx);
        return nginx;
    }

    private Served serve(Path siteDir) {
        Database db = Database.open(dir.resolve("data"), null);
        open.add(db);
        Site site = Site.load(siteDir, TestSites.TODAY);
        Insights insights = Insights.builder(db, () -> site).build().start();
        open.add(insights);
        Server server = Server.builder(Renderer.render(site)).port(0).views(insights)
                .route("/api/event", Insights.LANE, insights::handler).build().start();
        open.add(server);
        return new Served(server, insights);
    }

    private static Period today() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Period(today, today);
    }

    private record Served(Server server, Insights insights) {
        Figures figures(String path) {
            insights.flush();
            return insights.page(today(), path).totals();
        }
    }
}
