package dev.answerline.render.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A rendered site in one file, to be served again without rendering: every page's encodings one after the
 * other, then an index (paths, types, slots, tags, where each encoding lies, the similar answers the pages
 * were made with), then the index's length and CRC32C. The file is written under a temporary name, forced to
 * disk and renamed into place, so a file under its real name is whole; a damaged index is found by its
 * checksum. Read by mapping it: pages are served from the mapping, never copied onto the heap.
 */
public final class SnapshotFile {
    private static final long MAGIC = 0x414c534e41503031L; // "ALSNAP01"
    /** Mappings are at most this large; an encoding never straddles two (the writer pads before it). */
    static final long SEGMENT = 1L << 30;
    /** An index larger than this is not believed: 100,000 answers make ~20 MB. */
    private static final int MAX_INDEX = 512 << 20;

    /** One page as kept: its bytes are views that may lie outside the heap; gzip and brotli may be null. */
    public record Stored(String path, String contentType, String cacheControl, boolean rendered, int[] slots,
            String etag, ByteBuffer identity, ByteBuffer gzip, ByteBuffer brotli) {}

    /**
     * A whole snapshot: its pages (the 404 page under its own name), what it was made for and until when it
     * holds. {@link #write} reads {@code pages} once, in order, one element at a time: a writer may hand a
     * list that makes each page when asked.
     *
     * @param key what the site's files, the engine and the options hashed to
     * @param madeOn the day the pages were rendered for
     * @param validBefore the first day on which they may differ (a dated answer appears, a new year), or null
     * @param similar the similar answers the pages were rendered with, by slug
     * @param redirects old paths and where they now lead
     * @param sent the newsletter issues whose web versions the pages include, with the time each was queued
     */
    public record Contents(String key, java.time.LocalDate madeOn, java.time.LocalDate validBefore,
            List<Stored> pages, Stored notFound, Map<String, List<String>> similar, Map<String, String> redirects,
            Map<String, java.time.Instant> sent) {}

    private SnapshotFile() {}

    /**
     * Writes {@code contents} to {@code file}: first under a temporary name beside it, then renamed, so that
     * a reader sees the whole file or none.
     */
    public static void write(Path file, Contents contents) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer head = ByteBuffer.allocate(8).putLong(MAGIC).flip();
            writeFully(out, head);
            ByteArrayOutputStream indexBytes = new ByteArrayOutputStream(1 << 20);
            DataOutputStream index = new DataOutputStream(indexBytes);
            index.writeUTF(contents.key());
            index.writeUTF(contents.madeOn().toString());
            index.writeUTF(contents.validBefore() == null ? "" : contents.validBefore().toString());
            index.writeInt(contents.pages().size() + 1);
            for (Stored page : contents.pages()) {
                page(out, index, page);
            }
            page(out, index, contents.notFound());
            index.writeInt(contents.similar().size());
            for (Map.Entry<String, List<String>> entry : contents.similar().entrySet()) {
                index.writeUTF(entry.getKey());
                index.writeInt(entry.getValue().size());
                for (String slug : entry.getValue()) {
                    index.writeUTF(slug);
                }
            }
            index.writeInt(contents.redirects().size());
            for (Map.Entry<String, String> entry : contents.redirects().entrySet()) {
                index.writeUTF(entry.getKey());
                index.writeUTF(entry.getValue());
            }
            index.writeInt(contents.sent().size());
            for (Map.Entry<String, java.time.Instant> entry : contents.sent().entrySet()) {
                index.writeUTF(entry.getKey());
                index.writeUTF(entry.getValue().toString());
            }
            index.flush();
            byte[] bytes = indexBytes.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            writeFully(out, ByteBuffer.wrap(bytes));
            writeFully(out, ByteBuffer.allocate(16).putInt(bytes.length).putInt((int) crc.getValue()).putLong(MAGIC)
                    .flip());
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void page(FileChannel out, DataOutputStream index, Stored page) throws IOException {
        index.writeUTF(page.path());
        index.writeUTF(page.contentType());
        index.writeUTF(page.cacheControl());
        index.writeBoolean(page.rendered());
        index.writeInt(page.slots().length);
        for (int slot : page.slots()) {
            index.writeInt(slot);
        }
        index.writeUTF(page.etag());
        for (ByteBuffer bytes : new ByteBuffer[] {page.identity(), page.gzip(), page.brotli()}) {
            if (bytes == null) {
                index.writeLong(-1);
                index.writeInt(0);
                continue;
            }
            ByteBuffer view = bytes.duplicate();
            int length = view.remaining();
            long at = out.position();
            if (at / SEGMENT != (at + length) / SEGMENT && length <= SEGMENT) {
                // pad to the next segment, so that the bytes lie within one mapping
                at = (at / SEGMENT + 1) * SEGMENT;
                out.position(at);
            }
            writeFully(out, view);
            index.writeLong(at);
            index.writeInt(length);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /**
     * Reads the snapshot in {@code file} by mapping it.
     *
     * @return null when it is missing
     * @throws IOException when it cannot be read, or its index is damaged (the message says how)
     */
    public static Contents read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size < 24) {
                throw new IOException("it is " + size + " bytes long, too short to be a snapshot");
            }
            ByteBuffer tail = ByteBuffer.allocate(16);
            in.read(tail, size - 16);
            tail.flip();
            int length = tail.getInt();
            int expected = tail.getInt();
            if (tail.getLong() != MAGIC || length < 0 || length > MAX_INDEX || length > size - 24) {
                throw new IOException("its end is not a snapshot's");
            }
            ByteBuffer head = ByteBuffer.allocate(8);
            in.read(head, 0);
            if (head.flip().getLong() != MAGIC) {
                throw new IOException("its start is not a snapshot's");
            }
            byte[] bytes = new byte[length];
            ByteBuffer indexBuffer = ByteBuffer.wrap(bytes);
            long from = size - 16 - length;
            while (indexBuffer.hasRemaining()) {
                if (in.read(indexBuffer, from + indexBuffer.position()) < 0) {
                    throw new IOException("it ended early");
                }
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            if ((int) crc.getValue() != expected) {
                throw new IOException("its index does not match its checksum");
            }
            ByteBuffer[] segments = new ByteBuffer[(int) ((from + SEGMENT - 1) / SEGMENT) + 1];
            for (int i = 0; i < segments.length; i++) {
                long start = i * SEGMENT;
                long end = Math.min(from, start + SEGMENT);
                segments[i] = end > start ? in.map(FileChannel.MapMode.READ_ONLY, start, end - start) : null;
            }
            try {
                return contents(new DataInputStream(new java.io.ByteArrayInputStream(bytes)), segments, from);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IOException("its index holds a date that is none: " + e.getParsedString());
            }
        }
    }

