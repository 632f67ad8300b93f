package dev.answerline.watch;

import dev.answerline.AnswerlineException;
import dev.answerline.content.ContentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder and its subfolders, and reports the files that changed in batches: an editor's save is
 * often several events (write to a temporary file, rename), which arrive together as one batch. Folders
 * created later are watched too. An overflow of events is reported as the folder itself, meaning
 * "anything may have changed".
 */
final class Watcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("watch");
    /** How long the folder must stay quiet before a batch is reported. */
    private static final long QUIET_MILLIS = 10;

    private final Path root;
    private final WatchService service;
    private final Thread thread;

    private Watcher(Path root, Consumer<Set<Path>> changes) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.service = FileSystems.getDefault().newWatchService();
        registerTree(this.root);
        this.thread = new Thread(() -> loop(changes), "answerline-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching {@code root}; {@code changes} is called on the watcher's thread, one batch at a time. */
    static Watcher start(Path root, Consumer<Set<Path>> changes) {
        try {
            return new Watcher(root, changes);
        } catch (IOException | UncheckedIOException e) {
            throw new ContentException("cannot watch " + root + ": " + AnswerlineException.describe(e), "check the"
                    + " permissions of its folders; when a limit was reached, raise it (sysctl"
                    + " fs.inotify.max_user_watches, fs.inotify.max_user_instances), or serve without --watch", e);
        }
    }

    private void registerTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop(Consumer<Set<Path>> changes) {
        try {
            while (true) {
                Set<Path> batch = new LinkedHashSet<>();
                WatchKey key = service.take();
                do {
                    collect(key, batch);
                    key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (!batch.isEmpty()) {
                    try {
                        changes.accept(batch);
                    } catch (RuntimeException | StackOverflowError e) {
                        // whatever a file holds, the next save must still be seen: the thread goes on
                        LOG.error("the preview could not be updated: {}", e.toString(), e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void collect(WatchKey key, Set<Path> batch) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                batch.add(root);
                continue;
            }
            Path file = dir.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                try {
                    registerTree(file);
                    try (Stream<Path> inside = Files.walk(file)) {
                        inside.filter(Files::isRegularFile).forEach(batch::add);
                    }
                } catch (IOException e) {
                    LOG.warn("cannot watch the new folder {}: {}", file, e.getMessage());
                }
            }
            batch.add(file);
        }
        key.reset();
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.warn("closing the file watcher failed: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
