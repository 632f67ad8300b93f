package dev.answerline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The temporary folders the search indexes live in, and their removal: on close, when the process ends
 * (SIGTERM, and Ctrl+C the same way, ends {@code serve} through the JVM's shutdown, which does not wait for
 * its clean-up: the folders were left behind), and, for a process that was killed, by the next
 * one: a folder whose Lucene write lock nobody holds belongs to no running process. An index of 100,000
 * answers is hundreds of megabytes, too much to leave behind at every stop.
 */
final class IndexFolders {
    static final String PREFIX = "answerline-index-";
    /** Younger folders are left alone: their process may not have taken the lock yet. */
    private static final Duration SETTLED = Duration.ofMinutes(1);
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private IndexFolders() {}

    /** A new folder, removed when the process ends unless {@link #delete} removed it before. */
    static Path create() throws IOException {
        Path base = base();
        if (STARTED.compareAndSet(false, true)) {
            sweep(base, SETTLED);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(IndexFolders::deleteQuietly),
                    "answerline-index-cleanup"));
        }
        Path folder = Files.createTempDirectory(base, PREFIX);
        LIVE.add(folder);
        return folder;
    }

    /** Java's temporary folder, where the index folders are made. */
    static Path base() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    static void delete(Path folder) throws IOException {
        LIVE.remove(folder);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Removes the index folders in {@code base} older than {@code age} that no process is writing to. */
    static void sweep(Path base, Duration age) {
        Instant before = Instant.now().minus(age);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder) && Files.getLastModifiedTime(folder).toInstant().isBefore(before)
                        && !LIVE.contains(folder) && !locked(folder.resolve("write.lock"))) {
                    deleteQuietly(folder);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // another process's folder, or one that went meanwhile: what is left waits for the next sweep
        }
    }

    /** Whether a live IndexWriter holds this lock file; no file counts as unlocked. */
    private static boolean locked(Path lock) {
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock()) {
            return held == null;
        } catch (OverlappingFileLockException e) {
            return true; // held by this process
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            delete(folder);
        } catch (IOException | UncheckedIOException e) {
            // the system's own cleaner removes what is left in the temporary folder
        }
    }
}
