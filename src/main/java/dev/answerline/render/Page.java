package dev.answerline.render;

import dev.answerline.render.internal.Compression;
import dev.answerline.render.internal.CompressionPack;
import dev.answerline.memory.MappedStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * One response Answerline serves or exports: its bytes, precompressed (gzip; brotli too for a served site),
 * with an ETag.
 *
 * <p>A page may contain {@link #SLOT}, where the live newsletter social proof goes. Its encoded
 * {@link Body} is made once per slot text and kept, so a changed subscriber figure costs one
 * re-encoding per page, not a render per request. The first {@link #body} compresses the page; a full
 * render asks for every body at once, so that serving never waits for it. A page of a served site keeps
 * its bytes outside the heap ({@link MappedStore}); a preview's and an export's pages keep them on it.
 * Thread-safe.
 */
public final class Page {
    /** Marks where the social proof line goes; escaped content can never produce it. */
    public static final String SLOT = "<!--answerline:social-proof-->";
    /** Appended to an entity tag for the gzip bytes: the encodings are different representations. */
    public static final String GZIP_TAG = "-gz";
    /** Appended to an entity tag for the brotli bytes. */
    public static final String BROTLI_TAG = "-br";

    private static final HexFormat HEX = HexFormat.of();
    private static final int[] NO_SLOTS = new int[0];
    private static final Function<byte[], ByteBuffer> ON_HEAP = ByteBuffer::wrap;

    private final String path;
    private final String contentType;
    private final String cacheControl;
    /** The bytes with every slot taken out. */
    private final ByteBuffer template;
    /** Where in {@link #template} each slot was, in ascending order. */
    private final int[] slots;
    private final boolean rendered;
    private final Function<byte[], ByteBuffer> keep;
    /** Whether bodies get brotli too: the pages of a served site ({@link Mode#brotli()}). */
    private final boolean brotli;
    /** Where the encodings of bytes seen before come from; {@link CompressionCache#NONE} by default. */
    private CompressionCache compression = CompressionCache.NONE;
    private volatile Body body;

    /**
     * The bytes sent for one slot text: read-only views, which may lie outside the heap.
     */
    public static final class Body {
        private final String slot;
        private final ByteBuffer identity;
        private final ByteBuffer gzip;
        private final ByteBuffer brotli;
        private final String etag;
        private final String gzipEtag;
        private final String brotliEtag;

        Body(String slot, ByteBuffer identity, ByteBuffer gzip, ByteBuffer brotli, String etag) {
            this.slot = slot;
            this.identity = identity;
            this.gzip = gzip;
            this.brotli = brotli;
            this.etag = etag;
            // made once rather than per response
            this.gzipEtag = etag.substring(0, etag.length() - 1) + GZIP_TAG + "\"";
            this.brotliEtag = etag.substring(0, etag.length() - 1) + BROTLI_TAG + "\"";
        }

        /** The slot text these bytes were made with. */
        public String slot() {
            return slot;
        }

        /** The quoted strong entity tag of the identity bytes. */
        public String etag() {
            return etag;
        }

        /** The tag of the gzip bytes. */
        public String gzipEtag() {
            return gzipEtag;
        }

        /** The tag of the brotli bytes. */
        public String brotliEtag() {
            return brotliEtag;
        }

        /** False when compressing does not pay (images, tiny files). */
        public boolean compressed() {
            return gzip != null;
        }

        /** True when there are brotli bytes: only a served site's compressible pages have them. */
        public boolean hasBrotli() {
            return brotli != null;
        }

        /** The brotli bytes for writing, or null when {@link #hasBrotli()} is false. */
        public ByteBuffer brotliView() {
            return brotli == null ? null : brotli.duplicate();
        }

        /** The bytes as they are, for writing: each call gives a view with its own position. */
        public ByteBuffer identityView() {
            return identity.duplicate();
        }

        /** The gzip bytes for writing, or null when {@link #compressed()} is false. */
        public ByteBuffer gzipView() {
            return gzip == null ? null : gzip.duplicate();
        }

        /** The bytes as they are, as an array: a copy when they lie outside the heap. Not to be changed. */
        public byte[] identity() {
            return bytes(identity);
        }

        /** The gzip bytes as an array, or null. Not to be changed. */
        public byte[] gzip() {
            return gzip == null ? null : bytes(gzip);
        }
    }

    private Page(String path, String contentType, String cacheControl, ByteBuffer template, int[] slots,
            boolean rendered, Function<byte[], ByteBuffer> keep, boolean brotli) {
        this.path = path;
        this.contentType = contentType;
        this.cacheControl = cacheControl;
        this.template = template;
        this.slots = slots;
        this.rendered = rendered;
        this.keep = keep;
        this.brotli = brotli;
    }

    /** A page of fixed bytes: a static file, a stylesheet. */
    public static Page of(String path, String contentType, String cacheControl, byte[] bytes) {
        return new Page(path, contentType, cacheControl, ByteBuffer.wrap(bytes), NO_SLOTS, false, ON_HEAP, false);
    }

    /** An HTML page; every {@link #SLOT} in it is filled at serving time. */
    public static Page html(String path, String html, String cacheControl) {
        if (!html.contains(SLOT)) {
            return new Page(path, "text/html; charset=utf-8", cacheControl,
                    ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), NO_SLOTS, true, ON_HEAP, false);
        }
        ByteArrayOutputStream without = new ByteArrayOutputStream(html.length() + 64);
        List<Integer> at = new ArrayList<>();
        int from = 0;
        for (int found = html.indexOf(SLOT); found >= 0; found = html.indexOf(SLOT, from)) {
            without.writeBytes(html.substring(from, found).getBytes(StandardCharsets.UTF_8));
            at.add(without.size());
            from = found + SLOT.length();
        }
        without.writeBytes(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new Page(path, "text/html; charset=utf-8", cacheControl, ByteBuffer.wrap(without.toByteArray()),
                at.stream().mapToInt(Integer::intValue).toArray(), true, ON_HEAP, false);
    }

    /**
     * This page as a served site keeps it ({@link Mode#SERVE}): its bytes, and those of every body it makes from
     * now on, outside the heap, with brotli beside gzip; its body for {@code slot} encoded at once. Only the
     * body is kept: the bytes without slots are the body's bytes with the slot text taken out again, so a page
     * is not kept twice.
     */
    Page keptIn(MappedStore store, String slot, CompressionCache compression) {
        return keptIn(store, slot, compression, true);
    }

    /**
     * The same; without {@code compress}, the body is kept as it is and served so until {@link #compressLater()}
     * adds its encodings.
     */
    Page keptIn(MappedStore store, String slot, CompressionCache compression, boolean compress) {
        Page kept = new Page(path, contentType, cacheControl, null, slots, rendered, store::keep, true);
        kept.compression = compression;
        byte[] without = bytes(template);
        kept.body = kept.encode(slot, without, filled(without, slot), compress);
        return kept;
    }

    /**
     * Adds the encodings of a body kept without them: the same bytes and tag, now with gzip and brotli, served
     * from now on unless a body for another slot text replaced it meanwhile (that one was compressed).
     */
    void compressLater() {
        Body plain = body;
        if (plain == null || plain.compressed() || !compressible(plain.identity.remaining())) {
            return;
        }
        byte[] bytes = bytes(plain.identity);
        Body made = withEncodings(plain.slot, plain.identity, bytes, sha256(bytes), true, keep);
        synchronized (this) {
            if (body == plain) {
                body = made;
            }
        }
    }

    /**
     * The body for no slot text with its encodings, for a snapshot: the one served when it is that, otherwise
     * made now on the heap and not kept (the page goes on serving what it serves).
     */
    Body forSnapshot() {
        Body current = body;
        if (current != null && current.slot().isEmpty()
                && (current.compressed() || !compressible(current.identity.remaining()))) {
            return current;
        }
        byte[] without = unfilledBytes(current);
        return withEncodings("", ByteBuffer.wrap(without), without, sha256(without), true, ON_HEAP);
    }

    private boolean compressible(int length) {
        return Compression.pays(contentType) && length > 256;
    }

    /**
     * A page of a served site as a snapshot kept it: {@code made}, its body for the empty slot text, lies in the
     * snapshot's mapping; bodies for other slot texts are kept by {@code keep} and compressed with
     * {@code compression}, as {@link #keptIn} does.
     */
    static Page restored(String path, String contentType, String cacheControl, int[] slots, boolean rendered,
            Body made, Function<byte[], ByteBuffer> keep, CompressionCache compression) {
        Page page = new Page(path, contentType, cacheControl, null, slots.clone(), rendered, keep, true);
        page.compression = compression;
        page.body = made;
        return page;
    }

    /** Where the slots of this page are in its bytes without them, for a snapshot. */
    int[] slots() {
        return slots.clone();
    }

    /** Takes the encodings of bytes seen before from {@code cache}; before the first {@link #body} only. */
    Page compressedWith(CompressionCache cache) {
        this.compression = cache;
        return this;
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

    /**
     * The page's bytes with {@code slot} filled in, not compressed and not kept: an export that writes no
     * {@code .gz} twins needs nothing else, and compressing would be most of its work.
     */
    public ByteBuffer identity(String slot) {
        Body current = body;
        if (current != null && (slots.length == 0 || current.slot().equals(slot))) {
            return current.identityView();
        }
        byte[] without = unfilledBytes(current);
        return ByteBuffer.wrap(filled(without, slot));
    }

    /** The encoded page with {@code slot} filled in; pages without a slot ignore it. */
    public Body body(String slot) {
        Body current = body;
        if (current != null && (slots.length == 0 || current.slot().equals(slot))) {
            return current;
        }
        byte[] without = unfilledBytes(current);
        // racing threads may both encode; each result is complete and equal, so the last write is fine
        current = encode(slot, without, filled(without, slot));
        synchronized (this) {
            // not undone by compressLater(), which swaps in only over the body it compressed
            body = current;
        }
        return current;
    }

    /** The page's bytes with no slot text: its template, or what {@code current} was made from. */
    private byte[] unfilledBytes(Body current) {
        return template != null ? bytes(template) : unfilled(current);
    }

    private Body encode(String slot, byte[] without, byte[] bytes) {
        return encode(slot, without, bytes, true);
    }

    private Body encode(String slot, byte[] without, byte[] bytes, boolean compress) {
        // a page on the heap whose bytes are its template shares the array
        ByteBuffer identity = template != null && bytes == without ? template : keep.apply(bytes);
        return withEncodings(slot, identity, bytes, sha256(bytes), compress, keep);
    }

    /** A body of these bytes, their encodings (when {@code compress}) kept by {@code into}. */
    private Body withEncodings(String slot, ByteBuffer identity, byte[] bytes, byte[] digest, boolean compress,
            Function<byte[], ByteBuffer> into) {
        CompressionPack.Entry encoded = compress && compressible(bytes.length)
                ? compression.encode(bytes, digest, brotli) : null;
        byte[] gzip = encoded == null ? null : encoded.gzip();
        if (gzip != null && gzip.length >= bytes.length) {
            gzip = null;
        }
        byte[] brotliBytes = gzip != null && brotli ? encoded.brotli() : null;
        if (brotliBytes != null && brotliBytes.length >= gzip.length) {
            brotliBytes = null;
        }
        return new Body(slot, identity, gzip == null ? null : into.apply(gzip),
                brotliBytes == null ? null : into.apply(brotliBytes), "\"" + HEX.formatHex(digest, 0, 12) + "\"");
    }

    /** The template filled with a slot text; the template itself when there is nothing to fill. */
    private byte[] filled(byte[] without, String slot) {
        if (slots.length == 0 || slot.isEmpty()) {
            return without;
        }
        byte[] slotBytes = slot.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream joined = new ByteArrayOutputStream(without.length + slots.length * slotBytes.length);
        int from = 0;
        for (int at : slots) {
            joined.write(without, from, at - from);
            joined.writeBytes(slotBytes);
            from = at;
        }
        joined.write(without, from, without.length - from);
        return joined.toByteArray();
    }

    /** The template of a kept page: its body's bytes with the slot text taken out. */
    private byte[] unfilled(Body made) {
        byte[] bytes = bytes(made.identity);
        int length = made.slot.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0) {
            return bytes;
        }
        ByteArrayOutputStream without = new ByteArrayOutputStream(bytes.length);
        int from = 0;
        for (int i = 0; i < slots.length; i++) {
            int at = slots[i] + i * length;
            without.write(bytes, from, at - from);
            from = at + length;
        }
        without.write(bytes, from, bytes.length - from);
        return without.toByteArray();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.array().length == buffer.remaining()) {
            return buffer.array();
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** The SHA-256 of a body: its entity tag, and its name in the compression cache. */
    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
