package dev.answerline.render.internal;

import dev.answerline.content.SiteFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a rendered site depends on, as one SHA-256: the bytes of every file in the site's folder, the engine
 * that renders them (its own classes, the libraries on its class path, the Java version, the compression
 * settings) and the options. Two starts with the same key render the same bytes; any edit, template change
 * or upgrade makes a new key. Files are hashed by content, not by time or size, so a file restored from a
 * backup with an old time still counts as changed.
 */
public final class SnapshotKey {
    private static volatile String engine;

    private SnapshotKey() {}

    /**
     * The key of the site in {@code siteDir} rendered with {@code options}.
     *
     * @param skip a folder inside the site not to hash (the data folder, which holds the snapshot itself), or null
     * @return null when a file cannot be read: such a site is rendered each time rather than risk a wrong key
     */
    public static String of(Path siteDir, Path skip, String options) {
        try {
            MessageDigest digest = sha256();
            digest.update(("answerline-snapshot-1\n" + engine() + "\n" + Compression.brotliAvailable() + "\n" + options
                    + "\n").getBytes(StandardCharsets.UTF_8));
            // the last scan, kept in the data folder, spares reading the files whose size, times and inode stayed
            Path kept = skip == null ? null : skip.resolve("cache").resolve("site-files-" + HexFormat.of()
                    .formatHex(sha256().digest(siteDir.toRealPath().toString().getBytes(StandardCharsets.UTF_8)), 0, 8));
            SiteFiles known = kept == null ? null : SiteFiles.kept(kept);
            SiteFiles files = SiteFiles.scan(siteDir, skip, known);
            // a restart with nothing changed writes nothing (1.6 MB at 10,000 answers)
            if (kept != null && Files.isDirectory(skip) && !files.tookAllFrom(known)) {
                files.keep(kept);
            }
            files.addTo(digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * The engine's part of every key: its classes (the jar, or every file of a classes folder), the class path
     * (the libraries' names carry their versions), the Java version and the compression settings. Made once per
     * process. Whether brotli's native library loads is not part of it (a served site's key adds it): an
     * export makes no brotli, and loading the library only to ask would slow every build.
     */
    public static String engine() {
        String known = engine;
        if (known == null) {
            MessageDigest digest = sha256();
            digest.update((System.getProperty("java.version") + "\n" + System.getProperty("java.class.path") + "\n"
                    + Compression.SETTINGS + "\n").getBytes(StandardCharsets.UTF_8));
            try {
                Path code = Path.of(SnapshotKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(code)) {
                    SiteFiles.scan(code, (Path) null, null).addTo(digest);
                } else {
                    // the CRC-32 and size the jar records for each entry stand for its bytes: reading them is
                    // a tenth of hashing the whole jar in a JVM that has just started, a third of a small build
                    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(code.toFile())) {
                        jar.stream().forEach(entry -> digest.update((entry.getName() + " " + entry.getCrc() + " "
                                + entry.getSize() + "\n").getBytes(StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // an engine that cannot hash itself gets a key of its own each run: no snapshot is ever reused
                digest.update(String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            }
            known = HexFormat.of().formatHex(digest.digest());
            engine = known;
        }
        return known;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
