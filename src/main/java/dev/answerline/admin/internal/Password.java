package dev.answerline.admin.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The owner's password, kept only as a slow salted hash (PBKDF2-HMAC-SHA256, 210,000 iterations, OWASP's
 * 2023 figure) made once at start: a heap dump shows no password, and every guess costs what the hash costs.
 * Compared in constant time. Thread-safe.
 */
public final class Password {
    static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt = new byte[16];
    private final byte[] hash;

    public Password(String password) {
        RANDOM.nextBytes(salt);
        this.hash = hash(password);
    }

    /** Whether {@code candidate} is the password; as slow for a wrong one as for the right one. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(hash, hash(candidate));
    }

    private byte[] hash(String text) {
        PBEKeySpec spec = new PBEKeySpec(text.toCharArray(), salt, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no PBKDF2WithHmacSHA256, which every Java 17 has", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Hex SHA-256 of a text, for session tokens (random, long: a fast hash suffices). */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random token of 32 bytes, URL-safe Base64 without padding. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
