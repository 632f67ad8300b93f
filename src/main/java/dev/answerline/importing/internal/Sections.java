package dev.answerline.importing.internal;

import dev.answerline.importing.Imported.Related;
import dev.answerline.language.Label;
import dev.answerline.language.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/**
 * The parts of an answer page found in its HTML by their headings: Direct Answer, Key Takeaways, Related
 * Questions and The Bottom Line, in any of the bundled languages, and the FAQ blocks of Yoast and Rank Math.
 * What is left is the body. The page's furniture (newsletter block, shop call to action, author box, "More ...
 * Questions", disclaimer, navigation) is dropped: the new site makes its own.
 */
public final class Sections {
    /** Marks the end of a wrapper in {@link #flatten}'s list; never part of a page. */
    private static final Element END = new Element("answerline-end");
    private static final Set<String> WRAPPERS = Set.of("div", "section", "article", "main", "aside", "header");
    /** A class or id naming the page's furniture, as a word of it: {@code author-box}, not {@code coauthored}. */
    private static final Pattern FURNITURE = Pattern.compile("(^|[-_])(newsletter|subscribe|signup|cta"
            + "|call-to-action|shop|author|byline|disclaimer|more-questions|breadcrumbs?|share|sharing|related-posts"
            + "|comments|toc|table-of-contents|all-questions)([-_]|$)", Pattern.CASE_INSENSITIVE);

    private final Heading direct = Heading.of(Label.DIRECT_ANSWER);
    private final Heading takeaways = Heading.of(Label.KEY_TAKEAWAYS);
    private final Heading related = Heading.of(Label.RELATED_QUESTIONS);
    private final Heading bottom = Heading.of(Label.BOTTOM_LINE);
    private final Heading more = Heading.of(Label.MORE_QUESTIONS);

    /**
     * What was found; texts are HTML, null or empty when the page had no such part.
     *
     * @param category the category a "More {category} Questions" box named, or null
     */
    public record Found(String question, String directAnswer, List<String> takeaways, List<Related> related,
            String bottomLine, Element body, List<String> dropped, String category) {}

    /**
     * Splits {@code content} (changed: the parts found are taken out of it).
     *
     * @param content the page's article or main element, or a post's body
     */
    public Found split(Element content) {
        List<String> dropped = new ArrayList<>();
        List<Related> faq = new ArrayList<>();
        takeFaqBlocks(content, faq);
        dropFurniture(content, dropped);
        Element h1 = content.selectFirst("h1");
        String question = null;
        if (h1 != null) {
            question = h1.text().strip();
            h1.remove();
        }
        String directAnswer = null;
        List<String> keyTakeaways = List.of();
        List<Related> pairs = new ArrayList<>();
        String bottomLine = null;
        String category = null;
        for (Section section : sections(content)) {
            String heading = section.heading().text();
            if (direct.matches(heading)) {
                directAnswer = paragraphs(section.content());
            } else if (takeaways.matches(heading)) {
                keyTakeaways = section.content().stream().flatMap(e -> e.select("li").stream())
                        .map(Element::html).toList();
            } else if (related.matches(heading)) {
                pairs.addAll(pairs(section.content()));
            } else if (bottom.matches(heading)) {
                bottomLine = paragraphs(section.content());
            } else if (more.matches(heading)) {
                dropped.add("the \"" + heading + "\" box");
                category = category == null ? more.hole(heading) : category;
            } else {
                continue;
            }
            section.remove();
        }
        pairs.addAll(faq);
        return new Found(question, directAnswer, keyTakeaways, pairs, bottomLine, content, dropped, category);
    }

    /** Yoast's and Rank Math's FAQ blocks, as their saved HTML has them, taken out of the body. */
    private static void takeFaqBlocks(Element content, List<Related> faq) {
        for (Element item : content.select(".schema-faq-section")) {
            Element q = item.selectFirst(".schema-faq-question");
            Element a = item.selectFirst(".schema-faq-answer");
            if (q != null && a != null) {
                faq.add(new Related(q.text().strip(), a.html()));
            }
        }
        for (Element item : content.select(".rank-math-list-item")) {
            Element q = item.selectFirst(".rank-math-question");
            Element a = item.selectFirst(".rank-math-answer");
            if (q != null && a != null) {
                faq.add(new Related(q.text().strip(), paragraphs(List.of(a))));
            }
        }
        content.select(".wp-block-yoast-faq-block, .schema-faq, #rank-math-faq, .rank-math-block").remove();
    }

    private static void dropFurniture(Element content, List<String> dropped) {
        content.select("script, style, noscript, template, nav, footer, form, button, input, select, textarea")
                .remove();
        for (Element element : content.select("[class], [id]")) {
            if (element.parent() == null) {
                continue;
            }
            boolean furniture = FURNITURE.matcher(element.id()).find()
                    || element.classNames().stream().anyMatch(name -> FURNITURE.matcher(name).find());
            // a link is furniture only standing on its own (the hub's "All Questions"), never inside a sentence
            boolean standsAlone = !element.tagName().equals("a") || element.parent() == content
                    || WRAPPERS.contains(element.parent().tagName());
            if (furniture && standsAlone) {
                dropped.add("<" + element.tagName() + " class=\"" + element.className() + "\">");
                element.remove();
            }
        }
    }

