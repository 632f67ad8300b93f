package dev.answerline.newsletter;

import dev.answerline.MutableClock;
import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.newsletter.internal.Tokens;
import dev.answerline.store.Database;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Newsletter issues for sending tests: a site with an issue, subscribers put straight into the database. */
final class Issues {
    static final String SLUG = "2026-06-spring";
    static final String POSTAL = "Testroll Ltd, 1 Roller Lane, Leeds";
    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "<(https://answers\\.testroll\\.example/newsletter/unsubscribe\\?token=([A-Za-z0-9_-]+))>");

    private Issues() {}

    /** The small fixture site with issue {@link #SLUG} and the brand's postal address. */
    static Path site(Path dir) {
        Path site = TestSites.copy("small", dir.resolve("site"));
        try {
            Files.createDirectories(site.resolve("newsletters"));
            Files.writeString(site.resolve("newsletters").resolve(SLUG + ".md"),
                    "---\nsubject: Spring rolling\n---\nThree stretches for spring.\n");
            Path yaml = site.resolve("site.yaml");
            Files.writeString(yaml, Files.readString(yaml).replace("  blocked_domains: [spam.example]\n",
                    "  blocked_domains: [spam.example]\n  postal_address: " + POSTAL + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return site;
    }

    static Site load(Path site) {
        return Site.load(site, TestSites.TODAY);
    }

    /** Confirmed subscribers {@code reader0@example.com} ... in one transaction. */
    static void confirmed(Database db, int count) {
        subscribers(db, "reader", count, "confirmed");
    }

    static void subscribers(Database db, String prefix, int count, String status) {
        db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO subscriber (email, status, source_page,"
                    + " consent_text, signed_up_at, confirmed_at, updated_at) VALUES (?, ?, '/', 'Tips', ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, prefix + i + "@example.com");
                    insert.setString(2, status);
                    insert.setLong(3, 1_000_000L + i);
                    insert.setLong(4, 2_000_000L + i);
                    insert.setLong(5, 2_000_000L + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** An unsubscribe token for {@code email}, as a welcome email would carry. */
    static String unsubscribeToken(Database db, String email) {
        Tokens.Token token = Tokens.create();
        db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO token (hash, email, purpose, created_at) VALUES (?, ?, 'unsubscribe', 0)")) {
                insert.setString(1, token.hash());
                insert.setString(2, email);
                insert.executeUpdate();
            }
            return null;
        });
        return token.value();
    }

    /** The token of a message's one-click unsubscribe header. */
    static String unsubscribeToken(MimeMessage message) throws Exception {
        Matcher m = UNSUBSCRIBE.matcher(message.getHeader("List-Unsubscribe", null));
        if (!m.matches()) {
            throw new AssertionError("no unsubscribe link in " + message.getHeader("List-Unsubscribe", null));
        }
        return m.group(2);
    }

    /** Every unsubscribe token hash stored, with its address. */
    static Map<String, String> unsubscribeHashes(Database db) {
        return db.read(c -> {
            Map<String, String> hashes = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT hash, email FROM token WHERE purpose = 'unsubscribe'");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getString(1), rows.getString(2));
                }
            }
            return hashes;
        });
    }

    static String deliveryStatus(Database db, String email) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT status FROM delivery WHERE issue = ? AND email = ?")) {
                select.setString(1, SLUG);
                select.setString(2, email);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    /** A sender on {@code clock} that sleeps by moving it: hours of retries pass at once. */
    static IssueSender.Builder sender(Database db, Site site, int smtpPort, MutableClock clock) {
        return IssueSender.builder(db, site, smtp(smtpPort)).clock(clock).sleeper(clock::advance)
                .rate(new SendRate(100_000, 10_000_000));
    }

    static MailSettings smtp(int port) {
        return new MailSettings("127.0.0.1", port, MailSettings.Security.NONE, null, null, null);
    }
}
