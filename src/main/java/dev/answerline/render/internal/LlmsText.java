package dev.answerline.render.internal;

import dev.answerline.markdown.Markdown;
import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.content.Answer;
import dev.answerline.content.Author;
import dev.answerline.content.Category;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.language.Label;
import dev.answerline.language.Labels;
import java.util.List;
import java.util.Map;

/**
 * What AI assistants read: {@code /llms.txt} after the llms.txt proposal (an H1 with the brand, a quoted
 * summary, an H2 per category listing its answers), {@code /llms-full.txt} with every direct answer and
 * its takeaways, and a clean Markdown twin of each answer at {@code /answers/{slug}.md}. Links are absolute,
 * since these files are read away from the site.
 */
public final class LlmsText {
    public static final String INDEX = Address.of(Kind.LLMS).path();
    public static final String FULL = Address.of(Kind.LLMS_FULL).path();

    private final Site site;
    private final SiteConfig config;
    private final Labels labels;
    private final Map<String, String> fragments;

    /** @param fragments llms-full.txt entries kept from earlier renders, by slug, or null to keep none */
    public LlmsText(Site site, Map<String, String> fragments) {
        this.site = site;
        this.config = site.config();
        this.labels = config.labels();
        this.fragments = fragments;
    }

    public String index() {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(line(config.brand())).append("\n\n");
        text.append("> ").append(line(summary())).append("\n\n");
        text.append(labels.text(Label.LLMS_INTRO, line(config.brand()), config.absolute(FULL))).append('\n');
        for (Category category : site.categories()) {
            List<Answer> answers = site.answersIn(category);
            if (answers.isEmpty()) {
                continue;
            }
            text.append("\n## ").append(line(category.name())).append("\n\n");
            for (Answer answer : answers) {
                item(text, answer.question(), answer.path(), answer.description());
            }
        }
        if (!site.posts().isEmpty() || !site.pages().isEmpty()) {
            // the llms.txt proposal's name for a section readers may skip: a keyword, in any language
            text.append("\n## Optional\n\n");
            site.posts().forEach(p -> item(text, p.title(), p.path(), p.description()));
            site.pages().forEach(p -> item(text, p.title(), p.path(), p.description()));
        }
        return text.toString();
    }

    private void item(StringBuilder text, String title, String path, String description) {
        text.append("- [").append(linkText(title)).append("](").append(config.absolute(path)).append("): ")
                .append(line(description)).append('\n');
    }

    /** Every answer's direct answer and takeaways, by category. */
    public String full() {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(line(config.title())).append("\n\n");
        text.append("> ").append(line(summary())).append("\n");
        for (Category category : site.categories()) {
            List<Answer> answers = site.answersIn(category);
            if (answers.isEmpty()) {
                continue;
            }
            text.append("\n## ").append(line(category.name())).append('\n');
            for (Answer answer : answers) {
                text.append(fragments == null ? entry(answer) : fragments.computeIfAbsent(answer.slug(), slug -> entry(answer)));
            }
        }
        return text.toString();
    }

    /** An answer's entry in llms-full.txt: its direct answer and takeaways. */
    private String entry(Answer answer) {
        String url = config.absolute(answer.path());
        StringBuilder text = new StringBuilder();
        text.append("\n### ").append(line(answer.question())).append("\n\n");
        text.append("URL: ").append(url).append('\n');
        text.append(labels.text(Label.LLMS_BY, line(site.author(answer.author()).name()), answer.lastModified()))
                .append("\n\n");
        text.append(outside(answer.answer(), url)).append("\n\n");
        text.append(labels.text(Label.LLMS_TAKEAWAYS)).append("\n\n");
        answer.takeaways().forEach(t -> text.append("- ").append(outside(t, url))
                .append('\n'));
        return text.toString();
    }

    /** An answer as clean Markdown: the same parts as its page, without the site around it. */
    public String twin(Answer answer) {
        String url = config.absolute(answer.path());
        Author author = site.author(answer.author());
        Category category = site.category(answer.category());
        StringBuilder text = new StringBuilder();
        text.append("# ").append(line(answer.question())).append("\n\n");
        text.append("- URL: ").append(url).append('\n');
        text.append("- ").append(labels.text(Label.TWIN_CATEGORY)).append(": [").append(linkText(category.name()))
                .append("](").append(config.absolute(category.path())).append(")\n");
        text.append("- ").append(labels.text(Label.TWIN_AUTHOR)).append(": [").append(linkText(author.name()))
                .append("](").append(config.absolute(author.path())).append("), ").append(line(author.role()))
                .append('\n');
        text.append("- ").append(labels.text(Label.TWIN_PUBLISHED)).append(": ").append(answer.published())
                .append('\n');
        if (answer.updated() != null) {
            text.append("- ").append(labels.text(Label.TWIN_UPDATED)).append(": ").append(answer.updated())
                    .append('\n');
        }
        if (answer.reviewedBy() != null) {
            Author reviewer = site.author(answer.reviewedBy());
            text.append("- ").append(labels.text(Label.TWIN_REVIEWED)).append(": [").append(linkText(reviewer.name()))
                    .append("](").append(config.absolute(reviewer.path())).append(") ")
                    .append(labels.text(Label.REVIEWED_ON)).append(' ').append(answer.reviewed()).append('\n');
        }
        text.append("\n## ").append(labels.text(Label.DIRECT_ANSWER)).append("\n\n")
                .append(outside(answer.answer(), url)).append("\n\n## ").append(labels.text(Label.KEY_TAKEAWAYS))
                .append("\n\n");
        answer.takeaways().forEach(t -> text.append("- ").append(outside(t, url))
                .append('\n'));
        String body = answer.source().prose().outside();
        if (!body.isEmpty()) {
            text.append('\n').append(body).append('\n');
        }
        if (!answer.related().isEmpty()) {
            text.append("\n## ").append(labels.text(Label.RELATED_QUESTIONS)).append('\n');
            for (Answer.Related related : answer.related()) {
                text.append("\n### ").append(line(related.question())).append("\n\n")
                        .append(outside(related.answer(), url)).append('\n');
            }
        }
        text.append("\n## ").append(labels.text(Label.BOTTOM_LINE)).append("\n\n").append(outside(answer.bottomLine(), url))
                .append('\n');
        if (config.disclaimer() != null) {
            text.append("\n---\n\n").append(line(config.disclaimer())).append(' ')
                    .append(labels.text(Label.TWIN_DISCLAIMER)).append(": ")
                    .append(config.absolute(Address.of(Kind.PAGE, "disclaimer").path())).append('\n');
        }
        return text.toString();
    }

    /** A field of the answer at {@code url} as Markdown for readers outside the site. */
    private String outside(String markdown, String url) {
        return Markdown.inline(markdown, 0, new Markdown.Outside(config.baseUrl(), url)).outside();
    }

    private String summary() {
        return config.description() != null ? config.description() : labels.text(Label.SITE_SUMMARY, config.brand());
    }

    /**
     * Plain text as Markdown on one line, as headings and list items need: the characters Markdown reads as
     * markup are escaped, so that {@code <script>} in a question stays text even where the file is rendered.
     */
    static String line(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = escaped.length() > 0;
                continue;
            }
            if (space) {
                escaped.append(' ');
                space = false;
            }
            if ("\\`*_[]<>".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String linkText(String text) {
        return line(text);
    }
}
