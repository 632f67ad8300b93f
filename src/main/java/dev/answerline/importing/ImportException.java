package dev.answerline.importing;

import dev.answerline.AnswerlineException;

/** An import that cannot start or cannot be written: a source that is not what it says, a folder not writable. */
public final class ImportException extends AnswerlineException {
    private static final long serialVersionUID = 1L;

    public ImportException(String problem, String fix) {
        super(problem, fix, false, null);
    }

    public ImportException(String problem, String fix, Throwable cause) {
        super(problem, fix, false, cause);
    }
}
