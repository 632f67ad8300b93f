package dev.answerline.cli;

import dev.answerline.content.Keeping;
import dev.answerline.content.Site;
import java.time.LocalDate;
import dev.answerline.export.Export;
import dev.answerline.render.CompressionCache;
import dev.answerline.newsletter.SentIssues;
import dev.answerline.search.SearchIndex;
import dev.answerline.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Writes the whole site as static files any web server can host."
                + " Exits with 1 when content files have errors.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    private SiteOption site;

    @Mixin
    private StorageOptions storage;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "build",
            description = "the folder to write; an earlier build there is replaced")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        // the bodies and their HTML stay outside the heap until written, as a served site's do
        Site loaded = Site.load(site.dir(), LocalDate.now(), false, null, Keeping.publish());
        long errors = Report.problems(loaded, spec.commandLine().getErr());
        // the static export has no search: only the similar answers are needed from Lucene
        // newsletter issues are published once sent, which only the database knows: none without one
        java.util.Map<String, java.time.Instant> sent = java.util.Map.of();
        if (storage.exists()) {
            try (Database db = storage.open()) {
                sent = SentIssues.read(db);
            }
        }
        Export.Summary summary;
        // the .gz twins of pages built or served before come from the data folder's cache, when there is one
        try (CompressionCache compression = storage.data() != null && java.nio.file.Files.isDirectory(storage.data())
                ? CompressionCache.in(storage.data().resolve("cache")) : CompressionCache.NONE) {
            summary = Export.write(loaded, SearchIndex.similar(loaded), out, 0, sent, compression);
        }
        stdout.printf("Built %d files into %s in %d ms.%n", summary.files(), out,
                (System.nanoTime() - started) / 1_000_000);
        stdout.flush();
        return errors > 0 ? Main.CONTENT_ERRORS : Main.OK;
    }
}
