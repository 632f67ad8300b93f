package dev.answerline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.answerline.content.Address;
import dev.answerline.insights.Figures;
import dev.answerline.insights.Insights;
import dev.answerline.insights.Period;
import dev.answerline.insights.Report;
import dev.answerline.store.Database;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Prints what serve counted: views, visitors, AI reads, shop clicks, signups and confirmed",
            "signups per answer, and the searches that found nothing (docs/insights.md)."})
final class StatsCommand implements Callable<Integer> {
    @Mixin
    private StorageOptions storage;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "the first day (default: 29 days before --until)")
    private String since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "the last day (default: today, UTC)")
    private String until;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text or json")
    private String format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format " + format + " is not a format — use text or json");
        }
        LocalDate last = until == null ? LocalDate.now(ZoneOffset.UTC) : day("--until", until);
        LocalDate first = since == null ? last.minusDays(29) : day("--since", since);
        Period period;
        try {
            period = new Period(first, last);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--since " + first + " --until " + last + ": "
                    + e.getMessage() + " — give a first day on or before the last, at most " + Period.MAX_DAYS
                    + " days apart");
        }
        if (!storage.exists()) {
            spec.commandLine().getErr().println("answerline: there is no database in " + storage.data()
                    + " — pass --data with the folder that `answerline serve` used, or --db with its PostgreSQL URL");
            return Main.FAILURE;
        }
        Report report;
        try (Database db = storage.open()) {
            report = Insights.read(db, period);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            json(report, out);
        } else {
            text(report, out);
        }
        out.flush();
        return Main.OK;
    }

    private LocalDate day(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " " + text
                    + " is not a day — write it as YYYY-MM-DD, e.g. 2026-11-01");
        }
    }

    private static List<Report.Page> answers(Report report) {
        return report.pages().stream().filter(p -> Address.of(p.path()).kind() == Address.Kind.ANSWER).toList();
    }

    private static void json(Report report, PrintWriter out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("since", report.period().from().toString());
        root.put("until", report.period().until().toString());
        root.put("totals", figures(null, report.totals()));
        List<Object> answers = new ArrayList<>();
        for (Report.Page page : answers(report)) {
            answers.add(figures(page.path(), page.figures()));
        }
        root.put("answers", answers);
        root.put("searches", report.searches());
        List<Object> unanswered = new ArrayList<>();
        for (Report.Query query : report.unanswered()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("query", query.query());
            item.put("count", query.count());
            item.put("last_seen", query.lastSeen().toString());
            unanswered.add(item);
        }
        root.put("searches_without_results", unanswered);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always make JSON", e);
        }
    }

    private static Map<String, Object> figures(String path, Figures figures) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (path != null) {
            item.put("path", path);
        }
        item.put("views", figures.views());
        item.put("visitors", figures.visitors());
        item.put("ai_reads", figures.aiReads());
        item.put("cta_clicks", figures.ctaClicks());
        item.put("signups", figures.signups());
        item.put("confirmed", figures.confirmed());
        return item;
    }

    private static void text(Report report, PrintWriter out) {
        Figures t = report.totals();
        out.printf("%s to %s: %d views, %d visitors, %d AI reads, %d shop clicks, %d signups, %d confirmed%n",
                report.period().from(), report.period().until(), t.views(), t.visitors(), t.aiReads(), t.ctaClicks(),
                t.signups(), t.confirmed());
        List<Report.Page> answers = answers(report);
        if (!answers.isEmpty()) {
            out.println();
            out.printf("%8s %8s %8s %7s %7s %9s  %s%n", "views", "visitors", "AI reads", "clicks", "signups",
                    "confirmed", "answer");
            for (Report.Page page : answers) {
                Figures f = page.figures();
                out.printf("%8d %8d %8d %7d %7d %9d  %s%n", f.views(), f.visitors(), f.aiReads(), f.ctaClicks(),
                        f.signups(), f.confirmed(), page.path());
            }
        }
        if (!report.unanswered().isEmpty()) {
            out.println();
            out.println("Searches that found nothing (" + report.searches() + " searches in all):");
            for (Report.Query query : report.unanswered()) {
                out.printf("%6d  %s (last %s)%n", query.count(), query.query(), query.lastSeen());
            }
        }
    }
}
