package dev.answerline.render.internal;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** The encodings pages are precompressed into, once, when they are rendered. */
public final class Compression {
    /** Loaded when first needed: an export makes no brotli, and loading the native library slows every build. */
    private static final class Brotli {
        /**
         * Brotli's quality: 6 makes an answer page 6.5% smaller than gzip's best in about the same time
         * (0.7 ms against 0.6); 11 makes it 18% smaller but takes 26 ms, which for 20,000 pages is minutes of
         * start-up.
         */
        static final Encoder.Parameters PARAMETERS = new Encoder.Parameters().setQuality(6)
                .setMode(Encoder.Mode.TEXT);
        /** False where brotli4j has no native library for the platform: pages are then sent with gzip only. */
        static final boolean LOADED = Brotli4jLoader.isAvailable();
    }

    /**
     * The settings the encodings are made with, for the name of a cache of them: a change here (a level, the
     * brotli library) starts a new cache rather than mixing encodings made differently.
     */
    public static final String SETTINGS = "gzip9-brotli6-text-b4j1.24.0";

    private Compression() {}

    /** False where brotli4j has no native library for this platform. */
    public static boolean brotliAvailable() {
        return Brotli.LOADED;
    }

    /** True for content types that compression makes smaller. */
    public static boolean pays(String contentType) {
        return contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("xml")
                || contentType.contains("javascript") || contentType.contains("svg")
                || contentType.equals("image/x-icon");
    }

    /** The gzip encoding at the best compression: made once, served many times. */
    public static byte[] gzip(byte[] bytes) {
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

    /** The brotli encoding, or null when brotli is not available here. */
    public static byte[] brotli(byte[] bytes) {
        if (!Brotli.LOADED) {
            return null;
        }
        try {
            return Encoder.compress(bytes, Brotli.PARAMETERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
