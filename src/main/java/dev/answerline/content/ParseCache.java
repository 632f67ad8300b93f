package dev.answerline.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an earlier load read from each file of a site folder, so that loading it again reads only the files
 * that changed. A file's entry stays good until {@link #invalidate(Path)} says it changed, which the file
 * watcher of {@code serve --watch} does for every file it sees change. Answers and blog posts are read
 * again as well whenever what they were checked against changes (categories, authors, calls to action, the
 * base URL).
 *
 * <p>Thread-safe; one cache belongs to one site folder.
 */
public final class ParseCache {
    /** One content file as read: what it became (null when it had errors) and the problems found in it. */
    record Read(String file, String slug, Content value, List<Problem> problems) {
        Read {
            // as listed (Problem.listable): the loader lists them once, and a restored entry is already listed
            problems = List.copyOf(problems);
        }
    }

    /** site.yaml as read. */
    record Config(Path file, SiteConfig config, List<Problem> problems) {}

    /** What answers and blog posts were checked against when they were read. */
    record References(String baseUrl, Set<String> ctas, String defaultCta, Set<String> authors, Set<String> categories,
            Map<String, Map<String, String>> rejected) {}

    private final Map<Path, Read> files = new ConcurrentHashMap<>();
    /**
     * Restored entries as {@link #save} wrote them: saved again as they are while the entry is the same, since
     * writing 10,000 answers afresh was a third of a build after an edit.
     */
    private final Map<Read, ParseCacheFile.Saved> saved = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** The content files of each folder as last listed; dropped when a file there appears or goes away. */
    private final Map<Path, List<Path>> listings = new ConcurrentHashMap<>();
    private volatile Config config;
    private volatile References references;

    /** Forgets a file: the next load reads it again (and lists its folder again if it is new or gone). */
    public void invalidate(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Config known = config;
        if (known != null && known.file().equals(absolute)) {
            config = null;
        }
        boolean read = files.remove(absolute) != null;
        if (!read || !Files.exists(absolute)) {
            listings.remove(absolute.getParent());
        }
    }

    /** Forgets everything. */
    public void clear() {
        files.clear();
        listings.clear();
        config = null;
        references = null;
    }

    /**
     * Writes what this cache read of the answer files, for {@link #restore} in a later run: the build keeps it
     * beside its output, so that a build after editing one answer parses only that one.
     *
     * @param facts whether the loads that filled this cache kept the facts {@code check} reads ({@link Keeping})
     */
    public void save(Path siteDir, boolean facts, java.io.DataOutput out) throws java.io.IOException {
        ParseCacheFile.write(this, siteDir, facts, out);
    }

    /**
     * A cache holding what {@link #save} wrote (the bytes it wrote), for the answer files {@code hashes} knows; their bodies are read
     * again only when asked for, and only from a file with the bytes it had then.
     *
     * @param hashes the SHA-256 each answer file had when this was saved, by its path in the site
     *     ({@code answers/x.md}), or null for one not to restore
     * @return null when it was written by another version of this format or for loads of another kind
     * @throws java.io.IOException when it cannot be read or is damaged
     */
    public static ParseCache restore(byte[] saved, Path siteDir, boolean facts,
            java.util.function.Function<String, byte[]> hashes) throws java.io.IOException {
        return ParseCacheFile.read(saved, siteDir, facts, hashes);
    }

    /** A cache with what this one holds, which each may then forget on its own. */
    public ParseCache copy() {
        ParseCache copy = new ParseCache();
        copy.files.putAll(files);
        copy.saved.putAll(saved);
        copy.references = references;
        return copy;
    }

    java.util.Collection<Map.Entry<Path, Read>> entries() {
        return java.util.List.copyOf(new java.util.TreeMap<>(files).entrySet());
    }

    /** The form {@link #save} last wrote of an entry, if it is one restored. */
    ParseCacheFile.Saved saved(Read read) {
        return saved.get(read);
    }

    void saved(Read read, ParseCacheFile.Saved form) {
        saved.put(read, form);
    }

    References references() {
        return references;
    }

    void restoreReferences(References known) {
        references = known;
    }

    /** @param file absolute and normalised, as the loader's paths are */
    Read read(Path file) {
        return files.get(file);
    }

    void read(Path file, Read read) {
        files.put(file, read);
    }

    Config config() {
        return config;
    }

    void config(Config read) {
        config = read;
    }

    /**
     * Keeps what answers and posts are checked against; when it differs from what they were read with, forgets
     * the files of {@code folders}, to be read again.
     */
    void references(References now, List<Path> folders) {
        if (!now.equals(references)) {
            for (Path folder : folders) {
                Path absolute = folder.toAbsolutePath().normalize();
                files.keySet().removeIf(path -> path.startsWith(absolute));
            }
            references = now;
        }
    }

    List<Path> listing(Path folder) {
        return listings.get(folder);
    }

    void listing(Path folder, List<Path> files) {
        listings.put(folder, files);
    }
}
