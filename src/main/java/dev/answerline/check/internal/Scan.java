package dev.answerline.check.internal;

import dev.answerline.markdown.Prose;
import java.util.ArrayList;
import java.util.List;

/**
 * One Markdown text as the rules read it: its links, images, paragraphs and sections, each with the file line
 * it is on, taken from the {@link Prose} render and search use, so that a rule sees what a reader gets.
 */
public final class Scan {
    /** A paragraph (or list item) of prose. */
    public record Paragraph(String text, int line) {}

    /** The words under a heading, up to the next one; the first section has no heading. */
    public record Section(String heading, int line, int words) {}

    private final Prose prose;
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private int words;

    private Scan(Prose prose) {
        this.prose = prose;
    }

    /** The facts of a text read once, for the rules. */
    public static Scan of(Prose prose) {
        Scan scan = new Scan(prose);
        String text = prose.text();
        String heading = null;
        int line = prose.blocks().isEmpty() ? 0 : prose.blocks().get(0).line();
        int sectionWords = 0;
        for (Prose.Block block : prose.blocks()) {
            String content = text.substring(block.start(), block.end());
            int count = Text.wordCount(content);
            switch (block.kind()) {
                case HEADING -> {
                    if (heading != null || sectionWords > 0) {
                        scan.sections.add(new Section(heading, line, sectionWords));
                    }
                    heading = content;
                    line = block.line();
                    sectionWords = 0;
                    scan.words += count;
                }
                case PARAGRAPH -> {
                    scan.paragraphs.add(new Paragraph(content, block.line()));
                    scan.words += count;
                    sectionWords += count;
                }
                case CELL -> {
                    scan.words += count;
                    sectionWords += count;
                }
                case CODE -> {
                    // code is not prose: no words, no sentences
                }
            }
        }
        if (heading != null || sectionWords > 0) {
            scan.sections.add(new Section(heading, line, sectionWords));
        }
        return scan;
    }

    public List<Prose.Link> links() {
        return prose.links();
    }

    /** The links and images the page leaves out, for their scheme. */
    public List<Prose.Link> dropped() {
        return prose.dropped();
    }

    public List<Prose.Image> images() {
        return prose.images();
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
    public List<String> sentences(Text language) {
        List<String> sentences = new ArrayList<>();
        paragraphs.forEach(p -> sentences.addAll(language.sentences(p.text())));
        return sentences;
    }
}
