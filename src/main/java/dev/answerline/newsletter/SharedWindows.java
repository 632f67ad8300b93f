package dev.answerline.newsletter;

import dev.answerline.server.RateLimiter;
import dev.answerline.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RateLimiter} kept in the database, so that every app node on one PostgreSQL counts the same
 * attempts: a client cannot get the limit once per node. Each attempt is one upsert that starts a new
 * window or adds to the current one, and returns the outcome, so two nodes counting at once cannot both
 * let the last attempt through. Clients are stored as keyed hashes, never as addresses.
 */
final class SharedWindows implements RateLimiter {
    private static final int SWEEP_EVERY = 512;

    private final Database db;
    private final String scope;
    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ClientHashes hashes;
    private final AtomicInteger calls = new AtomicInteger();

    SharedWindows(Database db, String scope, int limit, Duration window, Clock clock, ClientHashes hashes) {
        this.db = db;
        this.scope = scope;
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.hashes = hashes;
    }

    @Override
    public long blocked(String key) {
        if (limit <= 0) {
            return 0;
        }
        long now = clock.millis();
        String client = hashes.of(key);
        long[] window = db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT window_start, attempts FROM rate_window WHERE scope = ? AND client = ?")) {
                select.setString(1, scope);
                select.setString(2, client);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new long[] {row.getLong(1), row.getLong(2)} : null;
                }
            }
        });
        if (window == null || window[0] + windowMillis <= now || window[1] < limit) {
            return 0;
        }
        return RateLimiter.secondsLeft(window[0], windowMillis, now);
    }

    @Override
    public long acquire(String key) {
        if (limit <= 0) {
            return 0;
        }
        long now = clock.millis();
        String client = hashes.of(key);
        boolean sweep = calls.incrementAndGet() % SWEEP_EVERY == 0;
        long[] window = db.write(c -> {
            if (sweep) {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM rate_window WHERE scope = ? AND window_start <= ?")) {
                    delete.setString(1, scope);
                    delete.setLong(2, now - windowMillis);
                    delete.executeUpdate();
                }
            }
            // both CASEs read the row as it was: SQL evaluates every SET expression against the old values
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO rate_window (scope, client, window_start,"
                    + " attempts) VALUES (?, ?, ?, 1) ON CONFLICT (scope, client) DO UPDATE SET"
                    + " attempts = CASE WHEN rate_window.window_start <= ? THEN 1 ELSE rate_window.attempts + 1 END,"
                    + " window_start = CASE WHEN rate_window.window_start <= ? THEN ? ELSE rate_window.window_start END"
                    + " RETURNING window_start, attempts")) {
                upsert.setString(1, scope);
                upsert.setString(2, client);
                upsert.setLong(3, now);
                upsert.setLong(4, now - windowMillis);
                upsert.setLong(5, now - windowMillis);
                upsert.setLong(6, now);
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    return new long[] {row.getLong(1), row.getLong(2)};
                }
            }
        });
        if (window[1] <= limit) {
            return 0;
        }
        return RateLimiter.secondsLeft(window[0], windowMillis, now);
    }
}
