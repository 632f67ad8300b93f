package dev.answerline.importing.internal;

import dev.answerline.importing.ImportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an import's files into a site folder without losing an editor's work. The folder keeps, in
 * {@value #MANIFEST}, the SHA-256 of every file an import wrote. The next import into it then
 * <ul>
 *   <li>writes a file that is not there;
 *   <li>leaves a file that already holds what it would write;
 *   <li>replaces a file that is as the last import wrote it;
 *   <li>and never replaces any other file (edited by hand since, or not written by an import): it writes
 *       what it would have written beside it, as {@code name.imported}, for the editor to compare.
 * </ul>
 */
public final class SiteFolder {
    /** The list of what imports wrote, at the top of the site folder. */
    public static final String MANIFEST = ".answerline-import";
    /** What is added to the name of a file an import did not replace. */
    public static final String ASIDE = ".imported";

    /** What became of one file. */
    public enum Outcome { WRITTEN, REPLACED, UNCHANGED, SET_ASIDE }

    /** One file and what became of it. */
    public record Written(String file, Outcome outcome) {}

    private SiteFolder() {}

    /**
     * Writes {@code files} (paths relative to {@code dir}, with forward slashes) into {@code dir}.
     *
     * @throws ImportException when the folder cannot be written, or a path would leave it (a symlink)
     */
    public static List<Written> write(Path dir, Map<String, byte[]> files) {
        try {
            Files.createDirectories(dir);
            Path root = dir.toRealPath();
            Map<String, String> known = read(root.resolve(MANIFEST));
            List<Written> written = new ArrayList<>();
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                Path target = inside(root, file.getKey());
                String hash = sha256(file.getValue());
                Outcome outcome;
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    outcome = Outcome.WRITTEN;
                } else {
                    String now = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                            ? sha256(Files.readAllBytes(target)) : "";
                    if (now.equals(hash)) {
                        outcome = Outcome.UNCHANGED;
                    } else if (now.equals(known.get(file.getKey()))) {
                        outcome = Outcome.REPLACED;
                    } else {
                        outcome = Outcome.SET_ASIDE;
                    }
                }
                switch (outcome) {
                    case WRITTEN, REPLACED -> {
                        put(target, file.getValue());
                        known.put(file.getKey(), hash);
                    }
                    case UNCHANGED -> known.put(file.getKey(), hash);
                    case SET_ASIDE -> put(inside(root, file.getKey() + ASIDE), file.getValue());
                }
                written.add(new Written(file.getKey(), outcome));
            }
            StringBuilder manifest = new StringBuilder("# what `answerline import` wrote here, by SHA-256: a file that"
                    + " no longer has its hash was edited, and the next import leaves it alone\n");
            known.forEach((name, hash) -> manifest.append(hash).append("  ").append(name).append('\n'));
            put(root.resolve(MANIFEST), manifest.toString().getBytes(StandardCharsets.UTF_8));
            return written;
        } catch (IOException e) {
            throw new ImportException("cannot write the imported site into " + dir + ": "
                    + dev.answerline.AnswerlineException.describe(e),
                    "check that the folder is writable and the disk has room", e);
        }
    }

    /** The path of {@code name} in {@code root}, refusing one that a symlink on the way would lead elsewhere. */
    private static Path inside(Path root, String name) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new ImportException("the import would write " + name + " outside " + root,
                    "this is a bug: report it with the source you imported");
        }
        for (Path part = target.getParent(); part != null && !part.equals(root); part = part.getParent()) {
            if (Files.isSymbolicLink(part)) {
                throw new ImportException(root.relativize(part) + " in " + root + " is a symbolic link",
                        "import into a folder without links, or replace the link by a folder");
            }
        }
        if (Files.isSymbolicLink(target)) {
            throw new ImportException(name + " in " + root + " is a symbolic link",
                    "remove the link, or import into another folder");
        }
        return target;
    }

    private static void put(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path aside = target.resolveSibling(target.getFileName() + ".part");
        // made anew, never opened through a link someone left under that name
        Files.deleteIfExists(aside);
        Files.write(aside, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        Files.move(aside, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> read(Path manifest) throws IOException {
        Map<String, String> known = new TreeMap<>();
        if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                int gap = line.indexOf("  ");
                if (!line.startsWith("#") && gap == 64) {
                    known.put(line.substring(gap + 2), line.substring(0, gap));
                }
            }
        }
        return known;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
