package dev.answerline.cli;

import dev.answerline.AnswerlineException;
import dev.answerline.content.ContentException;
import dev.answerline.content.Suggestions;
import dev.answerline.render.Templates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "A site's own versions of Answerline's templates, in its templates/ folder (docs/templates.md).",
        subcommands = {TemplatesCommand.List.class, TemplatesCommand.Copy.class})
final class TemplatesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists Answerline's templates, as a site's version of one is named.")
    static final class List implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Templates.names().forEach(out::println);
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = {"Copies one of Answerline's templates into the site's templates/ folder, to change it there.",
                "From then on the site's pages are rendered with the copy."})
    static final class Copy implements Callable<Integer> {
        @Mixin
        private SiteOption site;

        @Parameters(paramLabel = "NAME", description = "the template, as `answerline templates list` names it,"
                + " e.g. answer.jte or tag/cta.jte")
        private String name;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            String wanted = name.endsWith(".jte") ? name : name + ".jte";
            String source = Templates.source(wanted);
            if (source == null) {
                throw new ParameterException(spec.commandLine(), "there is no template " + name + " — "
                        + Suggestions.closest(wanted, Templates.names()).map(s -> "did you mean " + s + "? ")
                                .orElse("") + "`answerline templates list` shows them all");
            }
            Path file = site.dir().resolve("templates").resolve(wanted);
            if (Files.exists(file)) {
                throw new ContentException(file + " is already there", "edit that copy, or delete it first to copy the"
                        + " built-in template again");
            }
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, source, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ContentException("cannot write " + file + ": " + AnswerlineException.describe(e),
                        "check that the site folder is writable", e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Copied " + wanted + " to " + file + ". Its parameters are in docs/templates.md; pages use"
                    + " the copy from now on.");
            out.flush();
            return Main.OK;
        }
    }
}
