package dev.answerline.importing.internal;

import dev.answerline.content.Slug;
import dev.answerline.importing.ImportException;
import dev.answerline.importing.Imported;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;



import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A WordPress export (WXR, Tools → Export), read with StAX. The parser reads no DTD and no external entity: an
 * export is data, and a hostile one must not read files or expand entities without end. The items are kept
 * until the attachments are known, so the export's text is held in memory once.
 */
public final class WxrReader {
    private static final String WP = "http://wordpress.org/export/";
    private static final int MAX_TEXT = 4 << 20;
    /** A shortcode's opening tag, {@code [name attributes]}, and its closing tag, {@code [/name]}. */
    private static final Pattern OPENING = Pattern.compile("\\[([a-zA-Z][\\w-]{0,63})(?:\\s[^\\]\\[]{0,2000})?\\]");
    private static final Pattern CLOSING = Pattern.compile("\\[/([a-zA-Z][\\w-]{0,63})\\]");
    /** Shortcodes that stand alone, without a closing tag, in WordPress and its common plugins. */
    private static final java.util.Set<String> SELF_CLOSING = java.util.Set.of("gallery", "audio", "video",
            "playlist", "contact-form-7", "contact-form", "wpforms", "gravityform", "product", "products",
            "add_to_cart", "instagram-feed", "ninja_form", "mc4wp_form", "toc");

    private final Path file;
    private final CategoryMap map;
    private final ToMarkdown markdown = new ToMarkdown();
    private final Sections sections = new Sections();
    private final Gathered gathered = new Gathered();
    private final Map<String, Integer> otherKinds = new java.util.TreeMap<>();

    /** One item of the export: its simple fields by name, its categories and its post meta. */
    private record Item(int line, Map<String, String> fields, List<String[]> categories, Map<String, String> meta) {
        String get(String name) {
            return fields.getOrDefault(name, "");
        }
    }

    private WxrReader(Path file, CategoryMap map) {
        this.file = file;
        this.map = map;
    }

    /** Reads {@code file}; {@code map} says what the posts of each category become. */
    public static Imported read(Path file, CategoryMap map) {
        return new WxrReader(file, map).read();
    }

