package dev.answerline.newsletter;

import dev.answerline.store.Database;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;

/**
 * Random keys made once and kept in the database's {@code setting} table, so that every app node sharing the
 * database (and every command run on it) uses the same one: the first to ask makes it, the rest read it.
 */
final class SecretKeys {
    private SecretKeys() {}

    /** The 32-byte key kept under {@code name}, made now if there is none yet. */
    static byte[] of(Database db, String name) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String stored = db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setString(2, HexFormat.of().formatHex(fresh));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT value FROM setting WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
        return HexFormat.of().parseHex(stored);
    }
}
