package dev.answerline.render.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

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
            digest.update(("answerline-snapshot-1\n" + engine() + "\n" + options + "\n").getBytes(StandardCharsets.UTF_8));
            for (var file : files(siteDir, skip).entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** Every file to hash, by its path in the site, with its own SHA-256; hashed two at a time. */
    private static TreeMap<String, byte[]> files(Path siteDir, Path skip) throws IOException {
        Path root = siteDir.toRealPath();
        Path skipped = skip == null || !Files.isDirectory(skip) ? null : skip.toRealPath();
        List<Path> found = new ArrayList<>();
        java.util.Map<String, String> odd = new java.util.HashMap<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                // the loader reads no hidden folder at the top (.git, an editor's): inside static/ it serves them
                boolean hidden = root.equals(dir.getParent()) && name.startsWith(".");
                Path real = dir.toRealPath();
                // a folder linked from outside the site is refused by the loader: its contents cannot matter
                return hidden || real.equals(skipped) || !real.startsWith(root) && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                // a link out of the site, or to a device or a pipe (/dev/zero never ends, a pipe may never
                // answer), is refused by the loader: only where it points is part of the key
                if (attributes.isRegularFile() && file.toRealPath().startsWith(root)) {
                    found.add(file);
                } else {
                    // a link to nothing has no real path: what it says is the key's
                    odd.put(root.relativize(file).toString(), Files.isSymbolicLink(file)
                            ? String.valueOf(Files.readSymbolicLink(file)) : "special " + attributes.fileKey());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        TreeMap<String, byte[]> hashed = new TreeMap<>();
        List<java.util.Map.Entry<String, byte[]>> each = found.parallelStream()
                .map(file -> java.util.Map.entry(root.relativize(file).toString(), hash(file))).toList();
        each.forEach(entry -> hashed.put(entry.getKey(), entry.getValue()));
        odd.forEach((name, target) -> hashed.put(name, ("-> " + target).getBytes(StandardCharsets.UTF_8)));
        return hashed;
    }

    private static byte[] hash(Path file) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 << 10];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest.digest();
    }

    /**
     * The engine's part of every key: its classes (the jar, or every file of a classes folder), the class path
     * (the libraries' names carry their versions) and the Java version. Made once per process.
     */
    static String engine() {
        String known = engine;
        if (known == null) {
            MessageDigest digest = sha256();
            digest.update((System.getProperty("java.version") + "\n" + System.getProperty("java.class.path") + "\n"
                    + Compression.SETTINGS + "\n" + Compression.brotliAvailable() + "\n").getBytes(StandardCharsets.UTF_8));
            try {
                Path code = Path.of(SnapshotKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(code)) {
                    files(code, null).forEach((name, hash) -> {
                        digest.update(name.getBytes(StandardCharsets.UTF_8));
                        digest.update(hash);
                    });
                } else {
                    digest.update(hash(code));
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