    /** Whether {@code file} looks like a WordPress export: an RSS file naming WordPress's export namespace. */
    public static boolean looksLike(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            return start.contains("<rss") && start.contains(WP);
        } catch (IOException e) {
            return false;
        }
    }

    private Imported read() {
        Map<String, String> channel = new HashMap<>();
        List<Item> items = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String local = xml.getLocalName();
                    boolean wp = xml.getNamespaceURI() != null && xml.getNamespaceURI().startsWith(WP);
                    if (local.equals("item")) {
                        items.add(item(xml));
                    } else if (wp && local.equals("author")) {
                        Map<String, String> author = fields(xml, "author");
                        String login = author.getOrDefault("author_login", "");
                        String display = author.getOrDefault("author_display_name", login);
                        if (!login.isBlank()) {
                            gathered.authors.put(login, new Imported.Author(Slug.of(login), display.isBlank()
                                    ? login : display.strip()));
                        }
                    } else if (wp && local.equals("category")) {
                        Map<String, String> category = fields(xml, "category");
                        String nicename = category.getOrDefault("category_nicename", "");
                        // WordPress's category pages are at /category/{nicename}/ unless the site changed the base
                        map.name(nicename, category.getOrDefault("cat_name", nicename),
                                category.get("category_description"), "/category/" + nicename);
                    } else if (xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty()
                            || xml.getNamespaceURI().startsWith(WP)) {
                        if (local.equals("title") || local.equals("link") || local.equals("language")
                                || local.equals("base_blog_url")) {
                            channel.putIfAbsent(local, text(xml));
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new ImportException(name + (line > 0 ? ":" + line : "") + ": not a WordPress export this can read: "
                    + e.getMessage().replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""),
                    "export again from WordPress (Tools → Export → All content), and import that file as it is",
                    e);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + dev.answerline.AnswerlineException.describe(e),
                    "check the path and that the file is readable", e);
        }
        Map<String, String> attachments = new HashMap<>();
        for (Item item : items) {
            if (item.get("post_type").equals("attachment") && !item.get("attachment_url").isBlank()) {
                attachments.put(item.get("post_id"), item.get("attachment_url"));
            }
        }
        String base = channel.getOrDefault("base_blog_url", channel.get("link"));
        for (Item item : items) {
            take(item, name, base, attachments);
        }
        // the media no post uses are listed too, after those that are, which say by what
        for (Item item : items) {
            if (attachments.containsKey(item.get("post_id"))) {
                gathered.media(item.get("attachment_url"), "the media library, " + name + ":" + item.line());
            }
        }
        otherKinds.forEach((type, count) -> gathered.finding(name, count + " WordPress item" + (count == 1 ? "" : "s")
                + " of the kind `" + type + "` not imported: only posts and pages are",
                switch (type) {
                    case "revision" -> "nothing to do: the posts are imported as they are now";
                    case "nav_menu_item" -> "nothing to do: the site makes its own navigation (or see `nav:` in"
                            + " docs/content-format.md)";
                    default -> "copy what you need from them by hand";
                }));
        return gathered.done(new Imported.Origin(channel.get("title"), base, channel.get("language")), map);
    }

    private void take(Item item, String name, String base, Map<String, String> attachments) {
        String where = name + ":" + item.line();
        String type = item.get("post_type");
        String status = item.get("status");
        String title = item.get("title").strip();
        if (type.equals("attachment")) {
            return;
        }
        if (!type.equals("post") && !type.equals("page")) {
            // revisions and menu items come by the hundred: one line per kind says it
            otherKinds.merge(type.isBlank() ? "(no type)" : type, 1, Integer::sum);
            return;
        }
        if (status.equals("trash") || status.equals("auto-draft") || status.equals("inherit")) {
            gathered.finding(where, "\"" + title + "\" is in WordPress's " + status + ": not imported",
                    "restore it in WordPress and export again if you want it");
            return;
        }
        boolean draft = !status.equals("publish") && !status.equals("future");
        String html = shortcodes(item.get("encoded"), where, title);
        String slug = item.get("post_name").isBlank() ? Slug.of(title) : decode(item.get("post_name"));
        LocalDate published = SourceValues.date(item.get("post_date"));
        LocalDate updated = SourceValues.date(item.get("post_modified"));
        if (updated != null && (published == null || !updated.isAfter(published))) {
            updated = null;
        }
        String author = item.get("creator").isBlank() ? null : Slug.of(item.get("creator"));
        String description = SourceValues.firstOf(item.meta().get("_yoast_wpseo_metadesc"),
                item.meta().get("rank_math_description"), Jsoup.parse(item.get("excerpt")).text());
        List<String> aliases = new ArrayList<>();
        String oldPath = SourceValues.oldPath(item.get("link"));
        if (oldPath != null) {
            aliases.add(oldPath);
        } else if (!item.get("link").isBlank()) {
            gathered.finding(where, "the old address " + item.get("link") + " has a query, which a redirect here"
                    + " cannot match", "switch WordPress to pretty permalinks before exporting, or redirect it there");
        }
        String thumbnail = attachments.get(item.meta().get("_thumbnail_id"));
        if (thumbnail != null) {
            gathered.media(thumbnail, where + ", as its featured image");
        }
        Element body = Jsoup.parseBodyFragment(html, base == null ? "" : base).body();
        body.select("img[src]").forEach(img -> gathered.media(img.absUrl("src").isEmpty() ? img.attr("src")
                : img.absUrl("src"), where));
        // files the post links to in the media library: a PDF, a printable routine
        body.select("a[href*=/wp-content/uploads/]").forEach(a -> gathered.media(a.absUrl("href").isEmpty()
                ? a.attr("href") : a.absUrl("href"), where));
        for (String left : ToMarkdown.leftOut(body)) {
            gathered.finding(where, "left out of \"" + title + "\": " + left + " (Markdown has no such thing)",
                    "link to it in the text instead");
        }
        if (type.equals("page")) {
            gathered.pages.add(new Imported.Page(where, slug, title, SourceValues.firstOf(description,
                    Answers.shortened(body.text())), aliases, markdown.blocks(body.html(), base), draft));
            return;
        }
        CategoryMap.Target target = map.target(item.categories().stream().map(c -> c[0]).toList(),
                Answers.looksLikeAnswer(title, html));
        switch (target.kind()) {
            case SKIP -> gathered.finding(where, "\"" + title + "\" is not imported: the category map skips its"
                    + " category", "change the map to import it");
            case PAGE -> gathered.pages.add(new Imported.Page(where, slug, title, SourceValues.firstOf(description,
                    Answers.shortened(body.text())), aliases, markdown.blocks(body.html(), base), draft));
            case POST -> gathered.posts.add(new Imported.Post(where, slug, title, SourceValues.firstOf(description,
                    Answers.shortened(body.text())), author, published, updated, aliases,
                    markdown.blocks(body.html(), base), draft));
            case ANSWER -> {
                if (target.category() != null) {
                    gathered.categories.add(target.category());
                }
                Sections.Found found = sections.split(body);
                Answers.Facts facts = new Answers.Facts(where, slug, title, description, target.category(), author,
                        published, updated, aliases, draft);
                gathered.answers.add(Answers.of(facts, found, markdown, base));
            }
        }
    }

    private Item item(XMLStreamReader xml) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String[]> categories = new ArrayList<>();
        Map<String, String> meta = new HashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = xml.getLocalName();
            if (local.equals("category") && "category".equals(xml.getAttributeValue(null, "domain"))) {
                String nicename = xml.getAttributeValue(null, "nicename");
                String label = text(xml);
                categories.add(new String[] {nicename == null ? Slug.of(label) : nicename, label});
            } else if (local.equals("postmeta")) {
                Map<String, String> pair = fields(xml, "postmeta");
                meta.put(pair.getOrDefault("meta_key", ""), pair.getOrDefault("meta_value", ""));
            } else if (local.equals("comment")) {
                fields(xml, "comment");
            } else {
                // content:encoded and excerpt:encoded are both "encoded": the first is the content
                String key = local.equals("encoded") && "excerpt".equals(xml.getPrefix()) ? "excerpt" : local;
                fields.putIfAbsent(key, text(xml));
            }
        }
        return new Item(line, fields, categories, meta);
    }

    /** The simple fields inside an element, by local name, up to its end. */
    private static Map<String, String> fields(XMLStreamReader xml, String end) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(end)) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                fields.putIfAbsent(xml.getLocalName(), text(xml));
            }
        }
        return fields;
    }

    /** The text of the current element, up to {@value #MAX_TEXT} characters; its children's text too. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (text.length() + xml.getTextLength() > MAX_TEXT) {
                    throw new XMLStreamException("a text of more than " + (MAX_TEXT >> 20) + " MiB", xml.getLocation());
                }
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    /**
     * WordPress's shortcodes in a post's HTML: {@code [caption]} keeps what it wraps, {@code [embed]} becomes a
     * link to what it embeds; any other (a gallery, a form, a plugin's) has no Markdown form and is taken out,
     * reported with its name. Brackets that WordPress would not read as a shortcode ({@code [1]}, {@code [sic]}
     * without a closing tag) are left in the text.
     */
    private String shortcodes(String html, String where, String title) {
        // where each [/name] is: an opening tag's end is found by a search in these, not by scanning the text
        // again for each (a hostile post of many unclosed brackets would make that quadratic)
        Map<String, java.util.TreeSet<Integer>> closings = new HashMap<>();
        Matcher close = CLOSING.matcher(html);
        while (close.find()) {
            closings.computeIfAbsent(close.group(1).toLowerCase(Locale.ROOT), n -> new java.util.TreeSet<>())
                    .add(close.start());
        }
        Matcher m = OPENING.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        int done = 0;
        while (m.find(done)) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            java.util.TreeSet<Integer> ends = closings.get(name);
            Integer closing = ends == null ? null : ends.ceiling(m.end());
            if (closing == null && !SELF_CLOSING.contains(name)) {
                out.append(html, done, m.end());
                done = m.end();
                continue;
            }
            String inner = closing == null ? null : html.substring(m.end(), closing);
            out.append(html, done, m.start());
            if (name.equals("caption") || name.equals("wp_caption")) {
                out.append(inner == null ? "" : "<p>" + inner + "</p>");
            } else if (name.equals("embed") && inner != null && inner.strip().matches("https?://\\S+")) {
                out.append("<p><a href=\"").append(inner.strip()).append("\">").append(inner.strip()).append("</a></p>");
            } else {
                gathered.finding(where, "the shortcode [" + name + "] in \"" + title + "\" has no Markdown form:"
                        + " taken out", "write what it showed in Markdown, or link to it");
            }
            done = closing == null ? m.end() : closing + name.length() + 3;
        }
        out.append(html, done, html.length());
        return out.toString();
    }


    private static String decode(String slug) {
        try {
            return java.net.URLDecoder.decode(slug, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

}
