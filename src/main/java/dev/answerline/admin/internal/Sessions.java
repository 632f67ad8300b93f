package dev.answerline.admin.internal;

import dev.answerline.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;

/**
 * The owner's sessions in the database, so that every node behind a load balancer knows them and a restart
 * logs nobody out. A session is a random token in the cookie; the table keeps its SHA-256 only. It ends
 * after {@link #IDLE} without use, {@link #LONGEST} after it began, or at logout. Thread-safe.
 */
public final class Sessions {
    public static final Duration IDLE = Duration.ofHours(12);
    public static final Duration LONGEST = Duration.ofDays(7);
    /** A session's last use is written at most this often: not a database write for every page. */
    private static final long TOUCH_EVERY = Duration.ofMinutes(1).toMillis();

    private final Database db;
    private final Clock clock;

    public Sessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new session: returns its token, for the cookie. Ended sessions are deleted on the way. */
    public String create() {
        String token = Password.randomToken();
        long now = clock.millis();
        db.write(c -> {
            try (PreparedStatement old = c.prepareStatement(
                    "DELETE FROM admin_session WHERE seen_at < ? OR created_at < ?")) {
                old.setLong(1, now - IDLE.toMillis());
                old.setLong(2, now - LONGEST.toMillis());
                old.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO admin_session (token_hash, created_at, seen_at) VALUES (?, ?, ?)")) {
                insert.setString(1, Password.sha256(token));
                insert.setLong(2, now);
                insert.setLong(3, now);
                insert.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** Whether {@code token} is a session that has not ended; counts as a use of it. */
    public boolean valid(String token) {
        if (token == null || token.length() != 43) {
            return false;
        }
        String hash = Password.sha256(token);
        long now = clock.millis();
        long[] times = db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT created_at, seen_at FROM admin_session WHERE token_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new long[] {row.getLong(1), row.getLong(2)} : null;
                }
            }
        });
        if (times == null) {
            return false;
        }
        if (now - times[1] > IDLE.toMillis() || now - times[0] > LONGEST.toMillis()) {
            end(token);
            return false;
        }
        if (now - times[1] > TOUCH_EVERY) {
            db.write(c -> {
                try (PreparedStatement touch = c.prepareStatement(
                        "UPDATE admin_session SET seen_at = ? WHERE token_hash = ?")) {
                    touch.setLong(1, now);
                    touch.setString(2, hash);
                    return touch.executeUpdate();
                }
            });
        }
        return true;
    }

    /** Ends a session: its cookie, replayed, logs nobody in. */
    public void end(String token) {
        if (token == null) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM admin_session WHERE token_hash = ?")) {
                delete.setString(1, Password.sha256(token));
                return delete.executeUpdate();
            }
        });
    }

    /**
     * The CSRF token of a session's forms: derived from the session's token, so it needs no storage, and
     * not from its hash, so the database alone cannot forge a form.
     */
    public static String csrf(String token) {
        return Password.sha256("csrf:" + token);
    }
}
