package dev.answerline.cli;

import dev.answerline.importing.Import;
import dev.answerline.importing.ImportReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Moves an existing hub into a site folder: a WordPress export (WXR), a Hugo or Jekyll site,"
                + " or saved HTML pages. Prints what became what and what was left out, then checks the result."
                + " Files edited since the last import into the same folder are left alone (the new version is"
                + " written beside them as NAME.imported). Exits with 1 when the imported site has errors."})
final class ImportCommand implements Callable<Integer> {
    /** The formats as {@code --from} spells them. */
    enum From { wordpress, hugo, html }

    @Parameters(paramLabel = "SOURCE", description = "the WordPress export file, the Hugo or Jekyll site's folder,"
            + " or the folder (or file) of saved pages")
    private Path source;

    @Option(names = "--out", paramLabel = "SITE_DIR", required = true,
            description = "the site folder to write into; made when missing")
    private Path out;

    @Option(names = "--from", paramLabel = "FORMAT", description = "wordpress, hugo or html (default: told from SOURCE)")
    private From from;

    @Option(names = "--category-map", paramLabel = "FILE",
            description = "a YAML file of `source-category: answers` (or answers/ID, blog, pages, skip) lines")
    private Path categoryMap;

    @Option(names = "--media", paramLabel = "DIR",
            description = "a folder of the media files already downloaded, copied into static/media/")
    private Path media;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ImportReport report = Import.run(new Import.Request(source, out,
                from == null ? null : Import.Format.of(from.name()), categoryMap, media, LocalDate.now()));
        PrintWriter stdout = spec.commandLine().getOut();
        report.print(stdout);
        return report.errors() > 0 ? Main.CONTENT_ERRORS : Main.OK;
    }
}
