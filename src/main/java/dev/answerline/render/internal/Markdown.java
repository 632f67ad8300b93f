package dev.answerline.render.internal;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * Editors' Markdown to safe HTML: raw HTML is escaped, links keep only http, https, mailto and relative
 * targets, and headings get ids from their text. Thread-safe; share one instance.
 */
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    // commonmark's default sanitizer lets data: URLs through
    private static final DefaultUrlSanitizer SANITIZER = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private static final MarkdownRenderer MARKDOWN = MarkdownRenderer.builder().extensions(EXTENSIONS).build();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).postProcessor(Markdown::unwrapUnsafeLinks)
            .build();
    private final HtmlRenderer inline;
    private final Set<String> reservedIds;

    /** @param reservedIds ids the page template uses itself; body headings with the same text get {@code -1} */
    public Markdown(Set<String> reservedIds) {
        this.reservedIds = Set.copyOf(reservedIds);
        this.inline = safe().omitSingleParagraphP(true).attributeProviderFactory(context -> new Attributes(Set.of()))
                .build();
    }

    private static HtmlRenderer.Builder safe() {
        return HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(SANITIZER);
    }

    /** A Markdown body as HTML; heading ids are unique within the page. */
    public String block(String markdown) {
        HtmlRenderer renderer = safe().attributeProviderFactory(context -> new Attributes(reservedIds)).build();
        return renderer.render(parser.parse(markdown));
    }

    /** A one-paragraph field (a direct answer, a takeaway) as HTML without the surrounding {@code <p>}. */
    public String inline(String markdown) {
        return inline.render(parser.parse(markdown)).strip();
    }

    /**
     * Markdown again, with site links made absolute ({@code /blog/x} on {@code base}, {@code #part} on
     * {@code page}) and unsafe links reduced to their text, for readers outside the site such as AI
     * assistants reading llms.txt and the Markdown twins.
     */
    public String absolute(String markdown, String base, String page) {
        Node document = parser.parse(markdown);
        List<Node> html = new java.util.ArrayList<>();
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
                    return base + destination;
                }
                return destination.startsWith("#") ? page + destination : destination;
            }
        });
        // raw HTML is shown as text on the page; the twin says the same, escaped, not something else
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

    /** The text of Markdown without any markup, on one line, for meta tags and feeds. */
    public String plain(String markdown) {
        StringBuilder text = new StringBuilder();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
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

            @Override
            public void visit(Paragraph p) {
                visitChildren(p);
                text.append(' ');
            }
        });
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * Gives headings ids and images lazy loading, and drops the {@code rel="nofollow"} commonmark adds to
     * every link when sanitizing: it would waste the site's own internal links. One per rendered document.
     */
    private static final class Attributes implements AttributeProvider {
        private final IdGenerator ids = IdGenerator.builder().build();

        Attributes(Set<String> reserved) {
            reserved.stream().sorted().forEach(ids::generateId);
        }

        @Override
        public void setAttributes(Node node, String tagName, java.util.Map<String, String> attributes) {
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

    /** Whether a link target may stay a link: relative, or http, https or mailto. */
    public static boolean isSafeLink(String destination) {
        java.util.regex.Matcher scheme = SCHEME.matcher(destination.strip());
        return !scheme.find() || SAFE_SCHEMES.contains(scheme.group().replace(":", "").toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Turns links with any other scheme into their plain text and images into their alt text, so that
     * a {@code javascript:} link is not even an empty {@code <a href="">}. The renderer's URL sanitizer
     * stays on behind this as a second guard.
     */
    private static Node unwrapUnsafeLinks(Node document) {
        List<Node> unsafe = new java.util.ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (!isSafeLink(link.getDestination())) {
                    unsafe.add(link);
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                if (!isSafeLink(image.getDestination())) {
                    unsafe.add(image);
                }
            }
        });
        for (Node node : unsafe) {
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
        return document;
    }

    /** The literal text of a node's descendants, as heading ids are made from it. */
    public static String textOf(Node node) {
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
}
