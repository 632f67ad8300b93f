package dev.answerline.cli;

import dev.answerline.sample.SampleSite;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-site", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Writes a large sample site for benchmarks: the demo's settings and supporting files, and"
                + " as many generated answers of realistic shape as asked. The same arguments give the same site.")
final class BenchSiteCommand implements Callable<Integer> {
    @Option(names = "--answers", defaultValue = "10000", description = "how many answers")
    private int answers;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "a new or empty folder")
    private Path out;

    @Option(names = "--seed", defaultValue = "42", description = "the seed of the text generator")
    private long seed;

    @Mixin
    private SiteOption site;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        SampleSite.write(site.dir(), out, answers, seed);
        spec.commandLine().getOut().printf("Wrote %d answers into %s in %d ms.%n", answers, out,
                (System.nanoTime() - started) / 1_000_000);
        return Main.OK;
    }
}
