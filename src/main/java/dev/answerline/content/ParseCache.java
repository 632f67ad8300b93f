package dev.answerline.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an earlier load read from each content file, so that loading a site again reads only the files that
 * changed. A file's entry stays good until {@link #invalidate(Path)} says it changed, which the file
 * watcher of {@code serve --watch} does for every file it sees change. Answers and blog posts are read
 * again as well whenever the categories, authors or site.yaml they refer to change.
 *
 * <p>Thread-safe; one cache belongs to one site folder.
 */
public final class ParseCache {
    final Map<Path, Object> parsed = new ConcurrentHashMap<>();
    /** The content files of each folder as last listed; dropped when a file there appears or goes away. */
    final Map<Path, List<Path>> listings = new ConcurrentHashMap<>();
    /** The categories, authors and calls to action that cached answers and posts were checked against. */
    volatile Object references;

    /** Forgets a file: the next load reads it again (and lists its folder again if it is new or gone). */
    public void invalidate(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        boolean known = parsed.remove(absolute) != null;
        if (!known || !Files.exists(absolute)) {
            listings.remove(absolute.getParent());
        }
    }

    /** Forgets everything. */
    public void clear() {
        parsed.clear();
        listings.clear();
        references = null;
    }

    /** @param file absolute and normalised, as the loader's paths are */
    Object get(Path file) {
        return parsed.get(file);
    }

    void put(Path file, Object value) {
        parsed.put(file, value);
    }

    /** Forgets the files of one folder, e.g. {@code answers}. */
    void invalidateFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        parsed.keySet().removeIf(path -> path.startsWith(absolute));
    }

    List<Path> listing(Path folder) {
        return listings.get(folder);
    }

    void listing(Path folder, List<Path> files) {
        listings.put(folder, files);
    }
}
