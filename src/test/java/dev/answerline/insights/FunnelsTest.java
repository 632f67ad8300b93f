package dev.answerline.insights;

import static dev.answerline.insights.Counted.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's {@code /_answerline/funnel}: an answer's last 30 days, and nothing for anything else. */
class FunnelsTest {
    @TempDir
    Path dir;

    @Test
    void anAnswersFunnelIsItsFiguresOfTheLastThirtyDays() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            hub.get(PAGE);
            hub.get(PAGE, "User-Agent", Counted.OTHER_BROWSER);
            hub.insights.ctaClicked(PAGE, "shop");
            hub.insights.signedUp(PAGE);
            hub.insights.confirmed(PAGE);
            hub.insights.flush();

            HttpResponse<String> funnel = hub.get("/_answerline/funnel?p=" + PAGE);
            assertThat(funnel.statusCode()).isEqualTo(200);
            assertThat(funnel.headers().firstValue("cache-control")).hasValue("no-store");
            assertThat(funnel.body()).isEqualTo("{\"days\":30,\"views\":2,\"visitors\":2,\"ai_reads\":0,"
                    + "\"cta_clicks\":1,\"signups\":1,\"confirmed\":1}");
        }
    }

    @Test
    void otherPagesAndOddQueriesHaveNone() throws Exception {
        try (Database db = Database.open(dir, null); Counted hub = new Counted(db)) {
            for (String query : new String[] {"", "?p=/answers", "?p=/", "?p=/answers/category/back-relief",
                    "?p=https://evil.example/answers/x", "?p=" + "/answers/" + "x".repeat(600), "?p=%E0%80",
                    "?p=/answers/../etc/passwd"}) {
                HttpResponse<String> funnel = hub.get("/_answerline/funnel" + query);
                // a query that is not UTF-8 is a bad request
                assertThat(funnel.statusCode()).as(query).isEqualTo(query.contains("%E0") ? 400 : 404);
                assertThat(funnel.body()).as(query).doesNotContain("\tat ", "Exception");
            }
        }
    }
}
