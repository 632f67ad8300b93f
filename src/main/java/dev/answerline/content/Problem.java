package dev.answerline.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /**
     * How many problems of one file are listed. A file with 50,000 unknown keys printed 50,000 lines (issue
     * 14); the first twenty say what is wrong with it, and the rest often go away with them.
     */
    public static final int LISTED_PER_FILE = 20;

    public static Problem error(String file, int line, String rule, String what, String fix) {
        return new Problem(file, line, Severity.ERROR, rule, what, fix);
    }

    /**
     * The problems to list, by place: for each file the first {@link #LISTED_PER_FILE}, and for a file with
     * more, one {@code too-many-problems} line at the first one left out that counts the rest. That line is
     * an error when any of the rest is, so that leaving problems out never turns a failing site into a
     * passing one.
     */
    public static List<Problem> listable(Collection<Problem> problems) {
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        problems.stream().sorted(BY_PLACE)
                .forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        List<Problem> listed = new ArrayList<>(problems.size());
        for (List<Problem> ofFile : byFile.values()) {
            if (ofFile.size() <= LISTED_PER_FILE) {
                listed.addAll(ofFile);
                continue;
            }
            listed.addAll(ofFile.subList(0, LISTED_PER_FILE));
            List<Problem> rest = ofFile.subList(LISTED_PER_FILE, ofFile.size());
            Problem first = rest.get(0);
            Severity severity = rest.stream().anyMatch(Problem::isError) ? Severity.ERROR : Severity.WARNING;
            listed.add(new Problem(first.file(), first.line(), severity, "too-many-problems",
                    String.format(Locale.ROOT, "%,d more %s in this file, from this line on, %s not listed",
                            rest.size(), rest.size() == 1 ? "problem" : "problems", rest.size() == 1 ? "is" : "are"),
                    "fix the " + LISTED_PER_FILE + " listed and run again"));
        }
        return List.copyOf(listed);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.label() + ": " + what + " — " + fix + " (" + rule + ")";
    }
}
