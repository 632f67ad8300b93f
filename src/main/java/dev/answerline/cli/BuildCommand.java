package dev.answerline.cli;

import dev.answerline.content.Site;
import dev.answerline.export.Export;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import dev.answerline.search.SearchIndex;
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

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "build",
            description = "the folder to write; an earlier build there is replaced")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        Site loaded = Site.load(site.dir());
        long errors = Report.problems(loaded, spec.commandLine().getErr());
        Pages pages;
        // the static export has no search; the index finds each answer's most similar ones
        try (SearchIndex index = SearchIndex.build(loaded)) {
            pages = Renderer.render(loaded, Renderer.Options.publish(index.similar()));
        }
        Export.Summary summary = Export.write(pages, out, 0);
        stdout.printf("Built %d pages (%d files) into %s in %d ms.%n", pages.size(), summary.files(), out,
                (System.nanoTime() - started) / 1_000_000);
        stdout.flush();
        return errors > 0 ? Main.CONTENT_ERRORS : Main.OK;
    }
}
