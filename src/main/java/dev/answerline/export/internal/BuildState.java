package dev.answerline.export.internal;

import dev.answerline.content.ParseCache;
import dev.answerline.content.SiteFiles;
import dev.answerline.render.Similar;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * What a build left for the next build into the same folder: the site's files as they were, what was read
 * of each answer, the similar answers, and which files were written. One file per output folder under
 * {@code DATA/cache}, written whole under a temporary name and renamed, with a CRC32C over all of it; a file
 * that does not check, or that another engine or other options wrote, is not used.
 *
 * @param key the engine and the options the build ran with
 * @param buildId written into the output folder's marker too: the folder is the one this state describes
 * @param terms what finding the similar answers needs of every answer ({@code KeptTerms})
 * @param paths every page path and old slug of the build, in order
 * @param fileCount how many files the build wrote
 */
public record BuildState(String key, LocalDate today, String buildId, SiteFiles files, byte[] parsed,
        byte[] terms, Similar similar, List<String> paths, int fileCount) {
    private static final String MAGIC = "answerline-build-state 2";

    /** The state file of the builds into {@code out}. */
    public static Path fileFor(Path dataDir, Path out) throws IOException {
        Path real = out.toAbsolutePath().normalize();
        String name = HexFormat.of().formatHex(sha256().digest(real.toString().getBytes(StandardCharsets.UTF_8)), 0, 12);
        return dataDir.resolve("cache").resolve("build-" + name + ".state");
    }

    /**
     * The parse cache kept, its answers as they were when this state was written (see
     * {@link ParseCache#restore}): the caller forgets those that changed since. Empty when it was written for
     * loads that kept the facts otherwise than {@code facts} says (the parsed bytes say which).
     */
    public ParseCache parseCache(Path siteDir, boolean facts) throws IOException {
        ParseCache cache = ParseCache.restore(parsed, siteDir, facts,
                name -> {
                    SiteFiles.Stamp stamp = files.files().get(name);
                    return stamp == null ? null : stamp.sha256();
                });
        return cache == null ? new ParseCache() : cache;
    }

    /** The state in {@code file}, or null when there is none, it is damaged or it was written with another key. */
    public static BuildState read(Path file, String key) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 8) {
                return null;
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 8);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            in.skipNBytes(bytes.length - 8);
            if (in.readLong() != crc.getValue()) {
                return null;
            }
            in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8));
            if (!MAGIC.equals(in.readUTF()) || !key.equals(in.readUTF())) {
                return null;
            }
            LocalDate today = LocalDate.ofEpochDay(in.readLong());
            String buildId = in.readUTF();
            SiteFiles files = SiteFiles.read(in);
            byte[] parsed = new byte[in.readInt()];
            in.readFully(parsed);
            byte[] terms = new byte[in.readInt()];
            in.readFully(terms);
            Map<String, List<String>> similar = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                String slug = in.readUTF();
                List<String> like = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    like.add(in.readUTF());
                }
                similar.put(slug, List.copyOf(like));
            }
            List<String> paths = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                paths.add(in.readUTF());
            }
            int fileCount = in.readInt();
            return new BuildState(key, today, buildId, files, parsed, terms, new Similar(similar),
                    List.copyOf(paths), fileCount);
        } catch (IOException | RuntimeException e) {
            // a state that cannot be read costs a full build, never a wrong one
            return null;
        }
    }

    /** Writes this state to {@code file}, replacing it whole. */
    public void write(Path file) throws IOException {
        place(writeAside(file), file);
    }

    /** Puts a state {@link #writeAside} wrote in place of {@code file}, whole. */
    public static void place(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes this state beside {@code file}, under a name of its own, for {@link #place} once the output it
     * describes is complete: it is written meanwhile.
     *
     * @return the file written
     */
    public Path writeAside(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        boolean written = false;
        try {
            CRC32C crc = new CRC32C();
            try (OutputStream raw = Files.newOutputStream(temporary);
                    BufferedOutputStream buffered = new BufferedOutputStream(raw, 1 << 16)) {
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(buffered, crc));
                out.writeUTF(MAGIC);
                out.writeUTF(key);
                out.writeLong(today.toEpochDay());
                out.writeUTF(buildId);
                files.write(out);
                out.writeInt(parsed.length);
                out.write(parsed);
                out.writeInt(terms.length);
                out.write(terms);
                Map<String, List<String>> bySlug = new java.util.TreeMap<>(similar.bySlug());
                out.writeInt(bySlug.size());
                for (var e : bySlug.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().size());
                    for (String slug : e.getValue()) {
                        out.writeUTF(slug);
                    }
                }
                out.writeInt(paths.size());
                for (String path : paths) {
                    out.writeUTF(path);
                }
                out.writeInt(fileCount);
                out.flush();
                new DataOutputStream(buffered).writeLong(crc.getValue());
            }
            written = true;
            return temporary;
        } finally {
            if (!written) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
