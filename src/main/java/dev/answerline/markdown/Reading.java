package dev.answerline.markdown;

import dev.answerline.memory.KeptText;
import dev.answerline.memory.TextStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * One reading of a Markdown text into its {@link Prose}: the depth guard, one parse, the safety pass, the
 * facts, the HTML, and last the Markdown for readers outside, which changes the tree it renders.
 */
final class Reading {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    // commonmark's default sanitizer lets data: URLs through; this one stays on behind the safety pass
    private static final DefaultUrlSanitizer SANITIZER = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));
    private static final HtmlRenderer INLINE = safe().omitSingleParagraphP(true)
            .attributeProviderFactory(context -> new Attributes(Set.of())).build();
    private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.builder().extensions(EXTENSIONS).build();
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final KeptText NOTHING = TextStore.HEAP.keep("");

    private Reading() {}

    static Prose compile(String markdown, int firstLine, boolean inline, Markdown.Outside outside, TextStore store,
            boolean keepFacts) {
        Markdown.Depth depth = Markdown.depth(markdown);
        if (depth.levels() > Markdown.MAX_LEVELS) {
            return new Prose(NOTHING, NOTHING, outside == null ? null : NOTHING, List.of(), List.of(), List.of(),
                    List.of(), depth, keepFacts);
        }
        Node document = PARSER.parse(markdown);
        Facts facts = new Facts(firstLine, inline);
        dropUnsafe(document, facts);
        document.accept(facts);
        String html = inline ? INLINE.render(document).strip()
                : safe().attributeProviderFactory(context -> new Attributes(Markdown.LAYOUT_IDS)).build().render(document);
        String forOutside = outside == null ? null : outside(document, outside);
        if (!keepFacts) {
            return new Prose(store.keep(html), store.keep(facts.text.toString()),
                    forOutside == null ? null : store.keep(forOutside), List.of(), List.of(), List.of(), List.of(), depth,
                    false);
        }
        return new Prose(store.keep(html), store.keep(facts.text.toString()),
                forOutside == null ? null : store.keep(forOutside), facts.links, facts.dropped, facts.images,
                facts.blocks, depth, true);
    }

    private static HtmlRenderer.Builder safe() {
        return HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(SANITIZER);
    }

    /** Whether a link target may stay a link: relative, or http, https or mailto. */
    static boolean isSafe(String destination) {
        Matcher scheme = SCHEME.matcher(destination.strip());
        return !scheme.find() || SAFE_SCHEMES.contains(scheme.group().replace(":", "").toLowerCase(Locale.ROOT));
    }

    /**
     * Turns links with any other scheme into their plain text and images into their alt text, so that a
     * {@code javascript:} link is not even an empty {@code <a href="">}, and notes each for checks.
     */
    private static void dropUnsafe(Node document, Facts facts) {
        List<Node> unsafe = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (!isSafe(link.getDestination())) {
                    unsafe.add(link);
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                if (!isSafe(image.getDestination())) {
                    unsafe.add(image);
                }
            }
        });
        for (Node node : unsafe) {
            String destination = node instanceof Link link ? link.getDestination() : ((Image) node).getDestination();
            facts.dropped.add(new Prose.Link(destination, textOf(node), facts.lineOf(node)));
            if (node instanceof Image) {
                node.insertBefore(new Text(textOf(node)));
            } else {
                Node child = node.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    node.insertBefore(child);
                    child = next;
                }
            }
            node.unlink();
        }
    }

    /**
     * The Markdown again with the site's links made absolute ({@code /x} on the base, {@code #part} on the
     * page) and raw HTML made the text it is shown as. Changes the tree: the last use of it.
     */
    private static String outside(Node document, Markdown.Outside where) {
        List<Node> html = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                html.add(block);
            }

            @Override
            public void visit(HtmlInline inline) {
                html.add(inline);
            }

            @Override
            public void visit(Link link) {
                link.setDestination(resolve(link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(resolve(image.getDestination()));
            }

            private String resolve(String destination) {
                if (destination.startsWith("/") && !destination.startsWith("//")) {
                    return where.base() + destination;
                }
                return destination.startsWith("#") ? where.page() + destination : destination;
            }
        });
        for (Node node : html) {
            if (node instanceof HtmlBlock block) {
                Paragraph paragraph = new Paragraph();
                paragraph.appendChild(new Text(block.getLiteral().strip()));
                block.insertBefore(paragraph);
            } else {
                node.insertBefore(new Text(((HtmlInline) node).getLiteral()));
            }
            node.unlink();
        }
        return MARKDOWN.render(document).strip();
    }

    /** The literal text of a node's descendants, as heading ids are made from it. */
    static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }
        });
        return text.toString();
    }

    /**
     * The one plain text of a Markdown tree: each heading, paragraph and code block on a line of its own, the
     * cells of a table row separated by spaces, line breaks within a paragraph as spaces, raw HTML left out;
     * and its links, images and blocks with their lines.
     */
    private static final class Facts extends AbstractVisitor {
        final StringBuilder text = new StringBuilder();
        final List<Prose.Link> links = new ArrayList<>();
        final List<Prose.Link> dropped = new ArrayList<>();
        final List<Prose.Image> images = new ArrayList<>();
        final List<Prose.Block> blocks = new ArrayList<>();
        private final int firstLine;
        private final boolean inline;

        Facts(int firstLine, boolean inline) {
            this.firstLine = firstLine;
            this.inline = inline;
        }

        /** The file line of a node: a field is one line in its file, a body has lines of its own. */
        int lineOf(Node node) {
            if (inline) {
                return firstLine;
            }
            for (Node n = node; n != null; n = n.getParent()) {
                List<SourceSpan> spans = n.getSourceSpans();
                if (!spans.isEmpty()) {
                    return firstLine + spans.get(0).getLineIndex();
                }
            }
            return firstLine;
        }

        private void block(Prose.BlockKind kind, Node node, String content, char after) {
            int start = text.length();
            text.append(content);
            blocks.add(new Prose.Block(kind, lineOf(node), start, text.length()));
            text.append(after);
        }

        @Override
        public void visit(Heading heading) {
            block(Prose.BlockKind.HEADING, heading, inlineText(heading), '\n');
            visitChildren(heading);
        }

        @Override
        public void visit(Paragraph paragraph) {
            block(Prose.BlockKind.PARAGRAPH, paragraph, inlineText(paragraph), '\n');
            visitChildren(paragraph);
        }

        @Override
        public void visit(FencedCodeBlock code) {
            block(Prose.BlockKind.CODE, code, code.getLiteral().stripTrailing(), '\n');
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            block(Prose.BlockKind.CODE, code, code.getLiteral().stripTrailing(), '\n');
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableCell) {
                block(Prose.BlockKind.CELL, node, inlineText(node), ' ');
            }
            visitChildren(node);
            if (node instanceof TableRow) {
                text.append('\n');
            }
        }

        @Override
        public void visit(Link link) {
            links.add(new Prose.Link(link.getDestination(), inlineText(link), lineOf(link)));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            images.add(new Prose.Image(image.getDestination(), inlineText(image), lineOf(image)));
        }

        /** The text of inline content: literals, line breaks as spaces, raw HTML left out. */
        private static String inlineText(Node node) {
            StringBuilder out = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text t) {
                    out.append(t.getLiteral());
                }

                @Override
                public void visit(Code c) {
                    out.append(c.getLiteral());
                }

                @Override
                public void visit(SoftLineBreak b) {
                    out.append(' ');
                }

                @Override
                public void visit(HardLineBreak b) {
                    out.append(' ');
                }
            });
            return out.toString().strip();
        }
    }

    /**
     * Gives headings ids and images lazy loading, and drops the {@code rel="nofollow"} commonmark adds to every
     * link when sanitizing: it would waste the site's own internal links. One per rendered document.
     */
    private static final class Attributes implements AttributeProvider {
        private final IdGenerator ids = IdGenerator.builder().build();

        Attributes(Set<String> reserved) {
            reserved.stream().sorted().forEach(ids::generateId);
        }

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link) {
                attributes.remove("rel");
            } else if (node instanceof Heading) {
                attributes.put("id", ids.generateId(textOf(node)));
            } else if (node instanceof Image) {
                attributes.put("loading", "lazy");
                attributes.put("decoding", "async");
            }
        }
    }
}
