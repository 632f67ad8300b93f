package dev.answerline.render;

import dev.answerline.render.internal.Compression;
import dev.answerline.render.internal.CompressionPack;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gzip and brotli encodings of pages, kept on disk between runs by the SHA-256 of the bytes they encode,
 * so that a restart compresses only the pages whose bytes changed: at 10,000 answers a restart took 0.88 of
 * the first start (bench/README.md). The key is the SHA-256 a page computes for its entity tag anyway.
 * An entry is right for as long as the bytes exist, so nothing is ever invalidated; the file's name
 * carries the compression settings, so a change of those starts a new one.
 *
 * <pre>{@code
 * try (CompressionCache cache = CompressionCache.in(dataDir.resolve("cache"))) {
 *     Pages pages = Renderer.render(site, Renderer.Options.serve(similar).with(cache));
 * }
 * }</pre>
 *
 * <p>Thread-safe. One process at a time uses a folder's cache; another one compresses as if it had none. The
 * file is opened when a page is first compressed.
 */
public final class CompressionCache implements AutoCloseable {
    /** No cache: every page is compressed. */
    public static final CompressionCache NONE = new CompressionCache(null, 0);

    /** The pack's file, or null for {@link #NONE}. */
    private final Path file;
    private final long compactAbove;
    /** Opened when first needed: a build after an edit compresses a page or two, and reading the index is more. */
    private CompressionPack pack;
    private boolean opened;

    private CompressionCache(Path file, long compactAbove) {
        this.file = file;
        this.compactAbove = compactAbove;
        this.opened = file == null;
    }

    /** Logged when first needed: starting the logger is a tenth of a short build. */
    private static Logger log() {
        return LoggerFactory.getLogger("render");
    }

    private synchronized CompressionPack pack() {
        if (!opened) {
            opened = true;
            try {
                pack = CompressionPack.open(file, compactAbove);
                if (pack == null) {
                    log().warn("{} is in use by another answerline process: this one compresses every page itself",
                            file);
                }
            } catch (IOException e) {
                log().warn("the compression cache {} cannot be used ({}): every page is compressed at start", file,
                        e.getMessage());
            }
        }
        return pack;
    }

    /**
     * The cache in {@code dir}, made when missing; {@link #NONE}, with a warning, when it cannot be opened or
     * another process is using it.
     */
    public static CompressionCache in(Path dir) {
        return in(dir, 8L << 20);
    }

    /** The same, writing the file again at close when it is over {@code compactAbove} bytes and mostly unused. */
    static CompressionCache in(Path dir, long compactAbove) {
        return new CompressionCache(dir.resolve("compressed-" + Compression.SETTINGS + ".pack"), compactAbove);
    }

    /** Encodings in the cache, for tests and the console. */
    public int size() {
        CompressionPack pack = pack();
        return pack == null ? 0 : pack.size();
    }

    /**
     * The gzip encoding of {@code bytes}, and brotli's when {@code withBrotli}: from the cache or made now.
     *
     * @param key the SHA-256 of {@code bytes}, which the page has for its entity tag anyway
     */
    CompressionPack.Entry encode(byte[] bytes, byte[] key, boolean withBrotli) {
        CompressionPack pack = pack();
        if (pack == null) {
            return new CompressionPack.Entry(Compression.gzip(bytes), withBrotli ? Compression.brotli(bytes) : null);
        }
        CompressionPack.Entry kept = pack.get(key);
        if (kept != null && (!withBrotli || kept.brotli() != null || !Compression.brotliAvailable())) {
            return kept;
        }
        CompressionPack.Entry made = new CompressionPack.Entry(kept != null ? kept.gzip() : Compression.gzip(bytes),
                withBrotli ? Compression.brotli(bytes) : null);
        try {
            pack.put(key, made);
        } catch (IOException e) {
            log().warn("the compression cache cannot be written ({}); the page is served all the same",
                    e.getMessage());
        }
        return made;
    }

    /** Closes the file, dropping the encodings of pages this run did not have when they are most of it. */
    @Override
    public synchronized void close() {
        if (pack != null) {
            try {
                pack.close();
            } catch (IOException e) {
                log().warn("the compression cache was not closed cleanly ({}); the next start reads what is whole",
                        e.getMessage());
            }
        }
    }
}
