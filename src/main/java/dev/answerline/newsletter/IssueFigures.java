package dev.answerline.newsletter;

import dev.answerline.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of each sent newsletter issue, for the owner's dashboard: its deliveries by status (from
 * {@code delivery}) and the clicks on its links over a period (from {@code issue_click}).
 *
 * @param recipients every delivery of the issue, whatever its status
 * @param clicks the clicks on all its links in the period
 * @param links each link's clicks in the period, most first
 */
public record IssueFigures(String slug, String subject, Instant queuedAt, long recipients, long sent, long bounced,
        long failed, long clicks, List<Clicks.Link> links) {

    /** Every sent issue, newest first, with its clicks from {@code from} to {@code until} (inclusive). */
    public static List<IssueFigures> read(Database db, LocalDate from, LocalDate until) {
        List<IssueFigures> found = new ArrayList<>();
        db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT i.slug, i.subject, i.queued_at,"
                    + " COUNT(d.email),"
                    + " SUM(CASE WHEN d.status = 'sent' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN d.status = 'bounced' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN d.status = 'failed' THEN 1 ELSE 0 END)"
                    + " FROM newsletter_issue i LEFT JOIN delivery d ON d.issue = i.slug"
                    + " GROUP BY i.slug, i.subject, i.queued_at ORDER BY i.queued_at DESC, i.slug");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String slug = rows.getString(1);
                    List<Clicks.Link> links = Clicks.links(db, slug, from, until);
                    found.add(new IssueFigures(slug, rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
                            rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7),
                            links.stream().mapToLong(Clicks.Link::clicks).sum(), links));
                }
            }
            return null;
        });
        return found;
    }
}
