package dev.answerline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.answerline.check.Checker;
import dev.answerline.check.Note;
import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Checks the content: errors (broken links, files Answerline rejects) and warnings on what"
                + " makes answers win (see docs/checks.md). Exits with 1 when there are errors."})
final class CheckCommand implements Callable<Integer> {
    /** How the findings are printed. */
    enum Format { text, json }

    @Mixin
    private SiteOption site;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    private Format format;

    @Option(names = "--today", paramLabel = "DATE",
            description = "check as on this day, YYYY-MM-DD: what is published, how old reviews are (default: today)")
    private LocalDate today;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Site loaded = Site.load(site.dir(), today != null ? today : LocalDate.now());
        List<Problem> problems = Checker.check(loaded);
        List<Note> notes = Checker.notes(loaded.config());
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(problems, notes, errors, warnings));
        } else {
            Report.print(loaded.dir(), problems, out);
            Report.notes(loaded.dir(), notes, out);
            out.println(problems.isEmpty() ? "No problems: " + loaded.answers().size() + " answers checked."
                    : errors + (errors == 1 ? " error" : " errors") + " and " + warnings
                            + (warnings == 1 ? " warning" : " warnings") + " in " + loaded.answers().size()
                            + " answers.");
        }
        out.flush();
        return errors > 0 ? Main.CONTENT_ERRORS : Main.OK;
    }

    static String json(List<Problem> problems, List<Note> notes, long errors, long warnings) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("errors", errors);
        root.put("warnings", warnings);
        ArrayNode list = root.putArray("problems");
        for (Problem problem : problems) {
            ObjectNode item = list.addObject();
            item.put("file", problem.file());
            item.put("line", problem.line());
            item.put("severity", problem.severity().label());
            item.put("rule", problem.rule());
            item.put("message", problem.what());
            item.put("fix", problem.fix());
        }
        if (!notes.isEmpty()) {
            ArrayNode noted = root.putArray("notes");
            for (Note note : notes) {
                noted.addObject().put("file", note.file()).put("line", note.line()).put("message", note.text());
            }
        }
        return mapper.writeValueAsString(root);
    }
}
