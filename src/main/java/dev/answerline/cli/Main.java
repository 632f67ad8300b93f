package dev.answerline.cli;

import dev.answerline.AnswerlineException;
import dev.answerline.content.ContentException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code answerline} command. Exit codes are decided here and nowhere else. */
@Command(name = "answerline", mixinStandardHelpOptions = true, version = "Answerline 0.1.0",
        description = "Publishes a brand's expert answers hub from Markdown files.",
        subcommands = {ServeCommand.class, BuildCommand.class, CheckCommand.class, NewCommand.class,
            SubscribersCommand.class, NewsletterCommand.class, BackupCommand.class, StatsCommand.class, TemplatesCommand.class,
            ImportCommand.class, BenchSiteCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {
    /** Everything worked. */
    public static final int OK = 0;
    /** The site has content errors (they were printed with file and line). */
    public static final int CONTENT_ERRORS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /**
     * Something outside the content failed: a taken port, an unwritable folder, a broken site.yaml (any
     * {@link AnswerlineException}, printed with its fix), or a bug.
     */
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
            AnswerlineException failure = explained(e);
            if (failure == null) {
                throw e; // not ours to explain: a bug, whose stack trace is what a report needs
            }
            report(failure, commandLine.getErr());
            return FAILURE;
        });
        return cli.execute(args);
    }

    /** Prints a failure as the user reads it: what is wrong and the fix, without a stack trace. */
    static void report(AnswerlineException failure, PrintWriter err) {
        if (failure instanceof ContentException content && !content.problems().isEmpty()) {
            Report.print(content.dir(), content.problems(), err);
            err.println("site.yaml must be fixed first: nothing can be built or served without"
                    + " its brand, title and base_url.");
        } else {
            err.println("answerline: " + failure.getMessage());
        }
        if (failure.bug()) {
            err.println("This is a bug in Answerline, not in your content or settings: please report it, with"
                    + " the command and the message above.");
        }
        err.flush();
    }

    /** The failure as we explained it, also when a library or a thread pool wrapped it on the way. */
    private static AnswerlineException explained(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AnswerlineException failure) {
                return failure;
            }
        }
        return null;
    }
}