    private static Contents contents(DataInputStream index, ByteBuffer[] segments, long dataEnd) throws IOException {
        String key = index.readUTF();
        java.time.LocalDate madeOn = java.time.LocalDate.parse(index.readUTF());
        String until = index.readUTF();
        int count = count(index, 1 << 24, "pages");
        if (count < 1) {
            throw new IOException("its index lists no pages");
        }
        List<Stored> pages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pages.add(stored(index, segments, dataEnd));
        }
        int similarCount = index.readInt();
        Map<String, List<String>> similar = new LinkedHashMap<>();
        for (int i = 0; i < similarCount; i++) {
            String slug = index.readUTF();
            String[] slugs = new String[count(index, 1 << 10, "similar answers of " + slug)];
            for (int j = 0; j < slugs.length; j++) {
                slugs[j] = index.readUTF();
            }
            similar.put(slug, Arrays.asList(slugs));
        }
        Map<String, String> redirects = new LinkedHashMap<>();
        for (int i = index.readInt(); i > 0; i--) {
            redirects.put(index.readUTF(), index.readUTF());
        }
        Map<String, java.time.Instant> sent = new LinkedHashMap<>();
        for (int i = index.readInt(); i > 0; i--) {
            sent.put(index.readUTF(), java.time.Instant.parse(index.readUTF()));
        }
        return new Contents(key, madeOn, until.isEmpty() ? null : java.time.LocalDate.parse(until),
                List.copyOf(pages.subList(0, count - 1)), pages.get(count - 1), similar, redirects, sent);
    }

    /** A count the index gives, believed only from 0 to {@code max}: a larger one would fill the heap. */
    private static int count(DataInputStream index, int max, String what) throws IOException {
        int count = index.readInt();
        if (count < 0 || count > max) {
            throw new IOException("its index gives " + count + " " + what);
        }
        return count;
    }

    private static Stored stored(DataInputStream index, ByteBuffer[] segments, long dataEnd) throws IOException {
        String path = index.readUTF();
        String contentType = index.readUTF();
        String cacheControl = index.readUTF();
        boolean rendered = index.readBoolean();
        int[] slots = new int[count(index, 1 << 16, "slots of " + path)];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = index.readInt();
        }
        String etag = index.readUTF();
        ByteBuffer[] bytes = new ByteBuffer[3];
        for (int i = 0; i < 3; i++) {
            long at = index.readLong();
            int length = index.readInt();
            if (at < 0) {
                continue;
            }
            if (length == 0) {
                bytes[i] = ByteBuffer.allocate(0).asReadOnlyBuffer();
                continue;
            }
            if (length < 0 || at + length > dataEnd || at / SEGMENT != (at + length - 1) / SEGMENT && length > 0) {
                throw new IOException("the index places " + path + " outside the file");
            }
            int within = (int) (at % SEGMENT);
            bytes[i] = segments[(int) (at / SEGMENT)].slice(within, length).asReadOnlyBuffer();
        }
        if (bytes[0] == null) {
            throw new IOException("the index has no bytes for " + path);
        }
        return new Stored(path, contentType, cacheControl, rendered, slots, etag, bytes[0], bytes[1], bytes[2]);
    }
}
