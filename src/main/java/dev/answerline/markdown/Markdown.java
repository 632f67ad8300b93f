package dev.answerline.markdown;

import dev.answerline.markdown.internal.Nesting;
import dev.answerline.memory.TextStore;
import java.util.Set;

/**
 * Editors' Markdown, read one way everywhere: one parser configuration (tables, autolinks), one safety rule
 * (raw HTML is shown as text; links keep only http, https, mailto and relative targets), one idea of its
 * plain text. Each text is parsed once into a {@link Prose}, which has every form the engine needs.
 *
 * <pre>{@code
 * Prose body = Markdown.block(source.body(), source.bodyLine(), new Markdown.Outside(base, pageUrl), TextStore.HEAP,
 *         true);
 * body.html();       // for the page
 * body.text();       // for search
 * body.outside();    // for llms.txt and the Markdown twin
 * body.dropped();    // for check: what render leaves out
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Markdown {
    /** The most levels a text may nest (block quotes, lists, emphasis, links inside each other). */
    public static final int MAX_LEVELS = Nesting.MAX_LEVELS;

    /**
     * Ids the page layouts give their own sections. A body heading with the same text gets {@code -1}, so that
     * a link to {@code #direct-answer} always reaches the Direct Answer box.
     */
    public static final Set<String> LAYOUT_IDS = Set.of("main", "direct-answer", "key-takeaways", "related-questions",
            "the-bottom-line", "newsletter-heading", "newsletter-email", "cta-heading", "more-questions",
            "about-the-author");

    private Markdown() {}

    /**
     * How deeply a text nests, and the 0-based line of its text where it is deepest.
     *
     * @param levels the levels, or an upper bound of them when that is already within {@link #MAX_LEVELS}
     */
    public record Depth(int levels, int line) {}

    /**
     * Where a text is published, so that its Markdown for readers outside can make its links absolute.
     *
     * @param base the site's address, without a trailing slash
     * @param page the full address of the page the text is on, for {@code #section} links
     */
    public record Outside(String base, String page) {}

    /**
     * A text of blocks, such as a body, starting on line {@code firstLine} of its file. Headings get ids unique
     * within the page and never one of {@link #LAYOUT_IDS}.
     *
     * @param outside where it is published, when its {@link Prose#outside()} form is needed; else null
     * @param store where its long forms are kept
     * @param facts whether to keep its blocks, links and images, which only checks read
     */
    public static Prose block(String markdown, int firstLine, Outside outside, TextStore store, boolean facts) {
        return Reading.compile(markdown, firstLine, false, outside, store, facts);
    }

    /** A field of one paragraph (a direct answer, a takeaway) on line {@code line}: its HTML has no {@code <p>}. */
    public static Prose inline(String markdown, int line) {
        return inline(markdown, line, null);
    }

    /** As {@link #inline(String, int)}, with the form for readers outside. */
    public static Prose inline(String markdown, int line, Outside outside) {
        return Reading.compile(markdown, line, true, outside, TextStore.HEAP, true);
    }

    /**
     * How deeply a text nests, without parsing it when one pass over its characters shows it cannot be deep;
     * every reader of Markdown after the parser walks it recursively, so deeper than {@link #MAX_LEVELS} is
     * refused before any of them sees it.
     */
    public static Depth depth(String markdown) {
        int bound = Nesting.bound(markdown);
        if (bound <= MAX_LEVELS) {
            return new Depth(bound, 0);
        }
        Nesting.Depth measured = Nesting.measure(markdown);
        return new Depth(measured.levels(), measured.line());
    }
}
