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

    /**
     * The command that starts an answer to a question readers asked (cli's {@code new QUESTION --site DIR});
     * without {@code --site}, {@code new} would write into the bundled demo.
     *
     * @param site the site's folder, or null when unknown
     */
    public static String newAnswer(String question, java.nio.file.Path site) {
        return "bin/answerline new " + quote(question) + " --site "
                + (site == null ? "DIR" : quote(site.toAbsolutePath().normalize().toString()));
    }
}
