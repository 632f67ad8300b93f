package dev.answerline.cli;

import dev.answerline.content.ContentException;
import dev.answerline.export.ExportException;
import dev.answerline.newsletter.NewsletterException;
import dev.answerline.render.RenderException;
import dev.answerline.server.ServerException;
import dev.answerline.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code answerline} command. Exit codes are decided here and nowhere else. */
@Command(name = "answerline", mixinStandardHelpOptions = true, version = "Answerline 0.1.0",
        description = "Publishes a brand's expert answers hub from Markdown files.",
        subcommands = {ServeCommand.class, BuildCommand.class, CheckCommand.class, NewCommand.class,
            SubscribersCommand.class, BenchSiteCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {
    /** Everything worked. */
    public static final int OK = 0;
    /** The site has content errors (they were printed with file and line). */
    public static final int CONTENT_ERRORS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Something outside the content failed: a taken port, an unwritable folder, a broken site.yaml. */
    public static final int FAILURE = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; used by {@link #main} and tests. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> FAILURE);
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
                e.getCommandLine().usage(err);
            }
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ContentException content && !content.problems().isEmpty()) {
                Report.print(content.dir(), content.problems(), commandLine.getErr());
                commandLine.getErr().println("site.yaml must be fixed first: nothing can be built or served without"
                        + " its brand, title and base_url.");
                return FAILURE;
            }
            if (e instanceof ContentException || e instanceof ServerException || e instanceof ExportException
                    || e instanceof StoreException || e instanceof NewsletterException) {
                commandLine.getErr().println("answerline: " + e.getMessage());
                return FAILURE;
            }
            if (e instanceof RenderException) {
                commandLine.getErr().println("answerline: " + e.getMessage()
                        + " — this is a bug in Answerline, not in your content; please report it");
                return FAILURE;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
