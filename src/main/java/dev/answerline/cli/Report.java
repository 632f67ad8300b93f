package dev.answerline.cli;

import dev.answerline.check.Note;
import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import dev.answerline.render.Templates;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Prints problems as {@code path:line: ...} with paths an editor or terminal can open from here. */
final class Report {
    private Report() {}

    /**
     * Prints a site's problems, those of its own templates among them, and a one-line count; returns the number of
     * errors.
     */
    static long problems(Site site, PrintWriter err) {
        List<Problem> all = new ArrayList<>(site.problems());
        all.addAll(Templates.of(site.templates()).problems());
        all.sort(Problem.BY_PLACE);
        print(site.dir(), all, err);
        long errors = all.stream().filter(Problem::isError).count();
        if (errors > 0) {
            long files = all.stream().filter(Problem::isError).map(Problem::file).distinct().count();
            err.println(errors + (errors == 1 ? " error" : " errors") + " in " + files
                    + (files == 1 ? " file" : " files") + ". Until they are fixed, content files with errors are left"
                    + " out of the site, site.yaml settings with errors are ignored and templates with errors replaced by"
                    + " the built-in ones.");
        }
        err.flush();
        return errors;
    }

    /** Prints problems, their files shown relative to the working folder when they are under it. */
    static void print(Path siteDir, List<Problem> problems, PrintWriter err) {
        for (Problem problem : problems) {
            err.println(shown(siteDir, problem.file()) + problem.toString().substring(problem.file().length()));
        }
        err.flush();
    }

    /** Prints notes, as {@link #print} prints problems. */
    static void notes(Path siteDir, List<Note> notes, PrintWriter out) {
        for (Note note : notes) {
            out.println(shown(siteDir, note.file()) + note.toString().substring(note.file().length()));
        }
        out.flush();
    }

    private static String shown(Path siteDir, String name) {
        Path cwd = Path.of("").toAbsolutePath();
        Path file = siteDir.toAbsolutePath().resolve(name).normalize();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
