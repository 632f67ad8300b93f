package dev.answerline.admin;

import static dev.answerline.admin.AdminHub.OTHER_PAGE;
import static dev.answerline.admin.AdminHub.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.admin.internal.Csv;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dashboard shows the numbers that readers made, on SQLite and PostgreSQL. */
class DashboardNumbersTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theOverviewShowsTheTotalsTheChartTheAnswersTheSourcesAndTheSearches(Database.Kind kind) {
        try (Database db = TestDatabases.open(kind, dir); AdminHub hub = new AdminHub(db)) {
            hub.seed();
            String cookie = hub.login();
            HttpResponse<String> response = hub.get("/admin/", "Cookie", cookie);
            assertThat(response.statusCode()).isEqualTo(200);
            Document page = Jsoup.parse(response.body());

            assertThat(page.select("#totals div").eachText()).containsExactly("Views 4", "Visitors 2", "AI reads 1",
                    "Shop clicks 1", "Signups 2", "Confirmed 1");
            Element chart = page.selectFirst("svg.chart");
            assertThat(chart.attr("role")).isEqualTo("img");
            assertThat(chart.selectFirst("title").text()).isEqualTo("Daily figures of the whole site");
            assertThat(chart.selectFirst("desc").text()).startsWith("From 2026-05-03 to 2026-06-01: views 4 (most on"
                    + " 2026-06-01: 4); visitors 2");
            assertThat(chart.select("polyline")).hasSize(6);
            // the same numbers in a table behind the chart: 30 days, today's last
            assertThat(page.select("figure details table tbody tr")).hasSize(30);
            assertThat(page.select("figure details table tbody tr").last().text())
                    .isEqualTo("2026-06-01 4 2 1 1 2 1");

            assertThat(rows(page, "#answers")).containsExactly(
                    "Should you roll your lower back? " + PAGE + " 3 2 1 1 2 1 33.3% 66.7%",
                    "How long should you roll each muscle? " + OTHER_PAGE + " 1 1 0 0 0 0 0.0% 0.0%");
            assertThat(page.selectFirst("#answers a").attr("href")).isEqualTo("/admin/page?p="
                    + URLEncoder.encode(PAGE, StandardCharsets.UTF_8) + "&days=30");
            assertThat(rows(page, "#referrers")).containsExactly("google.com 1");
            assertThat(rows(page, "#utm")).containsExactly("newsletter 1");
            assertThat(rows(page, "#agents")).containsExactly("OpenAI GPTBot 1");
            assertThat(page.select("#unanswered tbody tr td").get(0).text()).isEqualTo("quokka massage");
            assertThat(page.select("#unanswered code").text()).isEqualTo("bin/answerline new 'quokka massage' --site '"
                    + AdminHub.SITE + "'");
            assertThat(rows(page, "#unclicked")).containsExactly("roll 1 2026-06-01 10:00 UTC");
            assertThat(page.text()).contains("2 searches in this period");
        }
    }

    @Test
    void theAnswersCanBeRankedByEachFigure() {
        try (Database db = Database.open(dir, null); AdminHub hub = new AdminHub(db)) {
            hub.seed();
            hub.insights.signedUp(OTHER_PAGE);
            hub.insights.signedUp(OTHER_PAGE);
            hub.insights.signedUp(OTHER_PAGE);
            hub.insights.flush();
            String cookie = hub.login();
            Document views = Jsoup.parse(hub.get("/admin/", "Cookie", cookie).body());
            assertThat(views.select("#answers tbody th .path").eachText()).containsExactly(PAGE, OTHER_PAGE);
            String bySignups = views.select(".sorts a").stream().filter(a -> a.text().equals("Signups")).findFirst()
                    .orElseThrow().attr("href");
            assertThat(bySignups).isEqualTo("/admin/?days=30&sort=signups");
            Document signups = Jsoup.parse(hub.get(bySignups, "Cookie", cookie).body());
            assertThat(signups.select("#answers tbody th .path").eachText()).containsExactly(OTHER_PAGE, PAGE);
            assertThat(signups.select(".sorts a[aria-current]").text()).isEqualTo("Signups");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void anAnswersPageShowsItsFunnelChartCallsToActionSourcesAndAgents(Database.Kind kind) {
        try (Database db = TestDatabases.open(kind, dir); AdminHub hub = new AdminHub(db)) {
            hub.seed();
            String cookie = hub.login();
            HttpResponse<String> response = hub.get("/admin/page?p=" + PAGE + "&days=7", "Cookie", cookie);
            assertThat(response.statusCode()).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("h1").text()).isEqualTo("Should you roll your lower back?");
            assertThat(page.select("#funnel div").eachText()).containsExactly("Views 3", "Visitors 2", "AI reads 1",
                    "Shop clicks 1 (33.3% of views)", "Signups 2 (66.7% of views)", "Confirmed 1 (50.0% of signups)");
            assertThat(page.select("figure details table tbody tr")).hasSize(7);
            assertThat(page.selectFirst("svg.chart title").text()).isEqualTo("Daily figures of Should you roll your"
                    + " lower back?");
            assertThat(rows(page, "#ctas")).containsExactly("shop 1");
            assertThat(rows(page, "#referrers")).containsExactly("google.com 1");
            assertThat(rows(page, "#utm")).containsExactly("newsletter 1");
            assertThat(rows(page, "#agents")).containsExactly("OpenAI GPTBot 1");
            assertThat(page.select(".presets a[aria-current]").text()).isEqualTo("Last 7 days");
        }
    }

    @Test
    void aCustomPeriodIsShownAndABadDateIsAFriendlyMessage() {
        try (Database db = Database.open(dir, null); AdminHub hub = new AdminHub(db)) {
            hub.seed();
            String cookie = hub.login();
            Document custom = Jsoup.parse(hub.get("/admin/?from=2026-05-30&until=2026-06-01", "Cookie", cookie).body());
            assertThat(custom.selectFirst("#period-heading").text()).isEqualTo("Period: 2026-05-30 to 2026-06-01 (3 days,"
                    + " UTC)");
            assertThat(custom.select("figure details table tbody tr")).hasSize(3);
            Document before = Jsoup.parse(hub.get("/admin/?from=2026-05-01&until=2026-05-31", "Cookie", cookie).body());
            assertThat(before.select("#totals div").first().text()).isEqualTo("Views 0");

            for (String bad : List.of("from=2026-13-01", "from=yesterday&until=2026-06-01",
                    "from=2026-06-02&until=2026-06-01", "from=2000-01-01", "until=2026-06-01",
                    "from=%3Cscript%3Ealert(1)%3C/script%3E")) {
                HttpResponse<String> response = hub.get("/admin/?" + bad, "Cookie", cookie);
                assertThat(response.statusCode()).as(bad).isEqualTo(400);
                Document page = Jsoup.parse(response.body());
                assertThat(page.selectFirst(".problem[role=alert]")).as(bad).isNotNull();
                assertThat(response.body()).as(bad).doesNotContain("<script>", "Exception");
                // and still the figures of the last 30 days
                assertThat(page.select("#totals div").first().text()).as(bad).isEqualTo("Views 4");
            }
            assertThat(Jsoup.parse(hub.get("/admin/?from=2026-13-01", "Cookie", cookie).body())
                    .selectFirst(".problem").text()).isEqualTo("“2026-13-01” is not a date: write it as YYYY-MM-DD,"
                    + " e.g. 2026-06-01. Showing the last 30 days instead.");
        }
    }

    @Test
    void theCsvExportHasTheAnswersTableAndDefusesFormulas() {
        try (Database db = Database.open(dir, null); AdminHub hub = new AdminHub(db)) {
            hub.seed();
            // a path is whatever was counted for it: one that a spreadsheet would run
            hub.insights.signedUp("=HYPERLINK(\"https://evil.example\",\"x\")");
            hub.insights.flush();
            String cookie = hub.login();
            HttpResponse<String> csv = hub.get("/admin/export.csv?days=7&sort=signups", "Cookie", cookie);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
            assertThat(csv.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"answers-2026-05-26-2026-06-01.csv\"");
            assertThat(csv.body().split("\r\n")).containsExactly(Csv.HEADER,
                    PAGE + ",Should you roll your lower back?,3,2,1,1,2,1,0.3333,0.6667",
                    "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",,0,0,0,0,1,0,0.0000,0.0000",
                    OTHER_PAGE + ",How long should you roll each muscle?,1,1,0,0,0,0,0.0000,0.0000");
        }
    }

    @Test
    void everyCellThatASpreadsheetWouldRunIsText() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(Csv.cell(formula)).as(formula).contains("'" + formula.charAt(0));
        }
        assertThat(Csv.cell("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
        assertThat(Csv.cell("/answers/x")).isEqualTo("/answers/x");
    }

    private static List<String> rows(Document page, String table) {
        return page.select(table + " tbody tr").eachText();
    }
}
