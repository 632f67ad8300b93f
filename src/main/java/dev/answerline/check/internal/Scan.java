package dev.answerline.check.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.node.SourceSpan;

/**
 * One Markdown text read for checking: its links, images, paragraphs and sections, each with the file line
 * it is on. The parser is the renderer's, with source positions kept. Thread-safe.
 */
public final class Scan {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create(), AutolinkExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    /** A link: where it goes, its text, its line. */
    public record Link(String destination, String text, int line) {}

    public record Image(String destination, String alt, int line) {}

    /** A paragraph (or list item) of prose. */
    public record Paragraph(String text, int line) {}

    /** The words under a heading, up to the next one; the first section has no heading. */
    public record Section(String heading, int line, int words) {}

    private final List<Link> links = new ArrayList<>();
    private final List<Image> images = new ArrayList<>();
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private int words;

    private Scan() {}

    /**
     * Scans Markdown that starts on line {@code firstLine} of its file.
     */
    public static Scan of(String markdown, int firstLine) {
        Scan scan = new Scan();
        Node document = PARSER.parse(markdown);
        int[] section = {0, firstLine};
        String[] heading = {null};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading node) {
                scan.closeSection(heading[0], section);
                heading[0] = textOf(node);
                section[1] = firstLine + lineOf(node);
                scan.words += Text.wordCount(heading[0]);
            }

            @Override
            public void visit(org.commonmark.node.Paragraph node) {
                String text = textOf(node);
                int count = Text.wordCount(text);
                scan.words += count;
                section[0] += count;
                scan.paragraphs.add(new Paragraph(text, firstLine + lineOf(node)));
                visitChildren(node);
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableCell) {
                    int count = Text.wordCount(textOf(node));
                    scan.words += count;
                    section[0] += count;
                }
                visitChildren(node);
            }

            @Override
            public void visit(org.commonmark.node.Link node) {
                scan.links.add(new Link(node.getDestination(), textOf(node), firstLine + lineOf(node)));
                visitChildren(node);
            }

            @Override
            public void visit(org.commonmark.node.Image node) {
                scan.images.add(new Image(node.getDestination(), textOf(node), firstLine + lineOf(node)));
            }
        });
        scan.closeSection(heading[0], section);
        return scan;
    }

    private void closeSection(String heading, int[] section) {
        if (heading != null || section[0] > 0) {
            sections.add(new Section(heading, section[1], section[0]));
        }
        section[0] = 0;
    }

    public List<Link> links() {
        return links;
    }

    public List<Image> images() {
        return images;
    }

    public List<Paragraph> paragraphs() {
        return paragraphs;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Words in headings, paragraphs, list items and tables. */
    public int words() {
        return words;
    }

    /** The sentences of the prose: every paragraph and list item, headings and tables left out. */
    public List<String> sentences() {
        List<String> sentences = new ArrayList<>();
        paragraphs.forEach(p -> sentences.addAll(Text.sentences(p.text())));
        return sentences;
    }

    /** The 0-based line of a node within the scanned text, from it or the nearest parent that knows. */
    static int lineOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex();
            }
        }
        return 0;
    }

    static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak b) {
                text.append(' ');
            }
        });
        return text.toString().strip();
    }
}
