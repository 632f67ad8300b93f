package dev.answerline.markdown;

import dev.answerline.memory.KeptText;
import java.util.List;

/**
 * A Markdown text as the engine uses it, made from one parse: the HTML a reader gets, the plain text search
 * and meta tags use, the Markdown readers outside the site get (absolute links), and the facts checks read
 * (links, images, blocks of prose with their lines). Every form agrees: a link render drops is in
 * {@link #dropped()}, not in {@link #links()}. Immutable; long texts may lie outside the heap.
 */
public final class Prose {
    /** A link as the reader gets it: where it goes, its text, the file line it is on. */
    public record Link(String destination, String text, int line) {}

    public record Image(String destination, String alt, int line) {}

    /** What a block of {@link #text()} is. */
    public enum BlockKind { HEADING, PARAGRAPH, CELL, CODE }

    /**
     * A block of the text: a heading, a paragraph (or list item), a table cell, a code block.
     *
     * @param start where it starts in {@link #text()}
     * @param end where it ends there, before the space or line break that separates it from the next
     * @param line the file line it starts on
     */
    public record Block(BlockKind kind, int line, int start, int end) {}

    private final KeptText html;
    private final KeptText text;
    private final KeptText outside;
    private final List<Link> links;
    private final List<Link> dropped;
    private final List<Image> images;
    private final List<Block> blocks;
    private final Markdown.Depth depth;
    private final boolean facts;

    Prose(KeptText html, KeptText text, KeptText outside, List<Link> links, List<Link> dropped, List<Image> images,
            List<Block> blocks, Markdown.Depth depth, boolean facts) {
        this.html = html;
        this.text = text;
        this.outside = outside;
        this.links = List.copyOf(links);
        this.dropped = List.copyOf(dropped);
        this.images = List.copyOf(images);
        this.blocks = List.copyOf(blocks);
        this.depth = depth;
        this.facts = facts;
    }

    /**
     * A prose read by an earlier run, whose facts were kept and whose texts are made again when asked for: a
     * build that reuses what the last one read parses only the bodies of the pages it renders.
     */
    public static Prose restored(KeptText html, KeptText text, KeptText outside, List<Link> links, List<Link> dropped,
            List<Image> images, List<Block> blocks, Markdown.Depth depth, boolean facts) {
        return new Prose(html, text, outside, links, dropped, images, blocks, depth, facts);
    }

    /** Whether {@link #outside()} was made, without making its text. */
    public boolean hasOutside() {
        return outside != null;
    }

    /**
     * Whether the facts checks read were kept: {@link #links()}, {@link #dropped()}, {@link #images()} and
     * {@link #blocks()} are empty when they were not.
     */
    public boolean facts() {
        return facts;
    }

    /** The HTML of the text, safe to put in a page: raw HTML escaped, unsafe links reduced to their text. */
    public String html() {
        return html.text();
    }

    /** The text a reader sees, without markup: a line per block, cells of a table row separated by a space. */
    public String text() {
        return text.text();
    }

    /** {@link #text()} on one line: every run of white space one space. For meta tags and feeds. */
    public String line() {
        return text().replaceAll("\\s+", " ").strip();
    }

    /**
     * The Markdown again for readers outside the site (AI assistants reading llms.txt, the Markdown twins):
     * links to the site absolute, unsafe links reduced to their text, raw HTML as the text the page shows.
     * Null when it was not asked for.
     */
    public String outside() {
        return outside == null ? null : outside.text();
    }

    /** The links a reader can follow, in order. */
    public List<Link> links() {
        return links;
    }

    /** The links and images whose address render leaves out (any scheme but http, https and mailto). */
    public List<Link> dropped() {
        return dropped;
    }

    public List<Image> images() {
        return images;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** How deeply the text nests; a text nested deeper than {@link Markdown#MAX_LEVELS} has no other form. */
    public Markdown.Depth depth() {
        return depth;
    }

    /** Whether the text nests too deeply to be read at all; then it is empty in every form. */
    public boolean tooDeep() {
        return depth.levels() > Markdown.MAX_LEVELS;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prose p && html.equals(p.html) && text.equals(p.text)
                && java.util.Objects.equals(outside, p.outside) && links.equals(p.links) && dropped.equals(p.dropped)
                && images.equals(p.images) && blocks.equals(p.blocks) && depth.equals(p.depth);
    }

    @Override
    public int hashCode() {
        return html.hashCode() * 31 + text.hashCode();
    }
}
