package dev.answerline.newsletter;

import dev.answerline.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
        return new ClientHashes(SecretKeys.of(db, SETTING));
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
