package dev.answerline.cli;

import dev.answerline.AnswerlineException;
import dev.answerline.content.Author;
import dev.answerline.content.Category;
import dev.answerline.content.ContentException;
import dev.answerline.content.Site;
import dev.answerline.content.Slug;
import dev.answerline.content.Suggestions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Starts a new answer: answers/{slug}.md with its front matter and sections, as a draft.")
final class NewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "QUESTION", description = "the question, as a reader would ask it")
    private String question;

    @Option(names = "--category", paramLabel = "ID", description = "its category (default: the first one)")
    private String category;

    @Option(names = "--author", paramLabel = "ID", description = "its author (default: the first by name)")
    private String author;

    @Mixin
    private SiteOption site;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Site loaded = Site.load(site.dir());
        String slug = Slug.of(question);
        String categoryId = pick("category", category, loaded.categories().stream().map(Category::id).toList(), err);
        String authorId = pick("author", author, loaded.authors().stream().map(Author::id).toList(), err);
        if (categoryId == null || authorId == null) {
            return Main.USAGE;
        }
        if (loaded.answer(slug).isPresent() || loaded.aliases().containsKey(slug)) {
            err.println("answerline: the site already has an answer at /answers/" + slug
                    + " — edit it, or ask the question differently");
            return Main.FAILURE;
        }
        Path file = loaded.dir().resolve("answers").resolve(slug + ".md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, skeleton(slug, categoryId, authorId), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            err.println("answerline: " + display(file) + " already exists — edit it, or ask the question differently");
            return Main.FAILURE;
        } catch (IOException e) {
            throw new ContentException("cannot write " + display(file) + ": " + AnswerlineException.describe(e),
                    "check that the site folder is writable and its disk has room", e);
        }
        out.println("Wrote " + display(file) + " (a draft: set `draft: false` when it is ready).");
        out.println("Preview it at http://localhost:8080/answers/" + slug + " with: bin/answerline serve --watch"
                + " --drafts" + (site.given() ? " --site " + loaded.dir() : ""));
        out.println("Then run bin/answerline check to see what it still needs.");
        out.flush();
        return Main.OK;
    }

    /** The id asked for if it exists, else the first one; null after explaining when there is none. */
    private static String pick(String kind, String wanted, List<String> ids, PrintWriter err) {
        if (ids.isEmpty()) {
            err.println("answerline: the site has no " + kind + " yet — add one in " + kind
                    + (kind.equals("category") ? "ies/" : "s/") + " first (see docs/content-format.md)");
            return null;
        }
        if (wanted == null) {
            return ids.get(0);
        }
        if (ids.contains(wanted)) {
            return wanted;
        }
        err.println("answerline: there is no " + kind + " `" + wanted + "` — " + Suggestions.closest(wanted, ids)
                .map(s -> "did you mean `" + s + "`?").orElse("use one of: " + String.join(", ", ids)));
        return null;
    }

    private String skeleton(String slug, String categoryId, String authorId) {
        String quoted = "\"" + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return """
                ---
                question: %s
                description: >-
                  One or two sentences, 120 to 156 characters, that say what the reader learns here.
                  Search results show them under the title.
                answer: >-
                  The answer itself first: for a yes-or-no question, start with Yes or No. Then the main
                  reason, in 40 to 60 words that make sense on their own, because answer engines quote them.
                takeaways:
                  - The first thing a reader should do or remember.
                  - The second one, in under 20 words.
                  - The third one.
                category: %s
                author: %s
                published: %s
                bottom_line: >-
                  The one sentence to remember.
                related:
                  - question: What do readers ask next?
                    answer: >-
                      Two to four sentences that answer it. Give the reason too.
                draft: true
                ---
                ## Why it matters

                Explain why in short paragraphs. Link to the blog post or product that goes deeper, and cite the
                study behind the answer: [Author et al., Journal, Year](https://pubmed.ncbi.nlm.nih.gov/00000000/).

                ## How to do it

                The steps, one per line:

                1. First step.
                2. Second step.

                ## When to be careful

                Who should not do this, and when to see a professional.
                """.formatted(quoted, categoryId, authorId, LocalDate.now());
    }

    private static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
