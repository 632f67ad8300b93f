package dev.answerline.importing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.answerline.content.Slug;
import dev.answerline.importing.ImportException;
import dev.answerline.importing.Imported;
import dev.answerline.markdown.Markdown;
import dev.answerline.memory.TextStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A Hugo (or Jekyll) site: its {@code content/} folder (Jekyll's {@code _posts/}), or a folder of Markdown
 * files with front matter in YAML ({@code ---}) or TOML ({@code +++}). {@code title} becomes the question when
 * it ends with {@code ?}; {@code summary} or {@code description}, {@code date}, {@code lastmod},
 * {@code aliases}, {@code categories}, {@code author} and {@code slug} carry over. Shortcodes that have a
 * Markdown form ({@code figure}, {@code youtube}, {@code ref}) are converted; the others are taken out and
 * reported at their line.
 */
public final class HugoReader {
    private static final long MAX_BYTES = 1 << 20;
    /** One of each for every file: a mapper is costly to make and safe to share. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper TOML = new TomlMapper();
    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{([<%])\\s*(/?)\\s*([\\w./-]+)([^}]*?)\\s*[>%]\\}\\}");
    private static final Pattern JEKYLL_POST = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(.+)");
    private static final Pattern LOCAL_IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\((/[^)\\s]+)");
    private static final Pattern ARG = Pattern.compile("(?:(\\w+)=)?(?:\"([^\"]*)\"|(\\S+))");

    private final Path root;
    private final Path content;
    private final CategoryMap map;
    private final ToMarkdown markdown = new ToMarkdown();
    private final Sections sections = new Sections();
    private final Gathered gathered = new Gathered();

    private HugoReader(Path root, CategoryMap map) {
        this.root = root;
        this.content = Files.isDirectory(root.resolve("content")) ? root.resolve("content")
                : Files.isDirectory(root.resolve("_posts")) ? root.resolve("_posts") : root;
        this.map = map;
    }

    /** Reads the Hugo or Jekyll site (or content folder) {@code source}. */
    public static Imported read(Path source, CategoryMap map) {
        return new HugoReader(source, map).read();
    }

    /** Whether {@code source} is a folder with Markdown files that start with front matter. */
    public static boolean looksLike(Path source) {
        if (!Files.isDirectory(source)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(source, 6)) {
            return files.filter(f -> f.toString().endsWith(".md") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .limit(20).anyMatch(f -> {
                        try {
                            String start = new String(Files.newInputStream(f).readNBytes(4), StandardCharsets.UTF_8);
                            return start.startsWith("---") || start.startsWith("+++");
                        } catch (IOException e) {
                            return false;
                        }
                    });
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private Imported read() {
        String name = null;
        String base = null;
        String language = null;
        for (String config : List.of("hugo.toml", "config.toml", "hugo.yaml", "config.yaml", "_config.yml")) {
            Path file = root.resolve(config);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    JsonNode site = (config.endsWith(".toml") ? TOML : YAML)
                            .readTree(file.toFile());
                    if (site != null) {
                        name = site.path("title").asText(null);
                        base = site.has("baseURL") ? site.path("baseURL").asText(null) : site.path("url").asText(null);
                        language = site.has("languageCode") ? site.path("languageCode").asText(null)
                                : site.path("lang").asText(null);
                    }
                } catch (IOException e) {
                    gathered.finding(config, "cannot be read: " + e.getMessage().lines().findFirst().orElse(""),
                            "check site.yaml's brand, title and base_url by hand");
                }
                break;
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".md")
                    && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportException("cannot read " + content + ": " + e.getMessage(), "check the path", e);
        }
        for (Path file : files) {
            String where = root.relativize(file).toString().replace('\\', '/');
            try {
                if (Files.size(file) > MAX_BYTES) {
                    gathered.finding(where, "larger than 1 MiB: skipped", "split it, then import again");
                    continue;
                }
                take(file, where, Files.readString(file, StandardCharsets.UTF_8), base);
            } catch (IOException | java.io.UncheckedIOException e) {
                gathered.finding(where, "cannot be read: " + e.getMessage(), "check that it is readable UTF-8");
            }
        }
        return gathered.done(new Imported.Origin(name, base, language), map);
    }

    private void take(Path file, String where, String text, String base) throws IOException {
        String fence = text.startsWith("---") ? "---" : text.startsWith("+++") ? "+++" : null;
        int end = fence == null ? -1 : text.indexOf("\n" + fence, 3);
        if (end < 0) {
            gathered.finding(where, "no front matter: skipped", "add a title between --- lines, then import again");
            return;
        }
        JsonNode front;
        try {
            String head = text.substring(3, end);
            front = (fence.equals("+++") ? TOML : YAML).readTree(head);
        } catch (IOException | RuntimeException e) {
            gathered.finding(where, "its front matter cannot be read: " + e.getMessage().lines().findFirst().orElse(""),
                    "fix it, then import again");
            return;
        }
        if (front == null || !front.isObject()) {
            gathered.finding(where, "its front matter is empty: skipped", "add a title, then import again");
            return;
        }
        int bodyLine = (int) text.substring(0, end).lines().count() + 2;
        int next = text.indexOf('\n', end + 1);
        String body = next < 0 ? "" : text.substring(next + 1);
        String fileName = file.getFileName().toString();
        if (fileName.startsWith("_index.")) {
            gathered.finding(where, "a section's index page: skipped", "the new site makes its own index pages");
            return;
        }
        body = shortcodes(body, where, bodyLine);
        Matcher images = LOCAL_IMAGE.matcher(body);
        while (images.find()) {
            gathered.media(images.group(1), where);
        }
        String title = front.path("title").asText("").strip();
        boolean draft = front.path("draft").asBoolean(false);
        String name = fileName.equals("index.md") ? file.getParent().getFileName().toString()
                : fileName.substring(0, fileName.length() - 3);
        // Jekyll's posts are named by their date: 2024-05-02-scar-tissue.md
        Matcher dated = JEKYLL_POST.matcher(name);
        LocalDate nameDate = dated.matches() ? SourceValues.date(dated.group(1)) : null;
        String slug = SourceValues.firstOf(front.path("slug").asText(null), dated.matches() ? dated.group(2) : name);
        Path relative = content.relativize(file);
        String section = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        List<String> aliases = new ArrayList<>();
        String url = SourceValues.firstOf(front.path("url").asText(null), front.path("permalink").asText(null));
        if (url != null) {
            aliases.add(url);
        } else if (nameDate != null) {
            // Jekyll's default permalink for a post
            aliases.add(String.format(Locale.ROOT, "/%d/%02d/%02d/%s.html", nameDate.getYear(),
                    nameDate.getMonthValue(), nameDate.getDayOfMonth(), slug));
        } else {
            aliases.add((section.isEmpty() ? "" : "/" + section) + "/" + slug + "/");
        }
        front.path("aliases").forEach(a -> aliases.add(a.asText()));
        front.path("redirect_from").forEach(a -> aliases.add(a.asText()));
        List<String> categories = new ArrayList<>();
        front.path("categories").forEach(c -> categories.add(c.asText()));
        if (front.path("categories").isTextual()) {
            categories.add(front.path("categories").asText());
        }
        String author = SourceValues.firstOf(front.path("author").isTextual() ? front.path("author").asText() : null,
                front.path("authors").isArray() && front.path("authors").size() > 0
                        ? front.path("authors").get(0).asText() : null);
        String authorId = null;
        if (author != null) {
            authorId = Slug.of(author);
            gathered.authors.putIfAbsent(authorId, new Imported.Author(authorId, author));
        }
        LocalDate published = SourceValues.date(front.path("date").asText(null),
                front.path("publishDate").asText(null));
        if (published == null) {
            published = nameDate;
        }
        LocalDate updated = SourceValues.date(front.path("lastmod").asText(null));
        if (updated != null && published != null && !updated.isAfter(published)) {
            updated = null;
        }
        String description = SourceValues.firstOf(front.path("description").asText(null), front.path("summary").asText(null));
        // Hugo's page of a taxonomy term
        categories.forEach(c -> map.name(Slug.of(c), c, null, "/categories/" + Slug.of(c)));
        CategoryMap.Target target = map.target(categories, title.endsWith("?"));
        if (Markdown.depth(body).levels() > Markdown.MAX_LEVELS) {
            gathered.finding(where + ":" + (bodyLine + Markdown.depth(body).line()), "nests more than "
                    + Markdown.MAX_LEVELS + " levels deep: skipped", "flatten the lists or quotes there");
            return;
        }
        switch (target.kind()) {
            case SKIP -> gathered.finding(where, "skipped: the category map skips its category",
                    "change the map to import it");
            case PAGE -> gathered.pages.add(new Imported.Page(where, slug, title, SourceValues.firstOf(description, title), aliases,
                    body, draft));
            case POST -> gathered.posts.add(new Imported.Post(where, slug, title, SourceValues.firstOf(description, title), authorId,
                    published, updated, aliases, body, draft));
            case ANSWER -> {
                if (target.category() != null) {
                    gathered.categories.add(target.category());
                }
                String html = Markdown.block(body, bodyLine, null, TextStore.HEAP, false).html();
                Element parsed = Jsoup.parseBodyFragment(html).body();
                Sections.Found found = sections.split(parsed);
                Answers.Facts facts = new Answers.Facts(where, slug, title, description, target.category(), authorId,
                        published, updated, aliases, draft);
                gathered.answers.add(Answers.of(facts, found, markdown, base));
            }
        }
    }

    /** The body with its shortcodes made Markdown where they have a form, else taken out and reported. */
    private String shortcodes(String body, String where, int bodyLine) {
        Matcher m = SHORTCODE.matcher(body);
        StringBuilder out = new StringBuilder(body.length());
        while (m.find()) {
            int line = bodyLine + (int) body.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            String name = m.group(3).toLowerCase(Locale.ROOT);
            List<String[]> args = args(m.group(4));
            String replacement;
            if (m.group(2).equals("/")) {
                replacement = "";
            } else if (name.equals("figure") || name.equals("img")) {
                replacement = "![" + SourceValues.firstOf(arg(args, "alt", -1), arg(args, "caption", -1), "") + "]("
                        + SourceValues.firstOf(arg(args, "src", 0), "") + ")";
            } else if (name.equals("youtube")) {
                String id = SourceValues.firstOf(arg(args, "id", 0), "");
                replacement = "[Watch the video](https://www.youtube.com/watch?v=" + id + ")";
            } else if (name.equals("ref") || name.equals("relref")) {
                String target = SourceValues.firstOf(arg(args, "path", 0), "");
                String targetSlug = target.replaceAll("#.*$", "").replaceAll("(/index)?\\.md$", "")
                        .replaceAll(".*/", "");
                replacement = dev.answerline.content.Address.of(dev.answerline.content.Address.Kind.ANSWER,
                        dev.answerline.content.Slug.of(targetSlug)).path();
                gathered.finding(where + ":" + line, "`" + m.group() + "` became " + replacement,
                        "check the link if " + target + " is not an answer");
            } else {
                replacement = "";
                gathered.finding(where + ":" + line, "the shortcode `" + m.group() + "` has no Markdown form: taken out"
                        + (m.group(4).isBlank() ? "" : " (its text between its tags is kept)"),
                        "write what it showed in Markdown at that line");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String[]> args(String text) {
        List<String[]> args = new ArrayList<>();
        Matcher m = ARG.matcher(text.strip());
        while (m.find()) {
            args.add(new String[] {m.group(1), m.group(2) != null ? m.group(2) : m.group(3)});
        }
        return args;
    }

    /** A shortcode's argument by name, or by its place when it has none ({@code position} -1: by name only). */
    private static String arg(List<String[]> args, String name, int position) {
        for (String[] arg : args) {
            if (name.equals(arg[0])) {
                return arg[1];
            }
        }
        if (position >= 0 && position < args.size() && args.get(position)[0] == null) {
            return args.get(position)[1];
        }
        return null;
    }

}
