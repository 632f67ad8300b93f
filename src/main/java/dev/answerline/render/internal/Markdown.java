package dev.answerline.render.internal;

import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Editors' Markdown to safe HTML: raw HTML is escaped, links keep only http, https, mailto and relative
 * targets, and headings get ids from their text. Thread-safe; share one instance.
 */
public final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
    // commonmark's default sanitizer lets data: URLs through
    private static final DefaultUrlSanitizer SANITIZER = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer inline;
    private final TextContentRenderer text = TextContentRenderer.builder().build();
    private final Set<String> reservedIds;

    /** @param reservedIds ids the page template uses itself; body headings with the same text get {@code -1} */
    public Markdown(Set<String> reservedIds) {
        this.reservedIds = Set.copyOf(reservedIds);
        this.inline = safe().omitSingleParagraphP(true).build();
    }

    private static HtmlRenderer.Builder safe() {
        return HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(SANITIZER);
    }

    /** A Markdown body as HTML; heading ids are unique within the page. */
    public String block(String markdown) {
        HtmlRenderer renderer = safe().attributeProviderFactory(context -> new HeadingIds(reservedIds)).build();
        return renderer.render(parser.parse(markdown));
    }

    /** A one-paragraph field (a direct answer, a takeaway) as HTML without the surrounding {@code <p>}. */
    public String inline(String markdown) {
        return inline.render(parser.parse(markdown)).strip();
    }

    /** The text of Markdown without any markup, for meta tags and feeds. */
    public String plain(String markdown) {
        return text.render(parser.parse(markdown)).strip();
    }

    /** Gives headings ids, and images lazy loading; one instance per rendered document. */
    private static final class HeadingIds implements AttributeProvider {
        private final IdGenerator ids = IdGenerator.builder().build();

        HeadingIds(Set<String> reserved) {
            reserved.stream().sorted().forEach(ids::generateId);
        }

        @Override
        public void setAttributes(Node node, String tagName, java.util.Map<String, String> attributes) {
            if (node instanceof Heading) {
                attributes.put("id", ids.generateId(textOf(node)));
            } else if (node instanceof Image) {
                attributes.put("loading", "lazy");
                attributes.put("decoding", "async");
            }
        }
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
