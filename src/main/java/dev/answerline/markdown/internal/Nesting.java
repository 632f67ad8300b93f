package dev.answerline.markdown.internal;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * How deeply a Markdown text nests block quotes, lists, emphasis and links inside each other. Every
 * Markdown reader after the parser walks the tree recursively (commonmark's visitors and renderer), so a
 * 3 KB text of 3,000 {@code >} overflows the stack of whatever reads it: the build, the check, the search,
 * the preview's watcher. Texts nested deeper than {@link #MAX_LEVELS} are refused before any of them sees
 * them (see {@code Markdown#depth}). Real answers nest a handful of levels.
 *
 * <p>Most texts are cleared by {@link #bound}, one pass over the characters that can never say less than
 * the true depth; only texts it cannot clear are parsed ({@link #measure}), by a parser that has no
 * recursive steps and walked without recursion.
 */
public final class Nesting {
    /** The most levels a text may nest. */
    public static final int MAX_LEVELS = 64;

    /** Block and inline parsing only: commonmark's post-processors (autolinks) are recursive visitors. */
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private Nesting() {}

    /** The deepest nesting of a text and the 0-based line of the text where it is. */
    public record Depth(int levels, int line) {}

    /**
     * A number of levels the text cannot nest deeper than, from its characters alone. A block quote needs a
     * {@code >} and a list a marker on the line that opens it, and the line of anything inside a list item is
     * indented by at least two columns per item (or carries the markers); emphasis, links and images each
     * take a {@code *}, {@code _} or {@code [} of their paragraph, and a paragraph ends at a blank line; an
     * autolink adds one level.
     */
    public static int bound(String markdown) {
        int deepestBlock = 0;
        int deepestInline = 0;
        int inline = 0;
        int length = markdown.length();
        int i = 0;
        while (i < length) {
            int block = 0;
            int columns = 0;
            boolean marker = false;
            boolean blank = true;
            // the line's prefix: indentation, quote marks and list markers
            for (; i < length && markdown.charAt(i) != '\n'; i++) {
                char c = markdown.charAt(i);
                if (c == ' ' || c == '\t') {
                    columns += c == '\t' ? 4 : 1;
                    marker = false;
                } else if (c == '>') {
                    block++;
                    marker = false;
                } else if (c == '-' || c == '*' || c == '+' || c == '.' || c == ')' || c >= '0' && c <= '9') {
                    if (!marker) {
                        block++;
                        marker = true;
                    }
                    if (c == '*') {
                        inline++;
                    }
                } else {
                    break;
                }
            }
            // the rest of the line
            for (; i < length && markdown.charAt(i) != '\n'; i++) {
                char c = markdown.charAt(i);
                if (c == '*' || c == '_' || c == '[') {
                    inline++;
                }
                if (!Character.isWhitespace(c)) {
                    blank = false;
                }
            }
            i++;
            deepestBlock = Math.max(deepestBlock, block + (columns + 1) / 2);
            deepestInline = Math.max(deepestInline, inline);
            if (blank && block == 0) {
                inline = 0;
            }
        }
        return deepestBlock + deepestInline + 1;
    }

    /** The deepest nesting of a text, as the parser reads it. */
    public static Depth measure(String markdown) {
        Node document = PARSER.parse(markdown);
        int deepest = 0;
        int line = 0;
        // depth-first without recursion: into the first child; from a leaf, out of every node that has no
        // next sibling, then on to the next sibling
        int levels = 0;
        Node node = document.getFirstChild();
        while (node != null) {
            if (counts(node) && ++levels > deepest) {
                deepest = levels;
                line = lineOf(node);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != document) {
                if (counts(node)) {
                    levels--;
                }
                if (node.getNext() != null) {
                    node = node.getNext();
                    break;
                }
                node = node.getParent();
            }
            if (node == document) {
                node = null;
            }
        }
        return new Depth(deepest, line);
    }

    private static boolean counts(Node node) {
        return node instanceof BlockQuote || node instanceof ListBlock || node instanceof Emphasis
                || node instanceof StrongEmphasis || node instanceof Link || node instanceof Image;
    }

    private static int lineOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex();
            }
        }
        return 0;
    }
}
