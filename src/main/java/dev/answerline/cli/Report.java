package dev.answerline.cli;

import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints a site's problems as {@code path:line: ...} with paths an editor or terminal can open. */
final class Report {
    private Report() {}

    /** Prints every problem and a one-line count; returns the number of errors. */
    static long problems(Site site, PrintWriter err) {
        Path cwd = Path.of("").toAbsolutePath();
        for (Problem problem : site.problems()) {
            Path file = site.dir().toAbsolutePath().resolve(problem.file()).normalize();
            String shown = file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
            err.println(shown + problem.toString().substring(problem.file().length()));
        }
        long errors = site.errorCount();
        if (errors > 0) {
            long files = site.problems().stream().filter(Problem::isError).map(Problem::file).distinct().count();
            err.println(errors + (errors == 1 ? " error" : " errors") + " in " + files
                    + (files == 1 ? " file" : " files") + ". Fix the lines above: content files with errors"
                    + " are left out of the site.");
        }
        err.flush();
        return errors;
    }
}
