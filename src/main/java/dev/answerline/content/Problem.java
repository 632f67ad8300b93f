package dev.answerline.content;

import java.util.Comparator;

/**
 * Something wrong with a site's content, where it is, and how to fix it.
 *
 * <p>Printed as {@code file:line: severity: what — fix (rule)}, the form editors' tools and terminals
 * turn into a jump to the line.
 *
 * @param file the file, relative to the site folder, with forward slashes
 * @param line 1-based line in that file, or 0 for the file as a whole (printed without a line)
 * @param severity whether the site can be published with it
 * @param rule a stable id of the kind of problem, e.g. {@code unknown-key}
 * @param what what is wrong, in the editor's words
 * @param fix how to fix it
 */
public record Problem(String file, int line, Severity severity, String rule, String what, String fix) {

    /** Orders problems by file, then line, so reports read top to bottom. */
    public static final Comparator<Problem> BY_PLACE =
            Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparing(Problem::rule);

    public static Problem error(String file, int line, String rule, String what, String fix) {
        return new Problem(file, line, Severity.ERROR, rule, what, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.label() + ": " + what + " — " + fix + " (" + rule + ")";
    }
}
