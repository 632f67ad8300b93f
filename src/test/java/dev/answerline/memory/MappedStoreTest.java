package dev.answerline.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedStoreTest {
    @TempDir
    Path dir;

    @Test
    void keptBytesReadBackAndLeaveNoFileBehind() throws Exception {
        MappedStore store = new MappedStore(dir);
        ByteBuffer one = store.keep("first".getBytes());
        ByteBuffer two = store.keep(new byte[70 << 20]); // larger than a chunk: a file of its own

        byte[] back = new byte[one.remaining()];
        one.duplicate().get(back);
        assertThat(new String(back)).isEqualTo("first");
        assertThat(two.remaining()).isEqualTo(70 << 20);
        assertThat(one.isReadOnly()).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFolderWithoutRoomIsNamedWithTheFix() {
        MappedStore store = new MappedStore(dir, () -> 10L << 20);

        assertThatThrownBy(() -> store.keep(new byte[100]))
                .isInstanceOf(MemoryException.class)
                .hasMessageContaining("the temporary folder " + dir + " has 10 MiB free")
                .hasMessageContaining("needs 64 MiB more")
                .hasMessageContaining("-Djava.io.tmpdir=");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMissingFolderIsNamedWithTheFix() {
        Path missing = dir.resolve("gone");
        MappedStore store = new MappedStore(missing);

        assertThatThrownBy(() -> store.keep(new byte[100]))
                .isInstanceOf(MemoryException.class)
                .hasMessage("cannot use the temporary folder " + missing + " for pages and texts kept outside the heap:"
                        + " no such file or folder — check that it exists, is writable and has room, or point Java at"
                        + " another folder: ANSWERLINE_JAVA_OPTS=-Djava.io.tmpdir=/path/to/folder");
    }
}
