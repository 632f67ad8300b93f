package dev.answerline.insights;

import static dev.answerline.insights.Counted.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/event}: clicks on the call to action and the views of a static export, which anyone can send,
 * so that only believable ones count.
 */
class EventsTest {
    private static final String CLICK = "/api/event?e=cta&p=" + PAGE + "&cta=shop";

    @TempDir
    Path dir;

    @Test
    void aPingFromTheSitesPageCountsAClickForThePageAndItsCallToAction() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            HttpResponse<String> ping = hub.send("POST", CLICK, "PING", "Content-Type", "text/ping",
                    "Ping-From", hub.uri(PAGE).toString(), "Ping-To", "https://shop.testroll.example/rollers");
            assertThat(ping.statusCode()).isEqualTo(204);
            assertThat(ping.headers().firstValue("cache-control")).hasValue("no-store");
            // a beacon from a browser without ping: the page's origin, as browsers send it
            hub.send("POST", CLICK, "", "Origin", "https://answers.testroll.example");

            assertThat(hub.page(PAGE).ctaClicks()).isEqualTo(2);
            Report.PageReport page = hub.insights.page(hub.today().period(), PAGE);
            assertThat(page.ctas()).containsExactly(new Report.Count("shop", 2));
            assertThat(hub.page(PAGE).clickRate()).isZero(); // no views: no rate, not infinity
        }
    }

    @Test
    void eventsFromOtherSitesProgramsUnknownPagesAndUnknownCallsToActionDoNotCount() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            hub.send("POST", CLICK, "", "Origin", "https://evil.example");
            hub.send("POST", CLICK, "", "Ping-From", "https://evil.example/page", "Origin", hub.uri("/").toString());
            hub.send("POST", CLICK, "", "Origin", "null");
            hub.send("POST", CLICK, "", "User-Agent", "python-requests/2.32");
            hub.send("POST", "/api/event?e=cta&p=/answers/no-such-question&cta=shop", "");
            hub.send("POST", "/api/event?e=cta&p=" + PAGE + "&cta=nope", "");
            hub.send("POST", "/api/event?e=cta&p=/robots.txt&cta=shop", "");
            hub.send("POST", "/api/event?e=cta&p=https://evil.example/&cta=shop", "");
            hub.send("POST", "/api/event?e=launch&p=" + PAGE, "");
            hub.send("POST", "/api/event", "{\"e\":\"cta\",\"p\":[1,2],\"cta\":{}}");
            hub.send("POST", "/api/event", "[[[[[[[[[[[[[[[[[[[[[[[[");
            hub.send("POST", "/api/event?e=cta&p=%E0%80&cta=shop", "");
            assertThat(hub.today().totals()).isEqualTo(Figures.NONE);
        }
    }

    @Test
    void oneAddressCountsAtMostSixtyEventsAMinute() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            for (int i = 0; i < Events.PER_MINUTE + 20; i++) {
                assertThat(hub.send("POST", CLICK, "").statusCode()).isEqualTo(204);
            }
            assertThat(hub.page(PAGE).ctaClicks()).isEqualTo(Events.PER_MINUTE);
            hub.clock.advance(java.time.Duration.ofMinutes(1));
            hub.send("POST", CLICK, "");
            assertThat(hub.page(PAGE).ctaClicks()).isEqualTo(Events.PER_MINUTE + 1);
        }
    }

    @Test
    void aStaticExportsBeaconAndImageCountViewsWithTheirReferrer() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            HttpResponse<String> beacon = hub.send("POST", "/api/event",
                    "{\"e\":\"view\",\"p\":\"" + PAGE + "?utm_source=mastodon\",\"r\":\"https://www.ecosia.org/\"}",
                    "Content-Type", "text/plain;charset=UTF-8", "Origin", "https://answers.testroll.example");
            assertThat(beacon.statusCode()).isEqualTo(204);
            HttpResponse<String> image = hub.get("/api/event?e=view&p=" + PAGE, "Referer",
                    "https://answers.testroll.example" + PAGE);
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("content-type")).hasValue("image/gif");

            Report report = hub.today();
            assertThat(hub.page(PAGE)).isEqualTo(new Figures(2, 1, 0, 0, 0, 0));
            assertThat(report.referrers()).containsExactly(new Report.Count("ecosia.org", 1));
            assertThat(report.utmSources()).containsExactly(new Report.Count("mastodon", 1));
        }
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            HttpResponse<String> put = hub.send("PUT", CLICK, "x");
            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(put.headers().firstValue("allow")).hasValue("GET, POST");
            assertThat(put.body()).doesNotContain("at dev.answerline", "Exception");
        }
    }
}
