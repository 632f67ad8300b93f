package dev.answerline.newsletter;

import dev.answerline.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of client addresses: signups from one address can be told apart for abuse analysis, but
 * the address itself is never stored. The key is made once and kept in the database, so every app node
 * sharing it hashes alike.
 */
final class ClientHashes {
    private static final String SETTING = "client_hash_key";

    private final SecretKeySpec key;

    private ClientHashes(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    static ClientHashes load(Database db) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String stored = db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, SETTING);
                insert.setString(2, HexFormat.of().formatHex(fresh));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT value FROM setting WHERE name = ?")) {
                select.setString(1, SETTING);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
        return new ClientHashes(HexFormat.of().parseHex(stored));
    }

    /** 32 hex characters that stand for the address. */
    String of(String clientAddress) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] hash = mac.doFinal(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
