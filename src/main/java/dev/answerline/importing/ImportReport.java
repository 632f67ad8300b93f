package dev.answerline.importing;

import dev.answerline.content.Problem;
import java.io.PrintWriter;
import java.util.List;

/**
 * What an import did: what became what, what it left out and why, what it left alone because an editor changed
 * it, the media still to fetch, and what {@code check} says of the result.
 *
 * @param made one line per file made, {@code answers/x.md <- export.xml:120}
 * @param setAside the files edited since the last import, left alone, with the new version beside them
 * @param findings what could not be carried over as it was, where in the source
 * @param toFetch the addresses of media the source uses that were not found in {@code --media}
 * @param copied the media files taken from {@code --media}, as site paths
 * @param problems what {@code check} found in the imported site
 */
public record ImportReport(Import.Format format, int answers, int posts, int pages, List<String> made,
        List<String> setAside, List<Finding> findings, List<String> toFetch, List<String> copied,
        List<Problem> problems) {
    /** How many errors the report lists; {@code check} lists them all. */
    static final int LISTED_ERRORS = 40;

    public ImportReport {
        made = List.copyOf(made);
        setAside = List.copyOf(setAside);
        findings = List.copyOf(findings);
        toFetch = List.copyOf(toFetch);
        copied = List.copyOf(copied);
        problems = List.copyOf(problems);
    }

    /** The errors {@code check} found: an import with errors exits with 1. */
    public long errors() {
        return problems.stream().filter(Problem::isError).count();
    }

    /** Prints the report for a terminal, most important last: the summary line. */
    public void print(PrintWriter out) {
        out.println("Made:");
        made.forEach(line -> out.println("  " + line));
        if (!copied.isEmpty()) {
            out.println("Media copied from --media:");
            copied.forEach(line -> out.println("  " + line));
        }
        if (!findings.isEmpty()) {
            out.println("Left out or changed:");
            findings.forEach(f -> out.println("  " + f));
        }
        if (!setAside.isEmpty()) {
            out.println("Edited since the last import, so left as they are (the import's version is beside each, as"
                    + " NAME.imported):");
            setAside.forEach(line -> out.println("  " + line));
        }
        if (!toFetch.isEmpty()) {
            out.println("Media to download (no network is used: fetch these, then import again with --media DIR):");
            toFetch.forEach(line -> out.println("  " + line));
        }
        long errors = errors();
        long warnings = problems.size() - errors;
        if (errors > 0) {
            // the warnings of 300 imported answers would bury the errors, and one error in each of them the rest
            // of the report: `check` lists them all
            out.println("Errors in the imported site:");
            List<Problem> listed = Problem.listable(problems.stream().filter(Problem::isError).toList());
            listed.stream().limit(LISTED_ERRORS).forEach(p -> out.println("  " + p));
            if (listed.size() > LISTED_ERRORS) {
                out.println("  and " + (listed.size() - LISTED_ERRORS) + " more: `answerline check --site SITE_DIR`"
                        + " lists them all");
            }
        }
        out.printf("Imported %s, %s and %s from %s; %s left out or changed, %s left as edited, %s to fetch;"
                + " check: %s, %s%s.%n", count(answers, "answer"), count(posts, "blog post"), count(pages, "page"),
                format.label(), findings.size(), count(setAside.size(), "file"), count(toFetch.size(), "media file"),
                count(errors, "error"), count(warnings, "warning"),
                warnings > 0 ? " (`answerline check --site SITE_DIR` lists them)" : "");
        out.flush();
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
