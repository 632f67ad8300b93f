package dev.answerline.importing.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.answerline.content.Slug;
import dev.answerline.importing.ImportException;
import dev.answerline.importing.Imported;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Saved answer pages: a folder of {@code .html} files (or one file), each read for the answer it shows. The
 * parts come from its headings ({@link Sections}) and, where the page has them, from its structured data: a
 * {@code QAPage} gives the question and its answer, a {@code FAQPage} the related questions, an
 * {@code Article} the author, dates and description. A page with none of these (an index, a category page) is
 * not an answer and is skipped, said in the report.
 */
public final class HtmlReader {
    /** Larger saved pages are skipped: a page of the hub is well under it. */
    static final long MAX_BYTES = 4 << 20;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_COMMENTS).build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(1 << 20).build());
    }

    private final Path root;
    private final CategoryMap map;
    private final ToMarkdown markdown = new ToMarkdown();
    private final Sections sections = new Sections();
    private final Gathered gathered = new Gathered();
    private String siteName;
    private String baseUrl;
    private String language;

    private HtmlReader(Path root, CategoryMap map) {
        this.root = root;
        this.map = map;
    }

    /** Reads the saved pages in {@code source}, a folder or one file. */
    public static Imported read(Path source, CategoryMap map) {
        return new HtmlReader(source, map).read();
    }

    /** Whether {@code source} is a saved page, or a folder with saved pages in it. */
    public static boolean looksLike(Path source) {
        if (Files.isRegularFile(source)) {
            return isPage(source);
        }
        try (Stream<Path> files = Files.walk(source, 4)) {
            return files.anyMatch(HtmlReader::isPage);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static boolean isPage(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return (name.endsWith(".html") || name.endsWith(".htm")) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private Imported read() {
        List<Path> pages;
        try (Stream<Path> files = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
            // links are not followed: a saved folder has none, and one could lead anywhere on the disk
            pages = files.filter(HtmlReader::isPage).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportException("cannot read " + root + ": " + e.getMessage(), "check the path", e);
        }
        for (Path page : pages) {
            String where = Files.isDirectory(root) ? root.relativize(page).toString().replace('\\', '/')
                    : page.getFileName().toString();
            try {
                if (Files.size(page) > MAX_BYTES) {
                    gathered.finding(where, "larger than " + (MAX_BYTES >> 20) + " MiB: skipped",
                            "save the page without inlined pictures or scripts");
                    continue;
                }
                take(Jsoup.parse(page.toFile(), null), where);
            } catch (IOException e) {
                gathered.finding(where, "cannot be read: " + e.getMessage(), "check that the file is readable");
            }
        }
        return gathered.done(new Imported.Origin(siteName, baseUrl, language), map);
    }

    private void take(Document page, String where) {
        List<JsonNode> data = structuredData(page, where);
        JsonNode qa = first(data, "QAPage");
        JsonNode faq = first(data, "FAQPage");
        JsonNode article = first(data, "Article", "BlogPosting", "NewsArticle", "MedicalWebPage", "WebPage");
        String canonical = page.select("link[rel=canonical]").attr("href");
        origin(page, canonical);
        // read before the furniture is dropped: the author box and the breadcrumbs say who and where
        String author = SourceValues.firstOf(name(article == null ? null : article.get("author")),
                page.select("[rel=author]").text(), page.select("meta[name=author]").attr("content"),
                page.select(".author-box .author-name, .author-box h3, .byline .author").text());
        String breadcrumb = breadcrumb(page, data);
        Element content = firstElement(page.selectFirst("article"), page.selectFirst("main"), page.body());
        siteRelative(content, where);
        Sections.Found found = sections.split(content);
        String question = SourceValues.firstOf(found.question(), text(qa, "mainEntity", "name"));
        boolean isAnswer = qa != null || found.directAnswer() != null || !found.takeaways().isEmpty()
                || (question != null && question.strip().endsWith("?"));
        if (!isAnswer) {
            gathered.finding(where, "not an answer page (no question as its heading, no Direct Answer, no QAPage"
                    + " data): skipped", "the new site makes its own index and category pages");
            return;
        }
        for (String left : ToMarkdown.leftOut(content)) {
            gathered.finding(where, "left out: " + left + " (Markdown has no such thing)", "link to it instead");
        }
        String direct = found.directAnswer() != null ? found.directAnswer() : text(qa, "mainEntity",
                "acceptedAnswer", "text");
        List<dev.answerline.importing.Imported.Related> related = new ArrayList<>(found.related());
        if (related.isEmpty() && faq != null && faq.path("mainEntity").isArray()) {
            for (JsonNode q : faq.path("mainEntity")) {
                String name = q.path("name").asText("");
                String answer = q.path("acceptedAnswer").path("text").asText("");
                if (!name.isBlank() && !answer.isBlank() && !name.equals(question)) {
                    related.add(new dev.answerline.importing.Imported.Related(name, answer));
                }
            }
        }
        Sections.Found parts = new Sections.Found(question, direct, found.takeaways(), related,
                found.bottomLine(), found.body(), found.dropped(), found.category());
        String categoryName = SourceValues.firstOf(breadcrumb, found.category());
        String category = null;
        if (categoryName != null) {
            category = Slug.of(categoryName);
            map.name(category, categoryName, null, null);
            CategoryMap.Target target = map.target(List.of(category), true);
            if (target.kind() != CategoryMap.Kind.ANSWER) {
                gathered.finding(where, "skipped: the category map does not make answers of " + categoryName,
                        "change the map to import it");
                return;
            }
            category = target.category();
            gathered.categories.add(category);
        }
        String authorId = null;
        if (author != null) {
            authorId = Slug.of(author);
            gathered.authors.putIfAbsent(authorId, new Imported.Author(authorId, author));
        }
        String oldPath = SourceValues.oldPath(canonical);
        if (oldPath == null) {
            oldPath = "/" + where.replaceAll("(/index)?\\.html?$", "");
        }
        String slug = oldPath.replaceAll("/+$", "");
        slug = slug.substring(slug.lastIndexOf('/') + 1);
        LocalDate published = SourceValues.date(text(article, "datePublished"), text(qa, "datePublished"),
                text(qa, "mainEntity", "dateCreated"),
                page.select("meta[property=article:published_time]").attr("content"),
                page.select("time[datetime]").attr("datetime"));
        LocalDate updated = SourceValues.date(text(article, "dateModified"),
                page.select("meta[property=article:modified_time]").attr("content"));
        if (updated != null && published != null && !updated.isAfter(published)) {
            updated = null;
        }
        String description = SourceValues.firstOf(page.select("meta[name=description]").attr("content"),
                page.select("meta[property=og:description]").attr("content"), text(article, "description"));
        // the saved file's own address too: a hub on a plain static host was served at it, and the other saved
        // pages link to it by it
        String filePath = "/" + where.replaceAll("index\\.html?$", "");
        Answers.Facts facts = new Answers.Facts(where, slug, question, description, category, authorId, published,
                updated, List.of(oldPath, filePath), false);
        gathered.answers.add(Answers.of(facts, parts, markdown, baseUrl));
    }

    /**
     * Links relative to the saved file ({@code other-question.html}, {@code ../answers/x.html}), as a browser or
     * wget saving a hub writes them, made paths of the site ({@code /answers/other-question.html}); the new
     * addresses replace them later, as they do other old addresses.
     */
    private static void siteRelative(Element content, String where) {
        URI file = URI.create("/" + where.replace(" ", "%20"));
        for (Element link : content.select("a[href], img[src]")) {
            String attribute = link.hasAttr("href") ? "href" : "src";
            String target = link.attr(attribute).strip();
            if (target.isEmpty() || target.startsWith("/") || target.startsWith("#") || target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                continue;
            }
            try {
                link.attr(attribute, file.resolve(target).toString());
            } catch (IllegalArgumentException e) {
                // not a link a browser could follow either: left as it is
            }
        }
    }

    /** The site's name and address, from the first page that says them. */
    private void origin(Document page, String canonical) {
        if (siteName == null) {
            String name = page.select("meta[property=og:site_name]").attr("content");
            if (name.isBlank() && page.title().contains(" | ")) {
                name = page.title().substring(page.title().lastIndexOf(" | ") + 3).replaceAll("\\s+Answers$", "");
            }
            siteName = name.isBlank() ? null : name.strip();
        }
        if (baseUrl == null && !canonical.isBlank()) {
            try {
                URI uri = new URI(canonical);
                if (uri.getScheme() != null && uri.getHost() != null) {
                    baseUrl = uri.getScheme() + "://" + uri.getRawAuthority();
                }
            } catch (java.net.URISyntaxException e) {
                // no address from this page
            }
        }
        if (language == null && !page.select("html[lang]").attr("lang").isBlank()) {
            language = page.select("html[lang]").attr("lang").strip();
        }
    }

    private String breadcrumb(Document page, List<JsonNode> data) {
        JsonNode list = first(data, "BreadcrumbList");
        if (list != null && list.path("itemListElement").isArray() && list.path("itemListElement").size() >= 3) {
            JsonNode items = list.path("itemListElement");
            return SourceValues.firstOf(items.get(items.size() - 2).path("name").asText(""),
                    items.get(items.size() - 2).path("item").path("name").asText(""));
        }
        List<Element> links = page.select("nav.breadcrumb a, nav.breadcrumbs a, .breadcrumb a, nav[aria-label=Breadcrumb] a");
        return links.size() >= 2 ? links.get(links.size() - 1).text() : null;
    }

    private List<JsonNode> structuredData(Document page, String where) {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), found);
            } catch (IOException | RuntimeException e) {
                gathered.finding(where, "its structured data (JSON-LD) cannot be read: "
                        + e.getMessage().lines().findFirst().orElse(""), "the headings are used instead");
            }
        }
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        } else if (node.isObject()) {
            into.add(node);
            collect(node.get("@graph"), into);
        }
    }

    private static JsonNode first(List<JsonNode> data, String... types) {
        for (JsonNode node : data) {
            JsonNode type = node.path("@type");
            for (String wanted : types) {
                if (type.asText().equals(wanted) || (type.isArray() && type.toString().contains("\"" + wanted + "\""))) {
                    return node;
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String... path) {
        JsonNode at = node;
        for (String step : path) {
            if (at == null) {
                return null;
            }
            at = at.isArray() && at.size() > 0 ? at.get(0).get(step) : at.get(step);
        }
        return at == null || !at.isValueNode() ? null : at.asText();
    }

    private static String name(JsonNode author) {
        if (author == null) {
            return null;
        }
        JsonNode one = author.isArray() && author.size() > 0 ? author.get(0) : author;
        return one.isTextual() ? one.asText() : one.path("name").asText(null);
    }

    private static Element firstElement(Element... elements) {
        for (Element element : elements) {
            if (element != null) {
                return element;
            }
        }
        throw new IllegalStateException("a parsed page always has a body");
    }

}
