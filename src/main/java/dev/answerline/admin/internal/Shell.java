package dev.answerline.admin.internal;

/** Commands the dashboard shows for copying into a terminal. */
public final class Shell {
    private Shell() {}

    /**
     * A word for a POSIX shell that is exactly {@code text}: single quotes take everything literally
     * ({@code $(...)}, backquotes, {@code "}, {@code \}), and a single quote is closed, escaped and reopened.
     * Searches are whatever readers typed: never let one run as a command.
     */
    public static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The command that starts an answer to a question readers asked (cli's {@code new QUESTION}). */
    public static String newAnswer(String question) {
        return "bin/answerline new " + quote(question);
    }
}
