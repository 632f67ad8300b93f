package dev.answerline.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFoldersTest {
    @TempDir
    Path base;

    private Path folder(String name, Duration age) throws Exception {
        Path folder = Files.createDirectories(base.resolve(name));
        Files.writeString(folder.resolve("_0.cfs"), "segment");
        Files.createFile(folder.resolve("write.lock")); // left unlocked, as by a process that was killed
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(age)));
        return folder;
    }

    @Test
    void aKilledProcessesIndexIsRemovedButNotOneInUseOrTooYoungOrNotOurs() throws Exception {
        Path killed = folder(IndexFolders.PREFIX + "killed", Duration.ofHours(2));
        Path young = folder(IndexFolders.PREFIX + "young", Duration.ZERO);
        Path other = folder("someone-elses-index", Duration.ofHours(2));
        Path live = Files.createDirectories(base.resolve(IndexFolders.PREFIX + "live"));
        try (IndexWriter writer = new IndexWriter(new MMapDirectory(live), new IndexWriterConfig(new StandardAnalyzer()))) {
            Files.setLastModifiedTime(live, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

            IndexFolders.sweep(base, Duration.ofMinutes(1));

            assertThat(killed).doesNotExist();
            assertThat(young).exists();
            assertThat(other).exists();
            assertThat(live.resolve("write.lock")).exists();
        }
    }
}
