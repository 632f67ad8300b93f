package dev.answerline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.newsletter.Clicks;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The overview's Newsletter section: confirmed signups, each sent issue's deliveries, its clicks by link. */
class DashboardNewsletterTest {
    private static final String SHOP = "https://shop.testroll.example/rollers";
    private static final String GUIDE = "https://answers.testroll.example/answers/how-long-should-you-roll"
            + "?utm_source=newsletter&utm_medium=email&utm_campaign=june-rolling";

    @TempDir
    Path dir;

    private static void sql(Database db, String statement, Object... values) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(statement)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                return s.executeUpdate();
            }
        });
    }

    private static void delivery(Database db, String email, String status) {
        sql(db, "INSERT INTO subscriber (email, status, source_page, consent_text, signed_up_at, updated_at)"
                + " VALUES (?, 'confirmed', '/', 'yes', 0, 0)", email);
        sql(db, "INSERT INTO delivery (issue, email, status, next_attempt_at) VALUES ('june-rolling', ?, ?, 0)", email,
                status);
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void sentIssuesShowTheirDeliveriesAndClicksByLink(Database.Kind kind) {
        try (Database db = TestDatabases.open(kind, dir); AdminHub hub = new AdminHub(db)) {
            hub.seed();
            long now = hub.clock.millis();
            sql(db, "INSERT INTO newsletter_issue (slug, subject, queued_at) VALUES (?, ?, ?)", "june-rolling",
                    "Roll your back the right way", now);
            delivery(db, "a@example.com", "sent");
            delivery(db, "b@example.com", "sent");
            delivery(db, "c@example.com", "bounced");
            delivery(db, "d@example.com", "failed");
            delivery(db, "e@example.com", "queued");
            Clicks clicks = new Clicks(db, null, hub.clock);
            clicks.count("june-rolling", SHOP);
            clicks.count("june-rolling", SHOP);
            clicks.count("june-rolling", GUIDE);
            // long before the period: not in its figures
            hub.clock.advance(Duration.ofDays(-90));
            clicks.count("june-rolling", GUIDE);
            hub.clock.advance(Duration.ofDays(90));

            String cookie = hub.login();
            HttpResponse<String> response = hub.get("/admin/", "Cookie", cookie);
            assertThat(response.statusCode()).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("#newsletter-confirmed").text()).isEqualTo("1 confirmed signups in this period.");
            assertThat(page.select("#issues tbody tr").eachText()).singleElement().satisfies(row -> assertThat(row)
                    .startsWith("Roll your back the right way 2026-").endsWith(" 5 2 1 1 3"));
            assertThat(page.select("table.issue-links tbody tr").eachText()).containsExactly(SHOP + " 2", GUIDE + " 1");
        }
    }

    @Test
    void beforeAnyIssueIsSentTheSectionSaysSo() {
        try (Database db = Database.open(dir, null); AdminHub hub = new AdminHub(db)) {
            String cookie = hub.login();
            Document page = Jsoup.parse(hub.get("/admin/", "Cookie", cookie).body());
            assertThat(page.select("section[aria-labelledby=newsletter-heading]").text())
                    .contains("0 confirmed signups in this period.", "No issue has been sent yet.");
        }
    }
}
