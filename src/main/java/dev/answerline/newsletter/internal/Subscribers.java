package dev.answerline.newsletter.internal;

import dev.answerline.newsletter.EmailAddress;
import dev.answerline.newsletter.Subscriber;
import dev.answerline.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The subscriber table and its tokens: the double opt-in as transactions. Every change that needs an
 * email writes it to the outbox in the same transaction, so a committed signup always gets its email.
 * Thread-safe.
 */
public final class Subscribers {
    /** How long a confirmation link works. */
    public static final Duration CONFIRM_TTL = Duration.ofHours(48);
    /** A pending address gets another confirmation email only this long after the last one. */
    public static final Duration RESEND_AFTER = Duration.ofMinutes(10);

    private static final String CONFIRM = "confirm";
    private static final String UNSUBSCRIBE = "unsubscribe";

    private final Database db;
    private final Outbox outbox;
    private final Clock clock;

    /** What a signup led to; the reader is told the same in every case. */
    public enum Signup { CONFIRMATION_QUEUED, CONFIRMATION_RECENTLY_SENT, ALREADY_CONFIRMED, ADDRESS_BOUNCED }

    public enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, INVALID }

    public enum Unsubscription { UNSUBSCRIBED, INVALID }

    /** Composes the welcome email inside the transaction that confirms; it may not touch the database. */
    public interface Welcome {
        byte[] compose(EmailAddress to, String unsubscribeToken);
    }

    public Subscribers(Database db, Outbox outbox, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records a signup and queues a confirmation email when one is due. The caller made the token and the
     * email beforehand, so that composing it does not hold the write lock; they are dropped when no email
     * is due.
     */
    public Signup signUp(EmailAddress email, String sourcePage, String consentText, String clientHash,
            Tokens.Token token, byte[] confirmation) {
        return db.write(c -> {
            long now = clock.millis();
            String status = null;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT status FROM subscriber WHERE email = ?" + db.forUpdate())) {
                select.setString(1, email.value());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        status = row.getString(1);
                    }
                }
            }
            if (Subscriber.Status.CONFIRMED.code().equals(status)) {
                return Signup.ALREADY_CONFIRMED;
            }
            if (Subscriber.Status.BOUNCED.code().equals(status)) {
                // a mail server refused the address for good: another email would only bounce again and
                // hurt the sender's reputation; the operator can delete the row if the address is fixed
                return Signup.ADDRESS_BOUNCED;
            }
            if (Subscriber.Status.PENDING.code().equals(status) && lastConfirmation(c, email) > now - RESEND_AFTER.toMillis()) {
                return Signup.CONFIRMATION_RECENTLY_SENT;
            }
            if (status == null) {
                update(c, "INSERT INTO subscriber (email, status, source_page, consent_text, signed_up_at, client_hash,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", email.value(), Subscriber.Status.PENDING.code(),
                        sourcePage, consentText, now, clientHash, now);
            } else {
                // a pending address signing up again, or an unsubscribed one coming back: new consent, confirm
                // again; the dates of the old consent's confirmation and end describe a consent no longer given
                update(c, "UPDATE subscriber SET status = ?, source_page = ?, consent_text = ?, signed_up_at = ?,"
                        + " client_hash = ?, updated_at = ?, confirmed_at = NULL, unsubscribed_at = NULL"
                        + " WHERE email = ?", Subscriber.Status.PENDING.code(),
                        sourcePage, consentText, now, clientHash, now, email.value());
            }
            update(c, "INSERT INTO token (hash, email, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                    token.hash(), email.value(), CONFIRM, now, now + CONFIRM_TTL.toMillis());
            outbox.enqueue(c, email.value(), CONFIRM, confirmation, now);
            return Signup.CONFIRMATION_QUEUED;
        });
    }

    private static long lastConfirmation(Connection c, EmailAddress email) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT MAX(created_at) FROM token WHERE email = ? AND purpose = ?")) {
            select.setString(1, email.value());
            select.setString(2, CONFIRM);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** The address a confirmation link would confirm, or null when the link is unknown, used or expired. */
    public String confirmable(String token) {
        if (!Tokens.wellFormed(token)) {
            return null;
        }
        return db.read(c -> {
            TokenRow row = token(c, token, CONFIRM, "");
            return row != null && row.usable(clock.millis()) ? row.email() : null;
        });
    }

    /** Confirms the subscription a confirmation link belongs to and queues the welcome email. */
    public Confirmation confirm(String token, Welcome welcome, Consumer<String> confirmedFrom) {
        if (!Tokens.wellFormed(token)) {
            return Confirmation.INVALID;
        }
        String[] page = new String[1];
        Confirmation outcome = confirmIn(token, welcome, page);
        if (outcome == Confirmation.CONFIRMED) {
            confirmedFrom.accept(page[0]);
        }
        return outcome;
    }

    private Confirmation confirmIn(String token, Welcome welcome, String[] page) {
        return db.write(c -> {
            long now = clock.millis();
            TokenRow row = token(c, token, CONFIRM, db.forUpdate());
            if (row == null) {
                return Confirmation.INVALID;
            }
            String status = status(c, row.email());
            if (Subscriber.Status.CONFIRMED.code().equals(status)) {
                return Confirmation.ALREADY_CONFIRMED;
            }
            if (!row.usable(now) || !Subscriber.Status.PENDING.code().equals(status)) {
                return Confirmation.INVALID;
            }
            update(c, "UPDATE token SET used_at = ? WHERE email = ? AND purpose = ? AND used_at IS NULL", now,
                    row.email(), CONFIRM);
            update(c, "UPDATE subscriber SET status = ?, confirmed_at = ?, unsubscribed_at = NULL, updated_at = ?"
                    + " WHERE email = ?", Subscriber.Status.CONFIRMED.code(), now, now, row.email());
            page[0] = sourcePage(c, row.email());
            Tokens.Token unsubscribe = Tokens.create();
            update(c, "INSERT INTO token (hash, email, purpose, created_at) VALUES (?, ?, ?, ?)", unsubscribe.hash(),
                    row.email(), UNSUBSCRIBE, now);
            EmailAddress email = new EmailAddress(row.email());
            outbox.enqueue(c, row.email(), "welcome", welcome.compose(email, unsubscribe.value()), now);
            return Confirmation.CONFIRMED;
        });
    }

    private static String sourcePage(Connection c, String email) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT source_page FROM subscriber WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Whether an unsubscribe link is one of ours. */
    public boolean unsubscribable(String token) {
        return Tokens.wellFormed(token) && db.read(c -> token(c, token, UNSUBSCRIBE, "") != null);
    }

    /**
     * Unsubscribes the address an unsubscribe link belongs to. Unsubscribe links do not expire and can be
     * used again: a mail client may send the one-click request twice, and a link in an old email must
     * still work (RFC 8058).
     */
    public Unsubscription unsubscribe(String token) {
        if (!Tokens.wellFormed(token)) {
            return Unsubscription.INVALID;
        }
        return db.write(c -> {
            long now = clock.millis();
            TokenRow row = token(c, token, UNSUBSCRIBE, db.forUpdate());
            if (row == null) {
                return Unsubscription.INVALID;
            }
            update(c, "UPDATE subscriber SET status = ?, unsubscribed_at = ?, updated_at = ? WHERE email = ?"
                    + " AND status <> ?", Subscriber.Status.UNSUBSCRIBED.code(), now, now, row.email(),
                    Subscriber.Status.UNSUBSCRIBED.code());
            update(c, "UPDATE token SET used_at = ? WHERE hash = ? AND used_at IS NULL", now, Tokens.hash(token));
            return Unsubscription.UNSUBSCRIBED;
        });
    }

    public long countConfirmed() {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM subscriber WHERE status = ?")) {
                select.setString(1, Subscriber.Status.CONFIRMED.code());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** Every subscriber (with {@code status}, or all when null), oldest signup first. */
    public void forEach(Subscriber.Status status, Consumer<Subscriber> each) {
        if (status == null) {
            select("", each);
        } else {
            select(" WHERE status = ?", each, status.code());
        }
    }

    /** One subscriber, or null. */
    public Subscriber find(String email) {
        Subscriber[] found = new Subscriber[1];
        select(" WHERE email = ?", s -> found[0] = s, email);
        return found[0];
    }

    private void select(String where, Consumer<Subscriber> each, Object... values) {
        db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT email, status, source_page, consent_text,"
                    + " signed_up_at, confirmed_at, unsubscribed_at FROM subscriber" + where
                    + " ORDER BY signed_up_at, email")) {
                for (int i = 0; i < values.length; i++) {
                    select.setObject(i + 1, values[i]);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        each.accept(new Subscriber(row.getString(1), Subscriber.Status.of(row.getString(2)),
                                row.getString(3), row.getString(4), instant(row, 5), instant(row, 6), instant(row, 7)));
                    }
                }
            }
            return null;
        });
    }

    private record TokenRow(String email, long expiresAt, boolean used) {
        boolean usable(long now) {
            return !used && (expiresAt == 0 || expiresAt > now);
        }
    }

    private static TokenRow token(Connection c, String token, String purpose, String lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT email, expires_at, used_at FROM token WHERE hash = ? AND purpose = ?" + lock)) {
            select.setString(1, Tokens.hash(token));
            select.setString(2, purpose);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String email = row.getString(1);
                long expires = row.getLong(2);
                row.getLong(3);
                boolean used = !row.wasNull();
                return new TokenRow(email, expires, used);
            }
        }
    }

    private static String status(Connection c, String email) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT status FROM subscriber WHERE email = ?")) {
            select.setString(1, email);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
