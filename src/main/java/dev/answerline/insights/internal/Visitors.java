package dev.answerline.insights.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A visitor of a day, as a number that cannot be turned back into who it is: the first 8 bytes of SHA-256
 * over the day's random salt, the site, the client address and the User-Agent (what Plausible does). The
 * same person on the same day is the same number on every node; on the next day, with a new salt, another.
 * Salts are fetched ahead by the flusher, never on the thread that answers a page.
 */
public final class Visitors {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private final Ledger ledger;
    private final byte[] site;
    private final Map<String, byte[]> salts = new ConcurrentHashMap<>();

    /** @param site the site's own address (base_url): two sites on one database hash apart */
    public Visitors(Ledger ledger, String site) {
        this.ledger = ledger;
        this.site = site.getBytes(StandardCharsets.UTF_8);
    }

    /** Makes sure the salts of these days are at hand, and lets go of the others. */
    public void prepare(String... days) {
        java.util.Set<String> wanted = java.util.Set.of(days);
        for (String day : days) {
            salts.computeIfAbsent(day, d -> HexFormat.of().parseHex(ledger.salt(d)));
        }
        salts.keySet().retainAll(wanted);
    }

    /**
     * The visitor's number for the day.
     *
     * @return empty when the day's salt is not at hand (the first seconds of a node that cannot reach its
     *     database): the view counts, the visitor does not
     */
    public OptionalLong hash(String day, String address, String userAgent) {
        byte[] salt = salts.get(day);
        if (salt == null) {
            return OptionalLong.empty();
        }
        MessageDigest sha = SHA256.get();
        sha.reset();
        sha.update(salt);
        sha.update((byte) 0);
        sha.update(site);
        sha.update((byte) 0);
        sha.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
        return OptionalLong.of(ByteBuffer.wrap(sha.digest()).getLong());
    }
}
