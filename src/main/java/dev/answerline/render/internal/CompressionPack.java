package dev.answerline.render.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Compressed encodings kept in one append-only file, by the SHA-256 of the bytes they encode: whatever
 * made those bytes, their encodings are the same, so an entry never goes stale and needs no invalidation.
 * A record is a header (magic, key, gzip length, brotli length, CRC32C of both) and the two encodings. At
 * open the file is read header by header; a torn record at its end (a crash while appending) ends it there,
 * and a record whose bytes do not match their checksum when read is treated as missing. Thread-safe; one
 * process at a time (a file lock).
 */
public final class CompressionPack implements AutoCloseable {
    private static final int MAGIC = 0x414c4331; // "ALC1"
    private static final int HEADER = 4 + 32 + 4 + 4 + 4;
    /** Encodings larger than this are not packed: no page comes near it, and a bad length must be caught. */
    private static final int MAX_LENGTH = 64 << 20;

    /** The two encodings of some bytes; brotli is null when it was not made. */
    public record Entry(byte[] gzip, byte[] brotli) {}

    private record Slot(long offset, int gzipLength, int brotliLength, int crc) {}

    private final Path file;
    private final long compactAbove;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<ByteBuffer, Slot> index;
    private final Set<ByteBuffer> used = new HashSet<>();
    private long end;

    private CompressionPack(Path file, long compactAbove, FileChannel channel, FileLock lock,
            Map<ByteBuffer, Slot> index, long end) {
        this.file = file;
        this.compactAbove = compactAbove;
        this.channel = channel;
        this.lock = lock;
        this.index = index;
        this.end = end;
    }

    /**
     * Opens or creates the pack {@code file}, or returns null when another process holds it.
     *
     * @param compactAbove the size in bytes above which {@link #close()} may write the pack again
     * @throws IOException when it cannot be created or read
     */
    public static CompressionPack open(Path file, long compactAbove) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        Map<ByteBuffer, Slot> index = new HashMap<>();
        long size = channel.size();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (at + HEADER <= size) {
            header.clear();
            readFully(channel, header, at);
            header.flip();
            if (header.getInt() != MAGIC) {
                break;
            }
            byte[] key = new byte[32];
            header.get(key);
            int gzip = header.getInt();
            int brotli = header.getInt();
            int crc = header.getInt();
            if (gzip < 0 || brotli < 0 || gzip > MAX_LENGTH || brotli > MAX_LENGTH
                    || at + HEADER + gzip + brotli > size) {
                break;
            }
            index.put(ByteBuffer.wrap(key), new Slot(at + HEADER, gzip, brotli, crc));
            at += HEADER + gzip + brotli;
        }
        // what follows the last whole record is a torn append: the next one is written over it
        return new CompressionPack(file, compactAbove, channel, lock, index, at);
    }

    /** The encodings of the bytes with SHA-256 {@code key}, or null when they are not here or damaged. */
    public Entry get(byte[] key) {
        ByteBuffer name = ByteBuffer.wrap(key);
        Slot slot;
        synchronized (this) {
            slot = index.get(name);
        }
        if (slot == null) {
            return null;
        }
        try {
            ByteBuffer both = ByteBuffer.allocate(slot.gzipLength() + slot.brotliLength());
            readFully(channel, both, slot.offset());
            CRC32C crc = new CRC32C();
            crc.update(both.array());
            if ((int) crc.getValue() != slot.crc()) {
                return null;
            }
            byte[] gzip = new byte[slot.gzipLength()];
            byte[] brotli = slot.brotliLength() == 0 ? null : new byte[slot.brotliLength()];
            both.flip();
            both.get(gzip);
            if (brotli != null) {
                both.get(brotli);
            }
            synchronized (this) {
                used.add(name);
            }
            return new Entry(gzip, brotli);
        } catch (IOException e) {
            return null;
        }
    }

    /** Adds the encodings of the bytes with SHA-256 {@code key}; a later entry for a key wins. */
    public void put(byte[] key, Entry entry) throws IOException {
        byte[] brotli = entry.brotli() == null ? new byte[0] : entry.brotli();
        CRC32C crc = new CRC32C();
        crc.update(entry.gzip());
        crc.update(brotli);
        ByteBuffer record = ByteBuffer.allocate(HEADER + entry.gzip().length + brotli.length);
        record.putInt(MAGIC).put(key).putInt(entry.gzip().length).putInt(brotli.length).putInt((int) crc.getValue())
                .put(entry.gzip()).put(brotli).flip();
        synchronized (this) {
            long at = end;
            while (record.hasRemaining()) {
                at += channel.write(record, at);
            }
            ByteBuffer name = ByteBuffer.wrap(key.clone());
            index.put(name, new Slot(end + HEADER, entry.gzip().length, brotli.length, (int) crc.getValue()));
            used.add(name);
            end = at;
        }
    }

    /** Entries in the pack, for tests and the console. */
    public synchronized int size() {
        return index.size();
    }

    /**
     * Closes the pack, first writing it again with only the entries this run used when they are less than
     * half of it: pages that changed leave their old encodings behind. A run that asked for nothing (a start
     * from a page snapshot) says nothing about what is stale, and leaves the pack as it is.
     */
    @Override
    public synchronized void close() throws IOException {
        try {
            long live = used.stream().map(index::get).mapToLong(s -> HEADER + s.gzipLength() + s.brotliLength()).sum();
            if (!used.isEmpty() && end > compactAbove && live * 2 < end) {
                compact();
            }
        } finally {
            lock.release();
            channel.close();
        }
    }

    private void compact() throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (ByteBuffer name : used) {
                Slot slot = index.get(name);
                long from = slot.offset() - HEADER;
                long length = HEADER + slot.gzipLength() + slot.brotliLength();
                long done = 0;
                while (done < length) {
                    done += channel.transferTo(from + done, length - done, out);
                }
            }
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
        long position = at;
        while (into.hasRemaining()) {
            int read = channel.read(into, position);
            if (read < 0) {
                throw new IOException("the pack ends early");
            }
            position += read;
        }
    }
}
