package dev.answerline.importing.internal;

import dev.answerline.content.Address;
import dev.answerline.content.Slug;
import dev.answerline.importing.Finding;
import dev.answerline.importing.Imported;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.LocalDate;

/**
 * The files of a site made from what an import read: one content file per answer, post, page, author and
 * category, a picture for each author (their initials, to be replaced by a photo), and a site.yaml when the
 * folder has none. Every file is named by the slug it will have; two items with the same slug are told apart by
 * a number, reported.
 */
public final class SiteMaker {
    /** The author of answers whose source names none. */
    static final String EDITORS = "editors";
    /** The category of answers whose source names none. */
    static final String GENERAL = "general";

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> made = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();
    /** Old site paths (without a final slash) and the new paths of what was there. */
    private final Map<String, String> moves = new java.util.HashMap<>();
    private final LocalDate today;
    /** The old site's address, {@code https://example.com}, whose links are links within the site. */
    private final String oldHost;
    private boolean hasAbout;

    /** The files, by path under the site folder, and what each was made from. */
    public record Made(Map<String, byte[]> files, List<String> made, List<Finding> findings) {}

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)");

    private SiteMaker(Imported imported, LocalDate today) {
        this.today = today;
        String base = imported.origin().baseUrl();
        this.oldHost = base == null ? null : base.replaceAll("/+$", "");
    }

    /**
     * @param hasSiteYaml whether the folder has a site.yaml already, which is left as it is
     * @param hasAbout whether the folder has pages/about.md, which author boxes link to
     * @param today the date of answers and posts whose source has none
     */
    public static Made of(Imported imported, boolean hasSiteYaml, boolean hasAbout, LocalDate today) {
        SiteMaker maker = new SiteMaker(imported, today);
        maker.make(imported, hasSiteYaml, hasAbout || imported.pages().stream().anyMatch(p -> "about".equals(p.slug())));
        return new Made(maker.files, maker.made, maker.findings);
    }

    private void make(Imported imported, boolean hasSiteYaml, boolean hasAbout) {
        this.hasAbout = hasAbout;
        // slugs first: every link to an old address can then be made a link to its new one
        List<String> answerSlugs = imported.answers().stream().map(a -> free("answers/", a.slug(), a.from())).toList();
        List<String> postSlugs = imported.posts().stream().map(p -> free("blog/", p.slug(), p.from())).toList();
        List<String> pageSlugs = imported.pages().stream().map(p -> free("pages/", p.slug(), p.from())).toList();
        for (int i = 0; i < answerSlugs.size(); i++) {
            moved(imported.answers().get(i).aliases(), Address.of(Address.Kind.ANSWER, answerSlugs.get(i)).path());
        }
        for (int i = 0; i < postSlugs.size(); i++) {
            moved(imported.posts().get(i).aliases(), Address.of(Address.Kind.POST, postSlugs.get(i)).path());
        }
        for (int i = 0; i < pageSlugs.size(); i++) {
            moved(imported.pages().get(i).aliases(), Address.of(Address.Kind.PAGE, pageSlugs.get(i)).path());
        }
        imported.categories().forEach(c -> moved(c.oldPaths(), Address.of(Address.Kind.CATEGORY, c.id()).path()));
        Set<String> authors = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (Imported.Author author : imported.authors()) {
            if (authors.add(author.id())) {
                author(author);
            }
        }
        for (Imported.Category category : imported.categories()) {
            if (categories.add(category.id())) {
                put("categories/" + category.id() + ".md", new FrontMatter().text("name", category.name())
                        .text("description", category.description() != null ? category.description()
                                : "Questions and answers about " + category.name() + ".")
                        .with(""), "category " + category.name());
            }
        }
        for (int i = 0; i < answerSlugs.size(); i++) {
            Imported.Answer answer = imported.answers().get(i);
            String slug = answerSlugs.get(i);
            String author = answer.author() != null ? answer.author() : EDITORS;
            if (authors.add(author)) {
                author(new Imported.Author(author, author.equals(EDITORS) ? editors(imported) : author));
            }
            String category = answer.category() != null ? answer.category() : GENERAL;
            if (categories.add(category)) {
                put("categories/" + category + ".md", new FrontMatter().text("name", category.equals(GENERAL)
                        ? "General" : category).text("description", "Questions and answers.").with(""),
                        "answers without a category");
            }
            List<Map<String, String>> related = answer.related().stream()
                    .map(r -> {
                        Map<String, String> pair = new LinkedHashMap<>();
                        pair.put("question", r.question());
                        pair.put("answer", relinked(r.answer()));
                        return pair;
                    }).toList();
            List<String> derived = new ArrayList<>(answer.derived());
            if (answer.published() == null) {
                derived.add("published (the day of the import)");
            }
            String text = new FrontMatter().text("question", answer.question())
                    .text("description", answer.description()).text("answer", relinked(answer.answer()))
                    .list("takeaways", answer.takeaways().stream().map(this::relinked).toList())
                    .text("category", category).text("author", author)
                    .date("published", answer.published() != null ? answer.published() : today)
                    .date("updated", answer.updated())
                    .text("bottom_line", relinked(answer.bottomLine())).maps("related", related)
                    .list("aliases", aliases(answer.from(), answer.aliases(), Address.of(Address.Kind.ANSWER, slug).path(), slug))
                    .flag("draft", answer.draft()).with(relinked(answer.body()));
            put("answers/" + slug + ".md", text, answer.from() + (derived.isEmpty() ? ""
                    : " (made up from the body, to read: " + String.join(", ", derived) + ")"));
        }
        for (int i = 0; i < postSlugs.size(); i++) {
            Imported.Post post = imported.posts().get(i);
            String slug = postSlugs.get(i);
            String author = post.author() != null ? post.author() : EDITORS;
            if (authors.add(author)) {
                author(new Imported.Author(author, author.equals(EDITORS) ? editors(imported) : author));
            }
            put("blog/" + slug + ".md", new FrontMatter().text("title", post.title())
                    .text("description", post.description())
                    .date("published", post.published() != null ? post.published() : today)
                    .text("author", author).date("updated", post.updated())
                    .list("aliases", aliases(post.from(), post.aliases(), Address.of(Address.Kind.POST, slug).path(), slug))
                    .flag("draft", post.draft()).with(relinked(post.body())), post.from());
        }
        for (int i = 0; i < pageSlugs.size(); i++) {
            Imported.Page page = imported.pages().get(i);
            String slug = pageSlugs.get(i);
            put("pages/" + slug + ".md", new FrontMatter().text("title", page.title())
                    .text("description", page.description())
                    .list("aliases", aliases(page.from(), page.aliases(), Address.of(Address.Kind.PAGE, slug).path(), slug))
                    .flag("draft", page.draft()).with(relinked(page.body())), page.from());
        }
        if (!hasSiteYaml) {
            siteYaml(imported.origin());
        }
    }

    /** A slug not taken yet in {@code folder}: the item's own, made valid, or with a number after it. */
    private String free(String folder, String wanted, String from) {
        String slug = wanted != null && Slug.isSlug(wanted) ? wanted : Slug.of(wanted == null ? "" : wanted);
        if (wanted != null && !slug.equals(wanted)) {
            findings.add(new Finding(from, "the slug `" + wanted + "` is not one Answerline takes; it is now `"
                    + slug + "`", "its old address still leads to it: it is among the aliases"));
        }
        if (folder.equals("pages/") && Address.reservedSlugs().contains(slug)) {
            // a WordPress page called "blog" or "search" would take an address Answerline makes itself
            findings.add(new Finding(from, "the page address /" + slug + " is one Answerline makes itself; the page is"
                    + " now /" + slug + "-page", "rename it (`slug:`) if that does not suit, or leave it out"));
            slug = slug + "-page";
        }
        String free = slug;
        for (int n = 2; !taken.add(folder + free); n++) {
            free = slug + "-" + n;
        }
        if (!free.equals(slug)) {
            findings.add(new Finding(from, "another item already has the slug `" + slug + "`; this one is `" + free
                    + "`", "give one of them another slug (`slug:`) if the number does not suit"));
        }
        return free;
    }

    /** The old addresses worth keeping: not the new address itself, each once in the whole site. */
    private List<String> aliases(String from, List<String> old, String path, String slug) {
        List<String> aliases = new ArrayList<>();
        for (String alias : old) {
            boolean isPath = alias.startsWith("/");
            if (isPath && !Address.isOldPath(alias)) {
                findings.add(new Finding(from, "the old address `" + alias + "` cannot be kept as an alias"
                        + " (only letters, digits, `.`, `_`, `~` and `-` between slashes are)",
                        "redirect it on the old host, or add an alias by hand"));
                continue;
            }
            String key = isPath ? trimmed(alias) : alias;
            if (key.equals(path) || key.equals(slug) || (!isPath && !Slug.isSlug(alias))) {
                continue;
            }
            if (!aliases.contains(key) && taken.add("alias " + key.toLowerCase(Locale.ROOT))) {
                aliases.add(key);
            }
        }
        return aliases;
    }

    /** Notes that the old site paths among {@code aliases} are now {@code path}. */
    private void moved(List<String> aliases, String path) {
        aliases.stream().filter(a -> a.startsWith("/")).forEach(a -> moves.putIfAbsent(trimmed(a), path));
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Markdown whose links to old addresses of imported items (on the old host or as paths) lead to the new ones. */
    String relinked(String markdown) {
        if (markdown == null || moves.isEmpty()) {
            return markdown;
        }
        Matcher m = LINK.matcher(markdown);
        StringBuilder out = new StringBuilder(markdown.length());
        while (m.find()) {
            String target = m.group(1);
            String path = target;
            if (oldHost != null && target.startsWith(oldHost)) {
                path = target.substring(oldHost.length());
            }
            String anchor = "";
            int hash = path.indexOf('#');
            if (hash >= 0) {
                anchor = path.substring(hash);
                path = path.substring(0, hash);
            }
            String now = path.startsWith("/") ? moves.get(trimmed(path)) : null;
            m.appendReplacement(out, Matcher.quoteReplacement("](" + (now == null ? target : now + anchor)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void author(Imported.Author author) {
        String image = "/images/authors/" + author.id() + ".svg";
        // the author box links to /about unless told otherwise: without that page, to the author's own
        put("authors/" + author.id() + ".md", new FrontMatter().text("name", author.name()).text("role", "Author")
                .text("image", image).text("story_url", hasAbout ? null : "/authors/" + author.id()).with(""),
                "author " + author.name()
                + " (role and picture to replace: the picture shows their initials)");
        put("static" + image, initials(author.name()), null);
    }

    private static String editors(Imported imported) {
        String name = imported.origin().name();
        return (name == null || name.isBlank() ? "The" : name) + " editors";
    }

    /** A round picture with the initials of {@code name}, for the author box until a photo replaces it. */
    private static String initials(String name) {
        StringBuilder letters = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty() && letters.length() < 2 && Character.isLetterOrDigit(word.codePointAt(0))) {
                letters.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        String text = letters.toString().replace("&", "").replace("<", "");
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 96 96\" role=\"img\" aria-label=\""
                + text + "\"><circle cx=\"48\" cy=\"48\" r=\"48\" fill=\"#3f4a5a\"/><text x=\"48\" y=\"60\""
                + " font-family=\"sans-serif\" font-size=\"36\" fill=\"#ffffff\" text-anchor=\"middle\">" + text
                + "</text></svg>\n";
    }

    private void siteYaml(Imported.Origin origin) {
        String name = origin.name() == null || origin.name().isBlank() ? "Imported site" : origin.name();
        String base = origin.baseUrl() != null && origin.baseUrl().matches("https?://[^\\s\"]+")
                ? origin.baseUrl().replaceAll("/+$", "") : "https://answers.example.com";
        StringBuilder yaml = new StringBuilder("# written by `answerline import`: check base_url, then see\n"
                + "# docs/content-format.md (site.yaml) for the newsletter, the calls to action and the theme\n");
        yaml.append("brand: ").append(FrontMatter.quoted(name)).append('\n');
        yaml.append("title: ").append(FrontMatter.quoted(name + " Answers")).append('\n');
        yaml.append("base_url: ").append(FrontMatter.quoted(base)).append('\n');
        String language = origin.language() == null ? "" : origin.language().strip().replace('_', '-');
        if (language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            // en-us as WordPress and Hugo write it is en-US
            String[] parts = language.split("-");
            yaml.append("language: ").append(parts[0].toLowerCase(Locale.ROOT))
                    .append(parts.length > 1 ? "-" + parts[1].toUpperCase(Locale.ROOT) : "").append('\n');
        }
        put("site.yaml", yaml.toString(), "the source's title and address");
    }

    private void put(String file, String text, String from) {
        files.put(file, text.getBytes(StandardCharsets.UTF_8));
        if (from != null) {
            made.add(file + " <- " + from);
        }
    }
}
