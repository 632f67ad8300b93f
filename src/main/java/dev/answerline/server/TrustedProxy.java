package dev.answerline.server;

import java.util.Locale;

/**
 * Which reverse proxies in front of the server to believe about the client's address. A client can write
 * any {@code X-Forwarded-For} or {@code Forwarded} header it likes; only the entries the trusted proxies
 * appended are true. Each proxy appends the address it was connected from, so with {@code hops} trusted
 * proxies the client is the {@code hops}-th entry from the right, never the leftmost.
 *
 * @param hops how many proxies in a row are trusted; 0 trusts none and uses the connection's address
 * @param header the header the nearest proxy writes
 */
public record TrustedProxy(int hops, Header header) {
    /** No proxy: the address of the connection is the client's. */
    public static final TrustedProxy NONE = new TrustedProxy(0, Header.X_FORWARDED_FOR);

    /** The header a trusted proxy writes the client's address into. */
    public enum Header {
        /** {@code X-Forwarded-For: client, proxy1} (nginx's {@code $proxy_add_x_forwarded_for}). */
        X_FORWARDED_FOR("X-Forwarded-For"),
        /** RFC 7239 {@code Forwarded: for=client, for=proxy1}. */
        FORWARDED("Forwarded");

        private final String name;

        Header(String name) {
            this.name = name;
        }

        /** The header's field name. */
        public String fieldName() {
            return name;
        }

        /** The header named, case-insensitively; null when it is neither. */
        public static Header named(String name) {
            for (Header header : values()) {
                if (header.name.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return header;
                }
            }
            return null;
        }
    }

    public TrustedProxy {
        if (hops < 0 || hops > 16) {
            throw new IllegalArgumentException("trusted proxy hops must be from 0 to 16, not " + hops);
        }
        if (header == null) {
            throw new IllegalArgumentException("the proxy header is missing");
        }
    }

    /** {@code hops} proxies in a row that append to {@code X-Forwarded-For}. */
    public static TrustedProxy xForwardedFor(int hops) {
        return new TrustedProxy(hops, Header.X_FORWARDED_FOR);
    }

    /** Whether any proxy is trusted. */
    public boolean trusted() {
        return hops > 0;
    }
}
