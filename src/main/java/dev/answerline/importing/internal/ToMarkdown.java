package dev.answerline.importing.internal;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * HTML bodies as the Markdown of the content format, by flexmark's converter, after jsoup has kept only what
 * Markdown can say: headings, paragraphs, lists, links, emphasis, quotes, code, tables and images. Scripts,
 * embeds, forms and styles do not survive; the caller reports what {@link #leftOut} finds.
 */
public final class ToMarkdown {
    /** Deeper HTML is flattened to its text: the converter walks the tree by recursion. */
    static final int MAX_DEPTH = 48;

    private static final Safelist KEPT = Safelist.relaxed().removeTags("div", "span", "cite", "colgroup", "col",
            "caption", "u", "sub", "sup", "small", "dl", "dt", "dd", "abbr", "q")
            .addProtocols("a", "href", "http", "https", "mailto").preserveRelativeLinks(true);
    private final FlexmarkHtmlConverter converter;

    public ToMarkdown() {
        MutableDataSet options = new MutableDataSet();
        options.set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false);
        options.set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false);
        options.set(FlexmarkHtmlConverter.BR_AS_PARA_BREAKS, false);
        converter = FlexmarkHtmlConverter.builder(options).build();
    }

    /** What a body holds that the Markdown will not: embedded players, scripts, forms. */
    public static List<String> leftOut(Element body) {
        return body.select("iframe, embed, object, video, audio, script, form, canvas, svg").stream()
                .map(e -> "<" + e.tagName() + (e.hasAttr("src") ? " src=\"" + e.attr("src") + "\"" : "") + ">")
                .distinct().toList();
    }

    /** The Markdown of an HTML body, headings from {@code ##} on (the page's title is its question). */
    public String blocks(String html, String baseUri) {
        Document clean = clean(html, baseUri);
        for (Element h1 : clean.select("h1")) {
            h1.tagName("h2");
        }
        return converter.convert(clean.body().html()).strip();
    }

    /** Inline Markdown on one line, for a direct answer, a takeaway or a related answer: no blocks. */
    public String inline(String html, String baseUri) {
        if (html == null) {
            return null;
        }
        Document clean = clean(html, baseUri);
        clean.select("h1, h2, h3, h4, h5, h6, li, blockquote, pre, table, img").unwrap();
        String markdown = converter.convert(clean.body().html()).strip();
        return markdown.replaceAll("\\s*\\n\\s*", " ").replaceAll("^(#+|[-*+>]|\\d+[.)])\\s+", "").strip();
    }

    private static Document clean(String html, String baseUri) {
        Document dirty = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        if (depth(dirty.body()) > MAX_DEPTH) {
            // nested past reason (or on purpose): the words are kept, the shape is not
            Document flat = Document.createShell(dirty.baseUri());
            for (String paragraph : dirty.body().wholeText().split("\\n\\s*\\n")) {
                if (!paragraph.isBlank()) {
                    flat.body().appendElement("p").text(paragraph.strip());
                }
            }
            return flat;
        }
        return new Cleaner(KEPT).clean(dirty);
    }

    /** The depth of the deepest element, without recursion. */
    static int depth(Element root) {
        int deepest = 0;
        Deque<Element> elements = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        elements.push(root);
        depths.push(0);
        while (!elements.isEmpty()) {
            Element element = elements.pop();
            int depth = depths.pop();
            deepest = Math.max(deepest, depth);
            for (Element child : element.children()) {
                elements.push(child);
                depths.push(depth + 1);
            }
        }
        return deepest;
    }
}
