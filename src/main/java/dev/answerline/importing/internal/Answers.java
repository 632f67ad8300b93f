package dev.answerline.importing.internal;

import dev.answerline.importing.Imported;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * An answer made from the parts {@link Sections} found in a page or post. A required part the source did not
 * have is made from its body, and named in {@link Imported.Answer#derived()} for the report: the direct answer
 * from the first paragraph (taken out of the body), the key takeaways from the first sentence after each of the
 * first three headings, the bottom line from the last paragraph, the description from the direct answer.
 */
final class Answers {
    private static final Pattern SENTENCE = Pattern.compile("^(.+?[.!?])(\\s|$)");
    private static final int DESCRIPTION = 155;

    private Answers() {}

    /** What {@link #of} needs besides the parts: where the item came from and what the source said of it. */
    record Facts(String from, String slug, String title, String description, String category, String author,
            LocalDate published, LocalDate updated, List<String> aliases, boolean draft) {}

    static Imported.Answer of(Facts facts, Sections.Found found, ToMarkdown markdown, String baseUri) {
        List<String> derived = new ArrayList<>();
        Element body = found.body();
        String question = found.question() != null && !found.question().isBlank() ? found.question() : facts.title();
        String answer = markdown.inline(found.directAnswer(), baseUri);
        if (answer == null || answer.isBlank()) {
            Element first = body.selectFirst("p");
            if (first != null) {
                answer = markdown.inline(first.html(), baseUri);
                first.remove();
                derived.add("answer");
            }
        }
        List<String> takeaways = new ArrayList<>();
        found.takeaways().forEach(t -> takeaways.add(markdown.inline(t, baseUri)));
        takeaways.removeIf(t -> t == null || t.isBlank());
        if (takeaways.isEmpty()) {
            for (Element heading : body.select("h2, h3")) {
                Element next = heading.nextElementSibling();
                if (next != null && next.tagName().equals("p") && takeaways.size() < 3) {
                    String sentence = firstSentence(next.text());
                    if (sentence != null) {
                        takeaways.add(sentence);
                    }
                }
            }
            if (takeaways.isEmpty() && answer != null) {
                takeaways.add(firstSentence(Jsoup.parse(answer).text()));
            }
            derived.add("takeaways");
        }
        String bottomLine = markdown.inline(found.bottomLine(), baseUri);
        if (bottomLine == null || bottomLine.isBlank()) {
            List<Element> paragraphs = body.select("p");
            if (!paragraphs.isEmpty()) {
                bottomLine = firstSentence(paragraphs.get(paragraphs.size() - 1).text());
            } else if (answer != null) {
                bottomLine = firstSentence(Jsoup.parse(answer).text());
            }
            derived.add("bottom_line");
        }
        String description = facts.description();
        if (description == null || description.isBlank()) {
            description = answer == null ? null : shortened(Jsoup.parse(answer).text());
            derived.add("description");
        }
        List<Imported.Related> related = found.related().stream()
                .map(r -> new Imported.Related(r.question(), markdown.inline(r.answer(), baseUri)))
                .filter(r -> !r.question().isBlank() && r.answer() != null && !r.answer().isBlank()).toList();
        String text = markdown.blocks(body.html(), baseUri);
        return new Imported.Answer(facts.from(), facts.slug(), question, description, answer, takeaways,
                facts.category(), facts.author(), facts.published(), facts.updated(), bottomLine, related,
                facts.aliases(), text, derived, facts.draft());
    }

    /** Whether a post reads as an answer: a question for a title, or the parts of one. */
    static boolean looksLikeAnswer(String title, String html) {
        if (title != null && title.strip().endsWith("?")) {
            return true;
        }
        return html != null && (html.contains("schema-faq") || html.contains("rank-math-faq")
                || html.contains("rank-math-list-item"));
    }

    static String firstSentence(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = SENTENCE.matcher(text.strip());
        return m.find() ? m.group(1) : text.strip();
    }

    /** At most {@value #DESCRIPTION} characters, cut at a word, for a meta description. */
    static String shortened(String text) {
        String plain = text.strip().replaceAll("\\s+", " ");
        if (plain.length() <= DESCRIPTION) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', DESCRIPTION - 1);
        return plain.substring(0, cut > 40 ? cut : DESCRIPTION - 1).replaceAll("[\\s,;:.-]+$", "") + "…";
    }
}
