package dev.answerline.memory;

import dev.answerline.AnswerlineException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Bytes could not be kept outside the heap: the temporary folder they are mapped from (pages, long bodies,
 * the search index) is missing, cannot be written, or has no room. The same folder takes the native code of
 * SQLite's driver, which fails the same way.
 */
public final class MemoryException extends AnswerlineException {
    private static final long serialVersionUID = 1L;

    /** Something the user can put right: {@code problem — fix}. */
    public MemoryException(String problem, String fix, Throwable cause) {
        super(problem, Objects.requireNonNull(fix, "fix"), false, cause);
    }

    /**
     * The temporary folder {@code dir} could not be used for {@code purpose} ("the search index"). The fix
     * names both ways out, since the folder is Java's ({@code java.io.tmpdir}), not an option of ours.
     */
    public static MemoryException temporaryFolder(Path dir, String purpose, Exception cause) {
        return new MemoryException("cannot use the temporary folder " + dir + " for " + purpose + ": "
                + reason(cause), "check that it exists, is writable and has room, or point Java at another folder:"
                + " ANSWERLINE_JAVA_OPTS=-Djava.io.tmpdir=/path/to/folder", cause);
    }
}
