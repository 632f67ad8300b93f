package dev.answerline.insights;

import static dev.answerline.insights.Counted.BROWSER;
import static dev.answerline.insights.Counted.OTHER_BROWSER;
import static dev.answerline.insights.Counted.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What serve counts as a view, a visitor and an AI read, on a started server, on SQLite and PostgreSQL. */
class CountingTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void aPageAnsweredToAPersonIsAViewAndTheirFirstOfTheDayAVisitor(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir); Counted hub = new Counted(db)) {
            assertThat(hub.get(PAGE).statusCode()).isEqualTo(200);
            assertThat(hub.get(PAGE).statusCode()).isEqualTo(200);
            assertThat(hub.get(PAGE, "User-Agent", OTHER_BROWSER).statusCode()).isEqualTo(200);
            assertThat(hub.get("/").statusCode()).isEqualTo(200);

            Report report = hub.today();
            assertThat(hub.page(PAGE)).isEqualTo(new Figures(3, 2, 0, 0, 0, 0));
            assertThat(hub.page("/")).isEqualTo(new Figures(1, 1, 0, 0, 0, 0));
            // the site's visitors: the two browsers, whichever pages they saw
            assertThat(report.totals()).isEqualTo(new Figures(4, 2, 0, 0, 0, 0));
            assertThat(report.pages().get(0).title()).isEqualTo("Should you roll your lower back?");

            // a second flush of the same visitors adds views, not visitors: the database knows them
            hub.get(PAGE);
            assertThat(hub.page(PAGE)).isEqualTo(new Figures(4, 2, 0, 0, 0, 0));
        }
    }

    @Test
    void programsPrefetchesHeadRequestsAndOtherFilesAreNotViews() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            hub.get(PAGE, "User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
            hub.get(PAGE, "User-Agent", "curl/8.5.0");
            hub.get(PAGE, "User-Agent", "");
            hub.get(PAGE, "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " HeadlessChrome/131.0.0.0 Safari/537.36");
            hub.get(PAGE, "Sec-Purpose", "prefetch;prerender");
            hub.get(PAGE, "Purpose", "prefetch");
            assertThat(hub.send("HEAD", PAGE, null).statusCode()).isEqualTo(200);
            assertThat(hub.get("/answers/no-such-question").statusCode()).isEqualTo(404);
            assertThat(hub.get("/robots.txt").statusCode()).isEqualTo(200);
            assertThat(hub.get(PAGE + ".md").statusCode()).isEqualTo(200);

            assertThat(hub.today().totals()).isEqualTo(Figures.NONE);
            assertThat(hub.today().pages()).isEmpty();
        }
    }

    @Test
    void aPhoneMadeByCubotIsAPerson() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            hub.get(PAGE, "User-Agent", "Mozilla/5.0 (Linux; Android 10; CUBOT P40) AppleWebKit/537.36 (KHTML, like"
                    + " Gecko) Chrome/120.0.0.0 Mobile Safari/537.36");
            assertThat(hub.page(PAGE).views()).isEqualTo(1);
        }
    }

    @Test
    void aiCrawlersAndAssistantsAreAiReadsOfThePageByName() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            hub.get(PAGE, "User-Agent", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2;"
                    + " +https://openai.com/gptbot)");
            hub.get(PAGE, "User-Agent", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible;"
                    + " ChatGPT-User/1.0; +https://openai.com/bot)");
            hub.get(PAGE, "User-Agent", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible;"
                    + " ClaudeBot/1.0; +claudebot@anthropic.com)");
            hub.get("/", "User-Agent", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible;"
                    + " PerplexityBot/1.0; +https://perplexity.ai/perplexitybot)");

            Report report = hub.today();
            assertThat(hub.page(PAGE)).isEqualTo(new Figures(0, 0, 3, 0, 0, 0));
            assertThat(report.totals().aiReads()).isEqualTo(4);
            assertThat(report.totals().views()).isZero();
            assertThat(report.aiAgents()).extracting(Report.Count::name)
                    .containsExactlyInAnyOrder("OpenAI GPTBot", "ChatGPT", "Anthropic ClaudeBot", "Perplexity");
            assertThat(hub.insights.page(report.period(), PAGE).aiAgents()).hasSize(3);
        }
    }

    @Test
    void aRevalidatedPageIsAViewAndGlobalPrivacyControlKeepsTheReaderOutOfVisitors() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            HttpResponse<String> first = hub.get(PAGE, "Sec-GPC", "1");
            String etag = first.headers().firstValue("etag").orElseThrow();
            assertThat(hub.get(PAGE, "If-None-Match", etag, "DNT", "1").statusCode()).isEqualTo(304);
            assertThat(hub.page(PAGE)).isEqualTo(new Figures(2, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void referrersOfOtherSitesAndUtmSourcesAreKeptButNotTheSitesOwnLinks() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            hub.get(PAGE, "Referer", "https://www.google.com/");
            hub.get(PAGE, "Referer", "https://www.google.com/search?q=roll");
            hub.get(PAGE, "Referer", "https://news.example.org/a/b?c=d");
            hub.get(PAGE, "Referer", hub.uri("/answers").toString());
            hub.get(PAGE, "Referer", "https://answers.testroll.example/");
            hub.get(PAGE + "?utm_source=Newsletter&utm_medium=email");
            hub.get(PAGE + "?utm_source=%E0");

            Report report = hub.today();
            assertThat(report.referrers()).containsExactly(new Report.Count("google.com", 2),
                    new Report.Count("news.example.org", 1));
            assertThat(report.utmSources()).containsExactly(new Report.Count("newsletter", 1));
            assertThat(hub.page(PAGE).views()).isEqualTo(7);
        }
    }

    @Test
    void searchesThatFoundNothingAndResultsNobodyOpenedAreListed() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            hub.get("/search?q=Quokka+Massage");
            hub.get("/search?q=quokka%20%20massage");
            hub.get("/search?q=roll");
            hub.get("/search?q=every+day");
            hub.get("/search?q=roll", "User-Agent", "Mozilla/5.0 (compatible; bingbot/2.0)");
            hub.get("/api/search?q=nothing+like+this");
            Report report = hub.today();
            assertThat(report.searches()).isEqualTo(4);
            assertThat(report.unanswered()).extracting(Report.Query::query, Report.Query::count)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("quokka massage", 2L));
            assertThat(report.unclicked()).extracting(Report.Query::query).containsExactlyInAnyOrder("roll", "every day");

            // a reader opens a result: the page's referrer is the search page
            hub.get(PAGE, "Referer", hub.uri("/search?q=Roll").toString());
            assertThat(hub.today().unclicked()).extracting(Report.Query::query).containsExactly("every day");
        }
    }

    @Test
    void signupsAndConfirmationsCountForThePageOfTheForm() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            hub.insights.signedUp(PAGE);
            hub.insights.signedUp(PAGE);
            hub.insights.confirmed(PAGE);
            hub.get(PAGE);
            Figures figures = hub.page(PAGE);
            assertThat(figures).isEqualTo(new Figures(1, 1, 0, 0, 2, 1));
            assertThat(figures.signupRate()).isEqualTo(2.0);
            assertThat(figures.confirmRate()).isEqualTo(0.5);
        }
    }
}
