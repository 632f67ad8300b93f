package dev.answerline.cli;

import dev.answerline.content.Site;
import dev.answerline.newsletter.IssueSender;
import dev.answerline.newsletter.MailSettings;
import dev.answerline.newsletter.SendRate;
import dev.answerline.store.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "newsletter", mixinStandardHelpOptions = true,
        description = "Sends newsletter issues to the confirmed subscribers.",
        subcommands = {NewsletterCommand.Send.class})
final class NewsletterCommand {

    @Command(name = "send", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Sends the issue newsletters/SLUG.md to every confirmed subscriber, each exactly once,"
                    + " through the SMTP server in ANSWERLINE_SMTP_*.",
                "Safe to stop and run again: it sends only what was not sent. Several runs (or app nodes) on one"
                        + " PostgreSQL database share the work."})
    static final class Send implements Callable<Integer> {
        @Parameters(paramLabel = "SLUG", description = "the issue: newsletters/SLUG.md in the site")
        private String slug;

        @Mixin
        private SiteOption site;

        @Mixin
        private StorageOptions storage;

        @Option(names = "--test", paramLabel = "ADDRESS",
                description = "send one copy, subject \"[Test] ...\", to this address only; records nothing")
        private String test;

        @Option(names = "--rate", paramLabel = "N/s|N/h", description = "the most messages per second or per hour,"
                + " or both as two options (default: 5/s and 1000/h, safe for a small SMTP account)")
        private List<String> rates = List.of();

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            SendRate rate = SendRate.parse(rates);
            MailSettings mail = MailSettings.fromEnvironment(System.getenv());
            if (mail == null) {
                throw IssueSender.noSmtpServer();
            }
            if (!storage.exists()) {
                return SubscribersCommand.noDatabase(spec, storage);
            }
            Site loaded = Site.load(site.dir(), LocalDate.now());
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = storage.open()) {
                SendProgress progress = new SendProgress(out, System.console() != null, Clock.systemUTC());
                IssueSender sender = IssueSender.builder(db, loaded, mail).rate(rate).progress(progress).build();
                if (test != null) {
                    sender.sendTest(slug, test);
                    out.println("Sent a test copy of " + slug + " to " + test + "; nothing was recorded.");
                } else {
                    out.println("Sending " + slug + " at most " + rate + ".");
                    out.flush();
                    // SIGTERM and Ctrl+C: the message in hand is finished and recorded, then the command ends
                    StopSignals.onStop(sender::stop);
                    IssueSender.Tally tally = sender.send(slug);
                    progress.finish(tally);
                    if (sender.stopped() && tally.left() > 0) {
                        out.println("Stopped: " + tally.sent() + " sent, " + tally.left() + " left. Run the same command"
                                + " again to send the rest; nobody gets the issue twice.");
                        out.flush();
                        return Main.OK;
                    }
                    out.println("Done: " + tally.sent() + " sent, " + tally.bounced() + " bounced, " + tally.failed()
                            + " failed, " + tally.skipped() + " skipped (unsubscribed or bounced while it went out).");
                }
            }
            out.flush();
            return Main.OK;
        }
    }
}
