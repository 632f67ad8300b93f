package dev.answerline.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One response Answerline serves or exports: its bytes, precompressed, with an ETag.
 *
 * <p>A page may contain {@link #SLOT}, where the live newsletter social proof goes. Its encoded
 * {@link Body} is made once per slot text and kept, so a changed subscriber figure costs one
 * re-encoding per page, not a render per request. The first {@link #body} compresses the page; a full
 * render asks for every body at once, so that serving never waits for it. Thread-safe.
 */
public final class Page {
    /** Marks where the social proof line goes; escaped content can never produce it. */
    public static final String SLOT = "<!--answerline:social-proof-->";

    private static final HexFormat HEX = HexFormat.of();

    private final String path;
    private final String contentType;
    private final String cacheControl;
    private final List<byte[]> parts;
    private final boolean rendered;
    private volatile Body body;

    /** Appended to an entity tag for the gzip bytes: the two encodings are different representations. */
    public static final String GZIP_TAG = "-gz";

    /**
     * The bytes sent for one slot text.
     *
     * @param gzip null when compressing does not pay (images, tiny files)
     * @param etag the quoted strong entity tag of the identity bytes
     * @param gzipEtag the tag of the gzip bytes, made once rather than per response
     */
    public record Body(String slot, byte[] identity, byte[] gzip, String etag, String gzipEtag) {
        Body(String slot, byte[] identity, byte[] gzip, String etag) {
            this(slot, identity, gzip, etag, etag.substring(0, etag.length() - 1) + GZIP_TAG + "\"");
        }
    }

    private Page(String path, String contentType, String cacheControl, List<byte[]> parts, boolean rendered) {
        this.path = path;
        this.contentType = contentType;
        this.cacheControl = cacheControl;
        this.parts = parts;
        this.rendered = rendered;
    }

    /** A page of fixed bytes: a static file, a stylesheet. */
    public static Page of(String path, String contentType, String cacheControl, byte[] bytes) {
        return new Page(path, contentType, cacheControl, List.of(bytes), false);
    }

    /** An HTML page; every {@link #SLOT} in it is filled at serving time. */
    public static Page html(String path, String html, String cacheControl) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int at = html.indexOf(SLOT); at >= 0; at = html.indexOf(SLOT, from)) {
            parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
            from = at + SLOT.length();
        }
        parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new Page(path, "text/html; charset=utf-8", cacheControl, List.copyOf(parts), true);
    }

    public String path() {
        return path;
    }

    public String contentType() {
        return contentType;
    }

    public String cacheControl() {
        return cacheControl;
    }

    public boolean isHtml() {
        return contentType.startsWith("text/html");
    }

    /** True for pages Answerline rendered, whose URLs have no file name ending; false for files served as is. */
    public boolean isRendered() {
        return rendered;
    }

    /** The encoded page with {@code slot} filled in; pages without a slot ignore it. */
    public Body body(String slot) {
        Body current = body;
        if (current != null && (parts.size() == 1 || current.slot().equals(slot))) {
            return current;
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        byte[] slotBytes = slot.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                joined.writeBytes(slotBytes);
            }
            joined.writeBytes(parts.get(i));
        }
        // racing threads may both encode; each result is complete and equal, so the last write is fine
        current = encode(slot, joined.toByteArray(), contentType);
        body = current;
        return current;
    }

    private static Body encode(String slot, byte[] identity, String contentType) {
        byte[] gzip = compressible(contentType) && identity.length > 256 ? gzip(identity) : null;
        if (gzip != null && gzip.length >= identity.length) {
            gzip = null;
        }
        return new Body(slot, identity, gzip, etag(identity));
    }

    static boolean compressible(String contentType) {
        return contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("xml")
                || contentType.contains("javascript") || contentType.contains("svg")
                || contentType.equals("image/x-icon");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HEX.formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
