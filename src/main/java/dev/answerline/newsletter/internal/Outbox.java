package dev.answerline.newsletter.internal;

import dev.answerline.store.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The durable queue of emails to send. A message is written in the transaction that decides to send it,
 * claimed by one sender at a time (several app nodes may share a PostgreSQL outbox), and cleared once
 * sent, since it holds a link token. Thread-safe.
 */
public final class Outbox {
    /** Attempts before a message is given up and left for the operator. */
    public static final int MAX_ATTEMPTS = 12;
    /**
     * A sender that claimed a message and vanished gives it back after this long; a sender that is still
     * at work renews its claim on the rest of its batch when half of this has passed ({@link #extend}), so
     * a slow mail server does not make another node send the same message.
     */
    public static final Duration CLAIM = Duration.ofSeconds(40);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final Database db;

    /** A message to send now. */
    public record Message(String id, String recipient, String kind, byte[] mime, int attempts) {}

    public Outbox(Database db) {
        this.db = db;
    }

    /** Adds a message inside the caller's transaction. */
    public void enqueue(Connection c, String recipient, String kind, byte[] mime, long now) throws SQLException {
        Subscribers.update(c, "INSERT INTO outbox (id, recipient, kind, message, created_at, next_attempt_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), recipient, kind,
                new String(mime, StandardCharsets.UTF_8), now, now);
    }

    /** Claims up to {@code limit} messages that are due, for this sender only, in one transaction. */
    public List<Message> claimDue(long now, int limit) {
        return db.write(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM outbox WHERE sent_at IS NULL"
                    + " AND failed_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                    + " ORDER BY next_attempt_at LIMIT ?" + db.forUpdateSkipLocked())) {
                select.setLong(1, now);
                select.setLong(2, now);
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            String in = " WHERE id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
            try (PreparedStatement claim = c.prepareStatement("UPDATE outbox SET claimed_until = ?" + in)) {
                claim.setLong(1, now + CLAIM.toMillis());
                for (int i = 0; i < ids.size(); i++) {
                    claim.setString(i + 2, ids.get(i));
                }
                claim.executeUpdate();
            }
            List<Message> claimed = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, recipient, kind, message, attempts FROM outbox" + in + " ORDER BY next_attempt_at")) {
                for (int i = 0; i < ids.size(); i++) {
                    select.setString(i + 1, ids.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        claimed.add(new Message(row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4).getBytes(StandardCharsets.UTF_8), row.getInt(5)));
                    }
                }
            }
            return claimed;
        });
    }

    /** Marks messages as sent and forgets their text, which holds link tokens. */
    public void sent(List<String> ids, long now) {
        updateEach("UPDATE outbox SET sent_at = ?, message = NULL, claimed_until = NULL, attempts = attempts + 1",
                "", ids, now);
    }

    /** Schedules another attempt with back-off, or gives up after {@link #MAX_ATTEMPTS}; true when given up. */
    public boolean failed(Message message, long now, String error) {
        int attempts = message.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        long next = now + retryDelay(attempts).toMillis();
        String shortError = error.length() > 1000 ? error.substring(0, 1000) : error;
        db.write(c -> {
            Subscribers.update(c, "UPDATE outbox SET attempts = ?, next_attempt_at = ?, claimed_until = NULL,"
                    + " last_error = ?, failed_at = ? WHERE id = ?", attempts, next, shortError,
                    giveUp ? now : null, message.id());
            return null;
        });
        return giveUp;
    }

    /** The wait after {@code attempts} failed attempts: 30 s, 1 min, 2 min, ... doubling up to an hour. */
    public static Duration retryDelay(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    /** Renews this sender's claim on messages it holds and has not sent yet, until {@code now + CLAIM}. */
    public void extend(List<String> ids, long now) {
        updateEach("UPDATE outbox SET claimed_until = ?", " AND sent_at IS NULL", ids, now + CLAIM.toMillis());
    }

    /** Gives claimed messages back at once, for another sender; a stopping sender's unsent ones. */
    public void release(List<String> ids) {
        updateEach("UPDATE outbox SET claimed_until = NULL", " AND sent_at IS NULL", ids);
    }

    /** Runs {@code set} on the messages {@code ids} in one transaction: {@code values} first, then the ids. */
    private void updateEach(String set, String andAlso, List<String> ids, Object... values) {
        if (ids.isEmpty()) {
            return;
        }
        Object[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(values), ids.stream()).toArray();
        db.write(c -> {
            Subscribers.update(c, set + " WHERE id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(),
                    "?")) + ")" + andAlso, all);
            return null;
        });
    }

    /**
     * How long the longest-waiting message has been due without any sender holding it, zero when none is:
     * a few seconds normally, minutes only when no sender runs. A message waiting for its retry after a
     * failed attempt is not due, so a mail server that refuses does not count here.
     */
    public Duration dueFor(long now) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT MIN(next_attempt_at) FROM outbox"
                    + " WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?"
                    + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
                select.setLong(1, now);
                select.setLong(2, now);
                try (ResultSet row = select.executeQuery()) {
                    long oldest = row.next() ? row.getLong(1) : 0;
                    return oldest == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, now - oldest));
                }
            }
        });
    }

    /**
     * Messages not yet sent nor given up, and when the oldest of them was written (epoch ms; -1 when none): for
     * metrics.
     */
    public long[] waitingSince() {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL");
                    ResultSet row = select.executeQuery()) {
                row.next();
                long oldest = row.getLong(2);
                return new long[] {row.getLong(1), row.wasNull() ? -1 : oldest};
            }
        });
    }

    /** Messages not yet sent nor given up: for status output and tests. */
    public long waiting() {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