    /** A heading and the elements up to the next heading of the same or a higher level. */
    private record Section(Element heading, List<Element> content) {
        void remove() {
            heading.remove();
            content.forEach(Element::remove);
        }
    }

    private static List<Section> sections(Element content) {
        List<Element> flat = new ArrayList<>();
        flatten(content, flat);
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            Element element = flat.get(i);
            int level = level(element);
            if (level == 0) {
                continue;
            }
            List<Element> under = new ArrayList<>();
            int j = i + 1;
            while (j < flat.size() && flat.get(j) != END && (level(flat.get(j)) == 0 || level(flat.get(j)) > level)) {
                under.add(flat.get(j));
                j++;
            }
            sections.add(new Section(element, under));
        }
        return sections;
    }

    /** The blocks of a page in reading order, with the wrappers around headings opened up. */
    private static void flatten(Element parent, List<Element> into) {
        for (Element child : parent.children()) {
            if (WRAPPERS.contains(child.tagName()) && !child.select("> h2, > h3, > h4").isEmpty()) {
                flatten(child, into);
                // a section in a box of its own ends with the box
                into.add(END);
            } else {
                into.add(child);
            }
        }
    }

    private static int level(Element element) {
        return switch (element.tagName()) {
            case "h2" -> 2;
            case "h3" -> 3;
            case "h4" -> 4;
            default -> 0;
        };
    }

    /** The paragraphs' inner HTML, joined as one text (a direct answer and a bottom line are one paragraph). */
    private static String paragraphs(List<Element> elements) {
        List<String> texts = new ArrayList<>();
        for (Element element : elements) {
            List<Element> ps = element.tagName().equals("p") ? List.of(element) : element.select("p");
            if (ps.isEmpty() && !element.text().isBlank()) {
                texts.add(element.html());
            }
            ps.forEach(p -> texts.add(p.html()));
        }
        return texts.isEmpty() ? null : String.join(" ", texts);
    }

    /**
     * Questions and answers as a related section writes them: a sub-heading or a bold line, then its answer;
     * or {@code <details><summary>}; or a definition list.
     */
    private static List<Related> pairs(List<Element> elements) {
        List<Related> pairs = new ArrayList<>();
        String question = null;
        List<String> answer = new ArrayList<>();
        List<Element> flat = new ArrayList<>();
        for (Element element : elements) {
            if (element.tagName().equals("details") || element.tagName().equals("dl")
                    || WRAPPERS.contains(element.tagName())) {
                flat.addAll(element.select("summary, dt, dd, details > p, h3, h4, p, div > strong"));
            } else {
                flat.add(element);
            }
        }
        for (Element element : flat) {
            String tag = element.tagName();
            boolean isQuestion = tag.equals("h3") || tag.equals("h4") || tag.equals("summary") || tag.equals("dt")
                    || (tag.equals("p") && element.children().size() == 1 && element.text().equals(
                            element.child(0).text()) && Set.of("strong", "b").contains(element.child(0).tagName()))
                    || tag.equals("strong");
            if (isQuestion) {
                if (question != null && !answer.isEmpty()) {
                    pairs.add(new Related(question, String.join(" ", answer)));
                }
                question = element.text().strip();
                answer = new ArrayList<>();
            } else if (question != null && !element.text().isBlank()) {
                answer.add(element.html());
            }
        }
        if (question != null && !answer.isEmpty()) {
            pairs.add(new Related(question, String.join(" ", answer)));
        }
        return pairs;
    }

    /** A label in every bundled language, matched without case, punctuation or spacing. */
    private record Heading(Set<String> texts, List<Pattern> patterns) {
        private static final String HOLE = "\u0000";

        static Heading of(Label label) {
            Set<String> texts = Labels.BUNDLED.stream()
                    .map(code -> plain(Labels.of(code, java.util.Map.of()).text(label,
                            label.placeholders().stream().map(p -> HOLE).toArray())))
                    .collect(Collectors.toSet());
            // "More {category} Questions": any words in the hole, which a group keeps
            List<Pattern> patterns = texts.stream().filter(t -> t.contains(HOLE))
                    .map(t -> Pattern.compile(java.util.Arrays.stream(t.split(HOLE, -1)).map(Pattern::quote)
                            .collect(Collectors.joining("(.+)")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                    .toList();
            return new Heading(texts, patterns);
        }

        boolean matches(String heading) {
            String plain = plain(heading);
            return texts.contains(plain) || patterns.stream().anyMatch(p -> p.matcher(plain).matches());
        }

        /** The words in the hole of a label such as "More {category} Questions", as the heading has them. */
        String hole(String heading) {
            String spaced = spaced(heading);
            for (Pattern pattern : patterns) {
                java.util.regex.Matcher m = pattern.matcher(spaced);
                if (m.matches() && m.groupCount() > 0) {
                    return m.group(1).strip();
                }
            }
            return null;
        }

        static String plain(String text) {
            return spaced(text).toLowerCase(Locale.ROOT);
        }

        private static String spaced(String text) {
            return text.replaceAll("[\\p{Punct}\\s&&[^\u0000]]+", " ").strip();
        }
    }
}
