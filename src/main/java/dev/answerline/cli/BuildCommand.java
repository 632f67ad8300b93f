package dev.answerline.cli;

import java.time.LocalDate;
import dev.answerline.export.Export;
import dev.answerline.render.CompressionCache;
import dev.answerline.newsletter.SentIssues;
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

    @Option(names = "--gzip", description = "also write a .gz twin of every text file, for a host that sends"
            + " precompressed files (nginx's gzip_static); other hosts compress on their own")
    private boolean gzip;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        // newsletter issues are published once sent, which only the database knows: none without one
        java.util.Map<String, java.time.Instant> sent = java.util.Map.of();
        if (storage.exists()) {
            try (Database db = storage.open()) {
                sent = SentIssues.read(db);
            }
        }
        Export.Built built;
        // the .gz twins of pages built or served before come from the data folder's cache, and what the last
        // build into the same folder read and wrote from its state there, when there is one
        Path data = storage.data() != null && java.nio.file.Files.isDirectory(storage.data()) ? storage.data() : null;
        try (CompressionCache compression = data != null && gzip ? CompressionCache.in(data.resolve("cache"))
                : CompressionCache.NONE) {
            built = Export.build(site.dir(), out, data, LocalDate.now(), sent, compression, gzip);
        }
        long errors = Report.problems(built.site(), spec.commandLine().getErr());
        Export.Summary summary = built.summary();
        stdout.printf("Built %d files into %s in %d ms%s.%n", summary.files(), out,
                (System.nanoTime() - started) / 1_000_000, built.touched() < 0 ? ""
                        : ", writing again the " + built.touched() + " pages the changes touched");
        stdout.flush();
        return errors > 0 ? Main.CONTENT_ERRORS : Main.OK;
    }
}
