package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.insights.Insights;
import dev.answerline.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code answerline stats}: the figures serve counted, as text and as JSON. */
class StatsCommandTest {
    private static final String PAGE = "/answers/should-you-roll-your-lower-back";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /** A day of counts on 2026-06-01, as serve would have written them. */
    private void counted() {
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        try (Database db = Database.open(dir, null)) {
            Clock june = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
            try (Insights insights = Insights.builder(db, () -> site).clock(june).build()) {
                insights.ctaClicked(PAGE, "shop");
                insights.signedUp(PAGE);
                insights.confirmed(PAGE);
                insights.signedUp("/");
            }
            db.write(c -> {
                try (PreparedStatement views = c.prepareStatement("UPDATE insight_day SET views = 40, visitors = 31"
                        + " WHERE path = ?")) {
                    views.setString(1, PAGE);
                    views.executeUpdate();
                }
                try (PreparedStatement query = c.prepareStatement("INSERT INTO insight_query (day, query, searches,"
                        + " empty, clicks, last_seen) VALUES ('2026-06-01', 'quokka massage', 3, 3, 0, ?)")) {
                    query.setLong(1, Instant.parse("2026-06-01T11:00:00Z").toEpochMilli());
                    query.executeUpdate();
                }
                return null;
            });
        }
    }

    @Test
    void jsonHasEveryAnswersFunnelAndTheSearchesWithoutResults() throws Exception {
        counted();
        assertThat(Main.run("stats", "--data", dir.toString(), "--since", "2026-05-01", "--until", "2026-06-30",
                "--format", "json")).isEqualTo(Main.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("since").asText()).isEqualTo("2026-05-01");
        assertThat(json.path("answers")).hasSize(1);
        JsonNode answer = json.path("answers").get(0);
        assertThat(answer.path("path").asText()).isEqualTo(PAGE);
        assertThat(answer.path("views").asLong()).isEqualTo(40);
        assertThat(answer.path("visitors").asLong()).isEqualTo(31);
        assertThat(answer.path("ai_reads").asLong()).isZero();
        assertThat(answer.path("cta_clicks").asLong()).isEqualTo(1);
        assertThat(answer.path("signups").asLong()).isEqualTo(1);
        assertThat(answer.path("confirmed").asLong()).isEqualTo(1);
        assertThat(json.path("totals").path("signups").asLong()).as("the home page's too").isEqualTo(2);
        JsonNode search = json.path("searches_without_results").get(0);
        assertThat(search.path("query").asText()).isEqualTo("quokka massage");
        assertThat(search.path("count").asLong()).isEqualTo(3);
        assertThat(search.path("last_seen").asText()).isEqualTo("2026-06-01T11:00:00Z");
    }

    @Test
    void textIsATableOfAnswers() {
        counted();
        assertThat(Main.run("stats", "--data", dir.toString(), "--until", "2026-06-01")).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "2026-05-03 to 2026-06-01: 40 views, 0 visitors, 0 AI reads, 1 shop clicks, 2 signups, 1 confirmed",
                "      40       31        0       1       1         1  " + PAGE,
                "     3  quokka massage (last 2026-06-01T11:00:00Z)");
        // outside the period: nothing
        out.reset();
        assertThat(Main.run("stats", "--data", dir.toString(), "--since", "2026-07-01", "--until", "2026-07-02"))
                .isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("2026-07-01 to 2026-07-02: 0 views");
    }

    @Test
    void wrongDaysAndAMissingDatabaseSayWhatToDo() {
        assertThat(Main.run("stats", "--since", "yesterday")).isEqualTo(Main.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--since yesterday is not a day — write it as"
                + " YYYY-MM-DD, e.g. 2026-11-01");
        assertThat(Main.run("stats", "--since", "2026-06-02", "--until", "2026-06-01")).isEqualTo(Main.USAGE);
        assertThat(Main.run("stats", "--data", dir.resolve("none").toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no database in")
                .doesNotContain("Exception");
    }
}
