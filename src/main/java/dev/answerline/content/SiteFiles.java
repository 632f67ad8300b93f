package dev.answerline.content;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Every file a site's folder holds that a load may read, each with the SHA-256 of its bytes: what decides
 * whether pages rendered before still hold. Files are compared by content, not by time, so a file restored
 * from a backup with an old time still counts as changed; but a file whose size, times and inode are those of
 * an earlier scan is not read again (as git does with its index), unless its time is so close to that scan's
 * that it could have been written again within the same tick of the clock.
 *
 * <p>Left out, as the loader leaves them: hidden folders at the top (.git, an editor's), the data folder, and
 * folders linked from outside the site. A link out of the site, or to a device or a pipe, counts by where it
 * points and is never read: /dev/zero never ends, and a pipe may never answer.
 */
public final class SiteFiles {
    /** Files written this close to a scan are read again by the next: their time may not show a second write. */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * One file as scanned.
     *
     * @param modified its time in nanoseconds since the epoch
     * @param inode what identifies the file on its disk, and the time its inode last changed, which no program
     *     can set back: a file written again in place whose time was then set back still differs
     * @param sha256 of its bytes, or of where a link that is not read points
     */
    public record Stamp(long size, long modified, String inode, byte[] sha256) {
        boolean sameFileAs(Stamp other) {
            return size == other.size && modified == other.modified && inode.equals(other.inode);
        }

        boolean sameBytesAs(Stamp other) {
            return Arrays.equals(sha256, other.sha256);
        }
    }

    private final TreeMap<String, Stamp> files;
    private final long scannedAt;

    private SiteFiles(TreeMap<String, Stamp> files, long scannedAt) {
        this.files = files;
        this.scannedAt = scannedAt;
    }

    /**
     * Scans {@code siteDir}, hashing the files that {@code known} cannot vouch for.
     *
     * @param skip a folder inside the site to leave out (the data folder), or null
     * @param known an earlier scan of the same folder, or null to hash every file
     * @throws IOException when a folder or file cannot be read
     */
    public static SiteFiles scan(Path siteDir, Path skip, SiteFiles known) throws IOException {
        return scan(siteDir, java.util.Arrays.asList(skip), known);
    }

    /**
     * As {@link #scan(Path, Path, SiteFiles)}, leaving out several folders: a build's output folder may be in
     * the site's folder too, and what it writes is no part of the site.
     */
    public static SiteFiles scan(Path siteDir, List<Path> skip, SiteFiles known) throws IOException {
        long started = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        Path root = siteDir.toRealPath();
        List<Path> skipped = new ArrayList<>();
        for (Path folder : skip) {
            if (folder != null && Files.isDirectory(folder)) {
                skipped.add(folder.toRealPath());
            }
        }
        List<Map.Entry<Path, BasicFileAttributes>> found = new ArrayList<>();
        Map<String, String> odd = new HashMap<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean hidden = root.equals(dir.getParent()) && name.startsWith(".");
                Path real = dir.toRealPath();
                return hidden || skipped.contains(real) || !real.startsWith(root) && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                // a plain file (no link) cannot lead out of the site: only links need their real path
                if (attributes.isRegularFile() && (!Files.isSymbolicLink(file) || file.toRealPath().startsWith(root))) {
                    found.add(Map.entry(file, attributes));
                } else {
                    // a link to nothing has no real path: what it says stands for it
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
        TreeMap<String, Stamp> files = new TreeMap<>();
        try {
            found.parallelStream().map(entry -> {
                String name = root.relativize(entry.getKey()).toString();
                BasicFileAttributes attributes = entry.getValue();
                long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                String inode = attributes.fileKey() + " " + changeTime(entry.getKey());
                Stamp before = known == null ? null : known.files.get(name);
                Stamp now = new Stamp(attributes.size(), modified, inode, null);
                if (before != null && before.sameFileAs(now) && modified < known.scannedAt - RACY_NANOS) {
                    return Map.entry(name, before);
                }
                return Map.entry(name, new Stamp(now.size(), modified, inode, hash(entry.getKey())));
            }).toList().forEach(e -> files.put(e.getKey(), e.getValue()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        odd.forEach((name, target) -> files.put(name, new Stamp(-1, 0, "", sha256()
                .digest(("-> " + target).getBytes(StandardCharsets.UTF_8)))));
        return new SiteFiles(files, started);
    }

    /** Every file by its path in the site ({@code answers/x.md}), in order. */
    public Map<String, Stamp> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    /** The paths of the files added, removed or changed in content since {@code earlier}. */
    public Set<String> changedSince(SiteFiles earlier) {
        Set<String> changed = new TreeSet<>();
        files.forEach((name, stamp) -> {
            Stamp was = earlier.files.get(name);
            if (was == null || !was.sameBytesAs(stamp)) {
                changed.add(name);
            }
        });
        earlier.files.keySet().stream().filter(name -> !files.containsKey(name)).forEach(changed::add);
        return changed;
    }

    /**
     * Whether this scan is {@code known} again: the same files, every stamp taken over without reading the file.
     * Such a scan need not be kept again: {@code known}'s older time vouches for the same files.
     */
    public boolean tookAllFrom(SiteFiles known) {
        if (known == null || !files.keySet().equals(known.files.keySet())) {
            return false;
        }
        return files.entrySet().stream().allMatch(e -> e.getValue() == known.files.get(e.getKey()));
    }

    /** Adds every file's path and hash to {@code digest}, in order. */
    public void addTo(MessageDigest digest) {
        files.forEach((name, stamp) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(stamp.sha256());
        });
    }

    /** Writes this scan for {@link #read}. */
    public void write(DataOutput out) throws IOException {
        out.writeLong(scannedAt);
        out.writeInt(files.size());
        for (var e : files.entrySet()) {
            ParseCacheFile.string(out, e.getKey());
            Stamp s = e.getValue();
            out.writeLong(s.size());
            out.writeLong(s.modified());
            ParseCacheFile.string(out, s.inode());
            out.write(s.sha256());
        }
    }

    /**
     * Keeps this scan in {@code file} for the next, with a CRC32C over it, written under another name and renamed
     * into place; a scan that cannot be kept is only scanned in full next time.
     */
    public void keep(Path file) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
            write(new java.io.DataOutputStream(bytes));
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes.toByteArray());
            new java.io.DataOutputStream(bytes).writeLong(crc.getValue());
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(temporary, bytes.toByteArray());
                Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UncheckedIOException e) {
            // the next scan reads every file: slower, never wrong
        }
    }

    /** The scan {@link #keep} kept in {@code file}, or null when there is none or it does not check. */
    public static SiteFiles kept(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 8) {
                return null;
            }
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes, 0, bytes.length - 8);
            if (java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
                return null;
            }
            return read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A scan {@link #write} wrote. */
    public static SiteFiles read(DataInput in) throws IOException {
        long scannedAt = in.readLong();
        TreeMap<String, Stamp> files = new TreeMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            String name = ParseCacheFile.string(in);
            long size = in.readLong();
            long modified = in.readLong();
            String inode = ParseCacheFile.string(in);
            byte[] sha = new byte[32];
            in.readFully(sha);
            files.put(name, new Stamp(size, modified, inode, sha));
        }
        return new SiteFiles(files, scannedAt);
    }

    /** The inode's change time (ctime) in nanoseconds, or nothing where the file system does not say. */
    private static String changeTime(Path file) {
        try {
            return String.valueOf(((java.nio.file.attribute.FileTime) Files.getAttribute(file, "unix:ctime"))
                    .to(TimeUnit.NANOSECONDS));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "";
        }
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
