package dev.answerline.content;

import java.nio.file.Path;
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
    /** The categories, authors and calls to action that cached answers and posts were checked against. */
    volatile Object references;

    /** Forgets a file: the next load reads it again. */
    public void invalidate(Path file) {
        parsed.remove(file.toAbsolutePath().normalize());
    }

    /** Forgets everything. */
    public void clear() {
        parsed.clear();
        references = null;
    }

    Object get(Path file) {
        return parsed.get(file.toAbsolutePath().normalize());
    }

    void put(Path file, Object value) {
        parsed.put(file.toAbsolutePath().normalize(), value);
    }

    /** Forgets the files of one folder, e.g. {@code answers}. */
    void invalidateFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        parsed.keySet().removeIf(path -> path.startsWith(absolute));
    }
}
