package dev.answerline.cli;

import dev.answerline.newsletter.Newsletter;
import dev.answerline.newsletter.Subscriber;
import dev.answerline.store.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "subscribers", mixinStandardHelpOptions = true,
        description = "The newsletter's subscribers, for the brand.",
        subcommands = {SubscribersCommand.Export.class, SubscribersCommand.Count.class})
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

    private static int noDatabase(CommandSpec spec, StorageOptions storage) {
        spec.commandLine().getErr().println("answerline: there is no subscriber database in " + storage.data()
                + " — pass --data with the folder that `answerline serve` used, or --db with its PostgreSQL URL");
        return Main.FAILURE;
    }
}
