package dev.answerline.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * Keeps byte arrays outside the Java heap, in memory-mapped temporary files, and hands back read-only
 * views of them. A served site's pages and its Markdown bodies are most of its memory (a 10,000-answer
 * export is 377 MB of HTML, Markdown and gzip; 100,000 bodies are ~400 MB); mapped, they live in the
 * operating system's page cache, which the heap limit does not count and which can write them out under
 * memory pressure, and Jetty writes pages to the socket without first copying them onto the heap.
 *
 * <p>Bytes are appended and never freed one by one: a file's mapping, and with it the disk space of the
 * already deleted file, goes when no view of it is left, e.g. once every page it held has been encoded
 * again (for a new subscriber count) and the old views have been collected. No file is made before the
 * first array is kept. Thread-safe.
 *
 * <p>A folder that is missing, cannot be written or has no room is a {@link MemoryException} that says so.
 */
public final class MappedStore {
    /** Size of each mapped file; a larger array gets a file of its own. */
    private static final int CHUNK = 64 << 20;

    private final Path dir;
    private final LongSupplier free;
    private MappedByteBuffer chunk;

    /** @param dir where the temporary files are made; they are deleted at once and live on as mappings */
    public MappedStore(Path dir) {
        this(dir, () -> usableSpace(dir));
    }

    /** @param free the bytes free in {@code dir}, asked before each new file */
    MappedStore(Path dir, LongSupplier free) {
        this.dir = dir;
        this.free = free;
    }

    /** A store in the system's temporary folder. */
    public static MappedStore temporary() {
        return new MappedStore(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A read-only view of a copy of {@code bytes} outside the heap. */
    public ByteBuffer keep(byte[] bytes) {
        ByteBuffer target;
        synchronized (this) {
            if (chunk == null || chunk.remaining() < bytes.length) {
                chunk = map(Math.max(CHUNK, bytes.length));
            }
            int at = chunk.position();
            chunk.position(at + bytes.length);
            target = chunk.slice(at, bytes.length);
        }
        try {
            // copying needs no lock: each caller writes only its own region
            target.put(bytes);
        } catch (InternalError e) {
            // how the JVM reports a write to a mapped file the disk has no room for
            throw noRoom(bytes.length, e);
        }
        return target.flip().asReadOnlyBuffer();
    }

    private MappedByteBuffer map(int size) {
        Path file = null;
        try {
            // made first, so that a folder that cannot take files at all says so rather than how full it is
            file = Files.createTempFile(dir, "answerline-mapped-", ".bin");
            if (free.getAsLong() < size) {
                // the file is sparse: without this check a full disk would show only when bytes are written into it
                throw noRoom(size, null);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                return channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            }
        } catch (IOException e) {
            throw MemoryException.temporaryFolder(dir, "pages and texts kept outside the heap", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Bytes free in a folder; unknown counts as enough, and mapping then says what is wrong. */
    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private MemoryException noRoom(long needed, Throwable cause) {
        return new MemoryException("the temporary folder " + dir + " has " + (free.getAsLong() >> 20) + " MiB free,"
                + " and keeping pages and texts outside the heap needs " + Math.max(1, needed >> 20) + " MiB more",
                "free some space there, or point Java at a larger disk:"
                + " ANSWERLINE_JAVA_OPTS=-Djava.io.tmpdir=/path/to/folder", cause);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                // the mapping stays valid; the space is freed when it goes
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless and the system's cleaner removes it
            }
        }
    }
}
