package dev.answerline.newsletter;

import dev.answerline.content.Address;
import dev.answerline.store.Database;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The links of a newsletter issue made countable: {@code {base_url}/r/{signed id}}, where the id carries the
 * issue's slug and the URL the issue links to, signed with HMAC-SHA256. The {@code /r/} route redirects only
 * to a URL such an id carries, so it is no open redirect: an id that was not made here, or was changed, leads
 * nowhere. Only http and https URLs are ever made or followed.
 *
 * <p>The key is made once and kept in the database's {@code setting} table, so every app node sharing the
 * database, and the {@code newsletter send} command, sign alike. Immutable and thread-safe.
 *
 * <pre>{@code
 * ClickLinks links = ClickLinks.load(db, site.config().baseUrl());
 * String counted = links.link("december-rolling", "https://shop.example/rollers"); // https://answers.example/r/...
 * links.open(counted.substring(counted.lastIndexOf('/') + 1));  // Optional[Target[issue=december-rolling, url=...]]
 * }</pre>
 */
public final class ClickLinks {
    private static final String SETTING = "click_link_key";
    /** 16 bytes of the MAC: forging one is a 2^128 guess, and the links stay short enough for mail clients. */
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    /** Longer ids are refused before any work: no issue links to a URL of 4,000 characters. */
    private static final int MAX_ID = 4096;

    private final SecretKeySpec key;
    private final String base;

    /** Where a counted link leads: the issue it is in and the URL it was written with. */
    public record Target(String issue, String url) {}

    private ClickLinks(byte[] key, String base) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.base = base;
    }

    /**
     * The links of a site whose address is {@code base} (no trailing slash), with the key in {@code db}; the
     * first call on a database makes the key.
     */
    public static ClickLinks load(Database db, String base) {
        return new ClickLinks(SecretKeys.of(db, SETTING), base);
    }

    /** Links signed with {@code key}, for tests and tools without a database. */
    public static ClickLinks of(byte[] key, String base) {
        return new ClickLinks(key.clone(), base);
    }

    /**
     * The counted link for {@code url} in issue {@code issue}; {@code url} itself when it is not an absolute
     * http or https URL (a mailto: link is not counted).
     */
    public String link(String issue, String url) {
        if (!followable(url)) {
            return url;
        }
        byte[] payload = (issue + "\n" + url).getBytes(StandardCharsets.UTF_8);
        return base + Address.of(Address.Kind.REDIRECT, ENCODE.encodeToString(payload) + "."
                + ENCODE.encodeToString(mac(payload))).path();
    }

    /** Where the id of a counted link leads; empty when it was not made with this key, or was changed. */
    public Optional<Target> open(String id) {
        int dot = id.indexOf('.');
        if (id.length() > MAX_ID || dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODE.decode(id.substring(0, dot));
            mac = DECODE.decode(id.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            return Optional.empty();
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return Optional.empty();
        }
        String url = text.substring(newline + 1);
        // signed ids are only made for such URLs; checked again so that a leaked key cannot make javascript:
        return followable(url) ? Optional.of(new Target(text.substring(0, newline), url)) : Optional.empty();
    }

    /** Whether a URL may be a redirect's target: absolute http or https, nothing else. */
    static boolean followable(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
