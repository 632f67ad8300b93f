package dev.answerline.cli;

import dev.answerline.newsletter.ImportReport;
import dev.answerline.newsletter.Newsletter;
import dev.answerline.newsletter.NewsletterException;
import dev.answerline.newsletter.Subscriber;
import dev.answerline.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "subscribers", mixinStandardHelpOptions = true,
        description = "The newsletter's subscribers, for the brand.",
        subcommands = {SubscribersCommand.Export.class, SubscribersCommand.Import.class, SubscribersCommand.Count.class})
final class SubscribersCommand {

    @Command(name = "export", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Writes subscribers with their consent record as CSV to standard output.")
    static final class Export implements Callable<Integer> {
        @Mixin
        private StorageOptions storage;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "only pending, confirmed, unsubscribed or bounced subscribers (default: all)")
        private String status;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Subscriber.Status only;
            try {
                only = status == null ? null : Subscriber.Status.of(status);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--status " + status
                        + " is not a status — use pending, confirmed, unsubscribed or bounced");
            }
            if (!storage.exists()) {
                return noDatabase(spec, storage);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = storage.open()) {
                Newsletter.export(db, only, out);
            }
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Imports subscribers from a CSV file: one written by `subscribers export`, or a list"
                    + " exported from Mailchimp, Substack, listmonk or the like.",
                "Addresses marked confirmed or subscribed in the file are imported as confirmed, with the source in"
                        + " their consent record; others as pending, and they get no mail until they confirm. No"
                        + " email is sent."})
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the CSV file, UTF-8, with a header line")
        private Path file;

        @Mixin
        private StorageOptions storage;

        @Option(names = "--source", paramLabel = "NAME",
                description = "where the list comes from, kept in each consent record (default: the file's name)")
        private String source;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isReadable(file)) {
                throw new NewsletterException("cannot read " + file, "give the path of the CSV file to import");
            }
            String from = source != null ? source : file.getFileName().toString().replaceFirst("\\.csv$", "");
            ImportReport report;
            try (Database db = storage.open(); Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report = Newsletter.importCsv(db, csv, from);
            }
            PrintWriter err = spec.commandLine().getErr();
            report.problems().forEach(p -> err.println(file + ": " + p));
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Imported %s: %d added, %d confirmed or unsubscribed from pending, %d already here and left"
                    + " as they were, %d rows left out.%n", file, report.added(), report.changed(), report.unchanged(),
                    report.problems().size());
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Prints the number of confirmed subscribers.")
    static final class Count implements Callable<Integer> {
        @Mixin
        private StorageOptions storage;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            if (!storage.exists()) {
                return noDatabase(spec, storage);
            }
            try (Database db = storage.open()) {
                spec.commandLine().getOut().println(Newsletter.countConfirmed(db));
            }
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
    }

    static int noDatabase(CommandSpec spec, StorageOptions storage) {
        spec.commandLine().getErr().println("answerline: there is no subscriber database in " + storage.data()
                + " — pass --data with the folder that `answerline serve` used, or --db with its PostgreSQL URL");
        return Main.FAILURE;
    }
}
