package dev.answerline.newsletter.internal;

import dev.answerline.newsletter.Backlog;
import dev.answerline.newsletter.Subscriber;
import dev.answerline.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The deliveries of newsletter issues (tables {@code newsletter_issue} and {@code delivery} of V4): one row
 * per issue and subscriber, so that nobody is queued twice. Senders claim rows the way {@link Outbox} claims
 * messages: in one transaction, with {@code claimed_until}, and on PostgreSQL with {@code FOR UPDATE SKIP
 * LOCKED} so that several senders take different rows; SQLite has one writer at a time (its transactions
 * begin IMMEDIATE). Thread-safe.
 */
public final class Deliveries {
    /**
     * A sender that claimed deliveries and vanished gives them back after this long. Claims are only as big
     * as the send rate allows at once, so a live sender finishes well within it.
     */
    public static final Duration CLAIM = Duration.ofMinutes(2);
    /** The waits after a temporary (4xx) refusal: the fifth refusal fails the delivery for good. */
    public static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));

    static final String QUEUED = "queued";
    static final String SENT = "sent";
    static final String BOUNCED = "bounced";
    static final String FAILED = "failed";
    static final String SKIPPED = "skipped";
    private static final String CONFIRMED = Subscriber.Status.CONFIRMED.code();

    private final Database db;

    /**
     * A delivery in a sender's hands, with the token of the unsubscribe link its message carries, until
     * {@code claimedUntil} (epoch ms): after that another sender may take it.
     */
    public record Claimed(String email, int attempts, String unsubscribeToken, long claimedUntil) {}

    /** Where an issue's deliveries stand. */
    public record Counts(long queued, long sent, long bounced, long failed, long skipped) {}

    public Deliveries(Database db) {
        this.db = db;
    }

    /**
     * Queues the issue for every confirmed subscriber not yet queued for it; a second run (a resumed send, a
     * second node) adds only subscribers confirmed since. Returns how many were added.
     */
    public int queue(String slug, String subject, long now) {
        return db.write(c -> {
            Subscribers.update(c, "INSERT INTO newsletter_issue (slug, subject, queued_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (slug) DO NOTHING", slug, subject, now);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (issue, email, status,"
                    + " attempts, next_attempt_at) SELECT ?, email, ?, 0, ? FROM subscriber WHERE status = ?"
                    + " ON CONFLICT (issue, email) DO NOTHING")) {
                insert.setString(1, slug);
                insert.setString(2, QUEUED);
                insert.setLong(3, now);
                insert.setString(4, CONFIRMED);
                int added = insert.executeUpdate();
                // a resumed send may queue people again whose issue had finished: it is not finished then
                if (added > 0) {
                    Subscribers.update(c, "UPDATE newsletter_issue SET finished_at = NULL WHERE slug = ?", slug);
                }
                return added;
            }
        });
    }

    /**
     * Claims up to {@code limit} due deliveries for this sender. The subscriber's status is read in the same
     * transaction: a delivery to someone who unsubscribed or bounced since it was queued is marked skipped
     * instead. Each claimed delivery gets a new unsubscribe token, committed before its message is sent, so
     * that the link in it works from the first second.
     */
    public List<Claimed> claim(String slug, long now, int limit) {
        return db.write(c -> {
            List<String[]> due = new ArrayList<>();
            String lock = db.kind() == Database.Kind.POSTGRESQL ? " FOR UPDATE OF d SKIP LOCKED" : "";
            try (PreparedStatement select = c.prepareStatement("SELECT d.email, d.attempts, s.status FROM delivery d"
                    + " JOIN subscriber s ON s.email = d.email WHERE d.issue = ? AND d.status = ?"
                    + " AND d.next_attempt_at <= ? AND (d.claimed_until IS NULL OR d.claimed_until < ?)"
                    + " ORDER BY d.next_attempt_at, d.email LIMIT ?" + lock)) {
                select.setString(1, slug);
                select.setString(2, QUEUED);
                select.setLong(3, now);
                select.setLong(4, now);
                select.setInt(5, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new String[] {rows.getString(1), String.valueOf(rows.getInt(2)), rows.getString(3)});
                    }
                }
            }
            List<Claimed> claimed = new ArrayList<>();
            for (String[] row : due) {
                if (!CONFIRMED.equals(row[2])) {
                    Subscribers.update(c, "UPDATE delivery SET status = ?, claimed_until = NULL, last_error = ?"
                            + " WHERE issue = ? AND email = ?", SKIPPED, "the subscriber is " + row[2], slug, row[0]);
                    continue;
                }
                long until = now + CLAIM.toMillis();
                Subscribers.update(c, "UPDATE delivery SET claimed_until = ? WHERE issue = ? AND email = ?",
                        until, slug, row[0]);
                Tokens.Token token = Tokens.create();
                Subscribers.update(c, "INSERT INTO token (hash, email, purpose, created_at) VALUES (?, ?, ?, ?)",
                        token.hash(), row[0], "unsubscribe", now);
                claimed.add(new Claimed(row[0], Integer.parseInt(row[1]), token.value(), until));
            }
            return claimed;
        });
    }

    /** The server accepted the message. */
    public void sent(String slug, Claimed delivery, long now) {
        db.write(c -> {
            Subscribers.update(c, "UPDATE delivery SET status = ?, sent_at = ?, claimed_until = NULL, attempts = ?,"
                    + " last_error = NULL WHERE issue = ? AND email = ?", SENT, now, delivery.attempts() + 1, slug,
                    delivery.email());
            return null;
        });
    }

    /**
     * A temporary refusal (4xx, or no connection): tried again after the next wait of {@link #RETRIES}, or
     * failed for good after the last. True when it failed for good.
     */
    public boolean deferred(String slug, Claimed delivery, long now, String error) {
        int attempts = delivery.attempts() + 1;
        boolean giveUp = attempts > RETRIES.size();
        long next = giveUp ? now : now + RETRIES.get(attempts - 1).toMillis();
        db.write(c -> {
            Subscribers.update(c, "UPDATE delivery SET status = ?, attempts = ?, next_attempt_at = ?,"
                    + " claimed_until = NULL, last_error = ? WHERE issue = ? AND email = ?", giveUp ? FAILED : QUEUED,
                    attempts, next, shorten(error), slug, delivery.email());
            return null;
        });
        return giveUp;
    }

    /**
     * A permanent refusal of the address (5xx): the delivery is bounced, and so is the subscriber, who gets
     * no mail of any kind from now on. An unsubscribed subscriber stays unsubscribed.
     */
    public void bounced(String slug, Claimed delivery, long now, String error) {
        db.write(c -> {
            Subscribers.update(c, "UPDATE delivery SET status = ?, attempts = ?, claimed_until = NULL, last_error = ?"
                    + " WHERE issue = ? AND email = ?", BOUNCED, delivery.attempts() + 1, shorten(error), slug,
                    delivery.email());
            Subscribers.update(c, "UPDATE subscriber SET status = ?, bounced_at = ?, updated_at = ? WHERE email = ?"
                    + " AND status <> ?", Subscriber.Status.BOUNCED.code(), now, now, delivery.email(),
                    Subscriber.Status.UNSUBSCRIBED.code());
            return null;
        });
    }

    /** A permanent refusal of the message, not of the address (e.g. 554 after DATA): not tried again. */
    public void failed(String slug, Claimed delivery, String error) {
        db.write(c -> {
            Subscribers.update(c, "UPDATE delivery SET status = ?, attempts = ?, claimed_until = NULL, last_error = ?"
                    + " WHERE issue = ? AND email = ?", FAILED, delivery.attempts() + 1, shorten(error), slug,
                    delivery.email());
            return null;
        });
    }

    /**
     * Gives claimed deliveries back at once, e.g. when the sender stops on a bad SMTP login. Only claims
     * still this sender's: one that expired may be another sender's now, and must stay theirs.
     */
    public void release(String slug, List<Claimed> deliveries) {
        db.write(c -> {
            for (Claimed delivery : deliveries) {
                Subscribers.update(c, "UPDATE delivery SET claimed_until = NULL WHERE issue = ? AND email = ?"
                        + " AND status = ? AND claimed_until = ?", slug, delivery.email(), QUEUED, delivery.claimedUntil());
            }
            return null;
        });
    }

    /** The issues being sent (queued, not finished), with their deliveries sent and still queued. */
    public List<Backlog.Sending> unfinished() {
        return db.read(c -> {
            List<Backlog.Sending> issues = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT d.issue,"
                    + " SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END), SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END)"
                    + " FROM delivery d JOIN newsletter_issue i ON i.slug = d.issue WHERE i.finished_at IS NULL"
                    + " GROUP BY d.issue ORDER BY d.issue")) {
                select.setString(1, SENT);
                select.setString(2, QUEUED);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        issues.add(new Backlog.Sending(rows.getString(1), rows.getLong(2), rows.getLong(3)));
                    }
                }
            }
            return issues;
        });
    }

    public Counts counts(String slug) {
        return db.read(c -> {
            long[] n = new long[5];
            List<String> order = List.of(QUEUED, SENT, BOUNCED, FAILED, SKIPPED);
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT status, COUNT(*) FROM delivery WHERE issue = ? GROUP BY status")) {
                select.setString(1, slug);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int i = order.indexOf(rows.getString(1));
                        if (i >= 0) {
                            n[i] = rows.getLong(2);
                        }
                    }
                }
            }
            return new Counts(n[0], n[1], n[2], n[3], n[4]);
        });
    }

    /**
     * What is queued but cannot be claimed now: the earliest retry time of those no one holds (-1 when none),
     * and how many other senders hold.
     */
    public record Waiting(long nextRetryAt, long heldElsewhere) {}

    public Waiting waiting(String slug, long now) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT MIN(CASE WHEN claimed_until IS NULL"
                    + " OR claimed_until < ? THEN next_attempt_at END), SUM(CASE WHEN claimed_until >= ? THEN 1"
                    + " ELSE 0 END) FROM delivery WHERE issue = ? AND status = ?")) {
                select.setLong(1, now);
                select.setLong(2, now);
                select.setString(3, slug);
                select.setString(4, QUEUED);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    long next = row.getLong(1);
                    boolean none = row.wasNull();
                    return new Waiting(none ? -1 : next, row.getLong(2));
                }
            }
        });
    }

    /** Notes that nothing is left to try for the issue. */
    public void finish(String slug, long now) {
        db.write(c -> {
            Subscribers.update(c, "UPDATE newsletter_issue SET finished_at = ? WHERE slug = ? AND finished_at IS NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM delivery WHERE issue = ? AND status = ?)", now, slug, slug, QUEUED);
            return null;
        });
    }

    private static String shorten(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
