package dev.answerline.newsletter.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Link tokens: 32 random bytes, URL-safe. Only their SHA-256 is stored, so a copy of the database cannot
 * confirm or unsubscribe anyone; the token itself exists only in the email. Thread-safe.
 */
public final class Tokens {
    /** Bytes of randomness in a token. */
    public static final int BYTES = 32;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** A new token and the hash to store. */
    public record Token(String value, String hash) {}

    public static Token create() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Token(value, hash(value));
    }

    /** The stored form of a token. */
    public static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether a value from a link could be a token at all; anything else is refused without a lookup. */
    public static boolean wellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }
}
