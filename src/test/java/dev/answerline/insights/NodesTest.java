package dev.answerline.insights;

import static dev.answerline.insights.Counted.OTHER_BROWSER;
import static dev.answerline.insights.Counted.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two serve nodes on one database count as one site: sums add up, a visitor is one on any node. */
class NodesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void twoNodesAddUpAndShareTheirVisitorsAndTheDaysSalt(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir); Counted one = new Counted(db); Counted two = new Counted(db)) {
            one.get(PAGE);
            two.get(PAGE);
            two.get(PAGE, "User-Agent", OTHER_BROWSER);
            one.insights.flush();
            two.insights.flush();
            // the reader of both nodes is one visitor: both hashed them with the same salt
            assertThat(one.page(PAGE)).isEqualTo(new Figures(3, 2, 0, 0, 0, 0));
            assertThat(two.page(PAGE)).isEqualTo(one.page(PAGE));
            assertThat(one.today().totals().visitors()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void saltsAndVisitorHashesAreGoneAfterTwoDays(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir); Counted hub = new Counted(db)) {
            hub.get(PAGE);
            hub.insights.flush();
            assertThat(salts(db)).as("today's and tomorrow's").containsExactly("2026-06-01", "2026-06-02");
            assertThat(count(db, "insight_visitor")).as("the page's and the site's").isEqualTo(2);
            hub.clock.advance(Duration.ofDays(2));
            hub.insights.flush(); // as the flusher does every few seconds: the new day's salt is at hand
            hub.get(PAGE);
            hub.insights.flush();
            assertThat(salts(db)).containsExactly("2026-06-02", "2026-06-03", "2026-06-04");
            assertThat(count(db, "insight_visitor")).as("the hashes of the first day are gone").isEqualTo(2);
            assertThat(hub.insights.report(new Period(java.time.LocalDate.parse("2026-06-01"),
                    java.time.LocalDate.parse("2026-06-03"))).totals().visitors()).as("its count stays").isEqualTo(2);
        }
    }

    private static java.util.List<String> salts(Database db) {
        return db.read(c -> {
            java.util.List<String> days = new java.util.ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT day FROM insight_salt ORDER BY day")) {
                while (rows.next()) {
                    days.add(rows.getString(1));
                }
            }
            return days;
        });
    }

    private static long count(Database db, String table) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
