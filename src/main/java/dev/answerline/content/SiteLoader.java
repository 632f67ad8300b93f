package dev.answerline.content;

import dev.answerline.AnswerlineException;
import dev.answerline.content.internal.Bounds;
import dev.answerline.content.internal.Fields;
import dev.answerline.content.internal.FrontMatter;
import dev.answerline.content.internal.Depths;
import dev.answerline.markdown.Markdown;
import dev.answerline.markdown.Prose;
import dev.answerline.content.internal.YamlTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a site folder into a {@link Site}, collecting problems instead of failing on bad files. */
final class SiteLoader {
    private final Path dir;
    private final LocalDate today;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Site.Hidden> hidden = new ArrayList<>();
    /** Files left out for their own errors, by folder and slug: references to them say so. */
    private final Map<String, Map<String, String>> rejected = new HashMap<>();

    private final boolean drafts;
    private final ParseCache cache;
    private final Keeping keeping;
    private Bounds bounds;
    private SiteConfig config;

    /**
     * @param drafts whether drafts and future-dated content are loaded as if published (for previews)
     * @param cache earlier reads to reuse, or null to read every file
     */
    SiteLoader(Path dir, LocalDate today, boolean drafts, ParseCache cache, Keeping keeping) {
        // absolute and normalised once, so that every file path below is too (the cache's keys are)
        this.dir = dir.toAbsolutePath().normalize();
        this.today = today;
        this.drafts = drafts;
        this.cache = cache;
        this.keeping = keeping;
    }

    /** site.yaml alone, as {@link #load()} reads it, its problems left for the load to report. */
    SiteConfig configOnly() {
        open();
        return new ConfigReader(dir, new ArrayList<>()).read();
    }

    private void open() {
        if (!Files.isDirectory(dir)) {
            throw new ContentException(dir + " is not a folder", "pass --site with the folder that holds site.yaml");
        }
        try {
            bounds = Bounds.of(dir);
        } catch (IOException e) {
            throw new ContentException(dir + " cannot be read: " + AnswerlineException.reason(e),
                    "check its permissions", e);
        }
        Problem configLink = bounds.escape(dir.resolve("site.yaml"), "site.yaml", dir);
        if (configLink != null) {
            throw new ContentException(dir, List.of(configLink));
        }
    }

    Site load() {
        open();
        SiteConfig config = config();
        this.config = config;
        Map<String, Author> authors = loadKind("authors", Author.class, this::author);
        Map<String, Category> categories = loadKind("categories", Category.class, this::category);
        if (cache != null) {
            // answers and posts were checked against these, and an answer's Markdown for readers outside was
            // made with the base URL: when they change, those are read again too
            cache.references(new ParseCache.References(config.baseUrl(), Set.copyOf(config.ctas().keySet()),
                    String.valueOf(config.defaultCta()), Set.copyOf(authors.keySet()), Set.copyOf(categories.keySet()),
                    Map.copyOf(rejected)), List.of(dir.resolve("answers"), dir.resolve("blog")));
        }
        Map<String, Product> products = published(loadKind("products", Product.class, this::product),
                Product::draft, p -> null, Product::path, Product::source);
        Map<String, BlogPost> posts = published(
                loadKind("blog", BlogPost.class, (f, slug, src) -> post(f, slug, src, authors)),
                BlogPost::draft, BlogPost::published, BlogPost::path, BlogPost::source);
        Map<String, InfoPage> pages = published(loadKind("pages", InfoPage.class, this::page),
                InfoPage::draft, p -> null, InfoPage::path, InfoPage::source);
        Map<String, Answer> answers = loadKind("answers", Answer.class,
                (f, slug, src) -> answer(f, slug, src, config, categories, authors));
        checkAliases(answers);
        checkMore(answers);
        answers = published(answers, Answer::draft, Answer::published, Answer::path, Answer::source);
        Map<String, NewsletterIssue> issues = loadKind("newsletters", NewsletterIssue.class, this::issue);
        checkCards(issues, answers);
        checkOldPaths(answers, posts, pages);
        if (config.disclaimer() != null && !pages.containsKey("disclaimer")) {
            problems.add(Problem.error("site.yaml", config.source().lineOf("disclaimer"), "missing-disclaimer-page",
                    "`disclaimer` is set, and every answer links to /disclaimer, but there is no pages/disclaimer.md",
                    "add pages/disclaimer.md with the full disclaimer, or remove `disclaimer` from site.yaml"));
        }
        List<StaticFile> staticFiles = staticFiles(answers, posts, products, pages, categories, authors);
        checkThemeFiles(config, staticFiles);
        List<TemplateOverride> templates = templates();
        return new Site(dir, today, config, List.copyOf(answers.values()), List.copyOf(categories.values()),
                List.copyOf(authors.values()), List.copyOf(products.values()), List.copyOf(posts.values()),
                List.copyOf(pages.values()), List.copyOf(issues.values()), staticFiles, synonyms(), templates, hidden,
                problems);
    }

    /** site.yaml read, or as read before when it has not changed since. */
    private SiteConfig config() {
        Path file = dir.resolve("site.yaml");
        ParseCache.Config known = cache == null ? null : cache.config();
        if (known != null) {
            problems.addAll(known.problems());
            return known.config();
        }
        List<Problem> found = new ArrayList<>();
        SiteConfig config = new ConfigReader(dir, found).read();
        if (cache != null) {
            cache.config(new ParseCache.Config(file, config, List.copyOf(found)));
        }
        problems.addAll(found);
        return config;
    }

    /** The optional synonyms.txt; small, so read on every load. */
    private List<Synonym> synonyms() {
        Path file = dir.resolve(Synonym.FILE);
        Problem link = bounds.escape(file, Synonym.FILE, dir);
        if (link != null) {
            problems.add(link);
            return List.of();
        }
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            Problem tooLarge = Limits.fileSize(Synonym.FILE, Files.size(file));
            if (tooLarge != null) {
                problems.add(tooLarge);
                return List.of();
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            List<Problem> found = new ArrayList<>();
            List<Synonym> synonyms = dev.answerline.content.internal.SynonymsFile.parse(text, found);
            problems.addAll(Problem.listable(found));
            return synonyms;
        } catch (CharacterCodingException e) {
            problems.add(Problem.error(Synonym.FILE, 1, "not-utf8", "the file is not UTF-8 text",
                    "save it as UTF-8 in your editor"));
        } catch (IOException e) {
            problems.add(Problem.error(Synonym.FILE, 1, "unreadable", "the file cannot be read: " + e.getMessage(),
                    "check the file's permissions"));
        }
        return List.of();
    }

    /** Builds one record from a file's fields; returns null or records errors to reject the file. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(Fields fields, String slug, Source source);
    }

    private <T extends Content> Map<String, T> loadKind(String folder, Class<T> type, Reader<T> reader) {
        Path kindDir = dir.resolve(folder);
        Problem link = bounds.escapeFolder(kindDir, folder);
        if (link != null) {
            problems.add(link);
            return new LinkedHashMap<>();
        }
        if (!Files.isDirectory(kindDir)) {
            return new LinkedHashMap<>();
        }
        List<Path> files = cache == null ? null : cache.listing(kindDir);
        if (files == null) {
            files = list(kindDir);
            if (cache != null) {
                cache.listing(kindDir, files);
            }
        }
        // parsing is independent per file; merging (duplicates, order) stays sequential and deterministic
        List<ParseCache.Read> parsed = files.parallelStream().map(file -> cached(file, reader)).toList();
        Map<String, T> result = new LinkedHashMap<>();
        Map<String, String> fileOfSlug = new HashMap<>();
        for (ParseCache.Read p : parsed) {
            problems.addAll(p.problems());
            if (p.value() == null) {
                rejected.computeIfAbsent(folder, k -> new HashMap<>()).put(p.slug(), p.file());
                continue;
            }
            T value = type.cast(p.value());
            String previous = fileOfSlug.putIfAbsent(p.slug(), value.source().file());
            if (previous != null) {
                Source source = value.source();
                problems.add(Problem.error(source.file(), source.lineOf("slug"), "duplicate-slug",
                        "the slug `" + p.slug() + "` is already used by " + previous,
                        "rename one of the files, or set a different `slug:` in one of them"));
                continue;
            }
            result.put(p.slug(), value);
        }
        return result;
    }

    /** A folder's content files, by name. */
    private static List<Path> list(Path kindDir) {
        try (Stream<Path> list = Files.list(kindDir)) {
            // sorted by name as text: comparing Path objects was a tenth of a reload of 10,000 answers
            return list.filter(p -> isContentFile(p.getFileName().toString()))
                    .map(p -> Map.entry(p.getFileName().toString(), p)).sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue).toList();
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(kindDir, e);
        }
    }

    /** A folder of the site that cannot be listed: the files in it cannot even be named. */
    private static ContentException unreadable(Path folder, Exception e) {
        return new ContentException(folder + " cannot be read: " + AnswerlineException.reason(e),
                "check its permissions", e);
    }

    private static boolean isContentFile(String name) {
        return name.endsWith(".md") && !name.startsWith(".") && !name.startsWith("_");
    }

    private ParseCache.Read cached(Path file, Reader<? extends Content> reader) {
        if (cache == null) {
            return parse(file, reader);
        }
        ParseCache.Read known = cache.read(file);
        if (known != null) {
            return known;
        }
        ParseCache.Read parsed = parse(file, reader);
        cache.read(file, parsed);
        return parsed;
    }

    private ParseCache.Read parse(Path file, Reader<? extends Content> reader) {
        ParseCache.Read read = parseFile(file, reader);
        return new ParseCache.Read(read.file(), read.slug(), read.value(), Problem.listable(read.problems()));
    }

    private ParseCache.Read parseFile(Path file, Reader<? extends Content> reader) {
        String relative = relative(file);
        String fileSlug = file.getFileName().toString().replaceFirst("\\.md$", "");
        List<Problem> found = new ArrayList<>();
        Problem link = bounds.escape(file, relative, dir);
        if (link != null) {
            found.add(link);
            return new ParseCache.Read(relative, fileSlug, null, found);
        }
        String text;
        try {
            Problem tooLarge = Limits.fileSize(relative, Files.size(file));
            if (tooLarge != null) {
                found.add(tooLarge);
                return new ParseCache.Read(relative, fileSlug, null, found);
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            found.add(Problem.error(relative, 1, "not-utf8", "the file is not UTF-8 text",
                    "save it as UTF-8 in your editor"));
            return new ParseCache.Read(relative, fileSlug, null, found);
        } catch (IOException e) {
            found.add(Problem.error(relative, 1, "unreadable", "the file cannot be read: " + e.getMessage(),
                    "check the file's permissions"));
            return new ParseCache.Read(relative, fileSlug, null, found);
        }
        FrontMatter frontMatter;
        YamlTree tree;
        try {
            frontMatter = FrontMatter.split(text);
            tree = YamlTree.parse(frontMatter.yaml(), frontMatter.yamlLine());
        } catch (FrontMatter.Missing e) {
            found.add(Problem.error(relative, e.line(), "front-matter", e.getMessage(), e.fix()));
            return new ParseCache.Read(relative, fileSlug, null, found);
        } catch (YamlTree.SyntaxError e) {
            found.add(yamlProblem(relative, e));
            return new ParseCache.Read(relative, fileSlug, null, found);
        }
        // before anything reads the Markdown: every reader after the parser recurses through its nesting
        if (Depths.check(tree, relative, found)) {
            return new ParseCache.Read(relative, fileSlug, null, found);
        }
        Fields fields = Fields.of(relative, tree, found);
        String slug = fields.optionalSlug("slug");
        if (slug == null && !fields.has("slug") && !Slug.isSlug(fileSlug)) {
            found.add(Problem.error(relative, 1, "invalid-slug",
                    "the file name `" + fileSlug + ".md` does not make a valid URL",
                    "rename the file to `" + Fields.slugify(fileSlug) + ".md`, or set `slug: "
                            + Fields.slugify(fileSlug) + "`"));
            return new ParseCache.Read(relative, fileSlug, null, found);
        }
        if (slug == null) {
            // no slug, or an invalid one already reported: the file name stands in
            slug = fileSlug;
        }
        // the body is read once, here, into every form render, search and check use
        Prose prose = Markdown.block(frontMatter.body(), frontMatter.bodyLine(), outside(file, slug), keeping.store(),
                keeping.facts());
        if (prose.tooDeep()) {
            found.add(Depths.problem(relative, frontMatter.bodyLine() + prose.depth().line(), prose.depth().levels()));
            return new ParseCache.Read(relative, fileSlug, null, found);
        }
        Source source = new Source(relative, tree.lines(), frontMatter.body(), frontMatter.bodyLine(), prose,
                keeping.store());
        Content value = reader.read(fields, slug, source);
        return new ParseCache.Read(relative, slug, fields.failed() ? null : value, found);
    }

    /** Where an answer's body is published, for its Markdown for readers outside; null for other content. */
    private Markdown.Outside outside(Path file, String slug) {
        if (!file.getParent().getFileName().toString().equals(Address.Kind.ANSWER.folder())) {
            return null;
        }
        return new Markdown.Outside(config.baseUrl(), config.absolute(Address.of(Address.Kind.ANSWER, slug).path()));
    }

    static Problem yamlProblem(String file, YamlTree.SyntaxError e) {
        if (!e.rule().equals("yaml-syntax")) {
            return Problem.error(file, e.line(), e.rule(), e.getMessage(), e.fix());
        }
        String what = file.endsWith(".yaml") ? file : "the front matter";
        return Problem.error(file, e.line(), "yaml-syntax", what + " is not valid YAML: " + e.getMessage(), e.fix());
    }

    private Author author(Fields f, String id, Source source) {
        f.allowOnly(List.of("name", "role", "image", "same_as", "story_url"));
        String storyUrl = f.url("story_url", false);
        return new Author(source, id, f.text("name"), f.text("role"), f.url("image", true), f.urlList("same_as"),
                storyUrl == null ? Address.of(Address.Kind.PAGE, "about").path() : storyUrl);
    }

    private Category category(Fields f, String id, Source source) {
        f.allowOnly(List.of("name", "description", "order"));
        return new Category(source, id, f.text("name"), f.text("description"), f.integer("order", Integer.MAX_VALUE));
    }

    private Product product(Fields f, String slug, Source source) {
        f.allowOnly(List.of("name", "description", "image", "buy_url", "price", "currency", "availability", "slug",
                "draft"));
        return new Product(source, slug, f.text("name"), f.text("description"), f.url("image", true),
                f.url("buy_url", true), Product.Offer.read(f), f.flag("draft"));
    }

    private BlogPost post(Fields f, String slug, Source source, Map<String, Author> authors) {
        f.allowOnly(List.of("title", "description", "published", "updated", "author", "slug", "aliases", "draft"));
        BlogPost post = new BlogPost(source, slug, f.text("title"), f.text("description"), f.date("published"),
                f.optionalDate("updated"), f.slug("author"), f.aliasList("aliases"), f.flag("draft"));
        reference(f, "author", post.author(), authors.keySet(), "authors");
        checkUpdated(f, post.published(), post.updated());
        return post;
    }

    private InfoPage page(Fields f, String slug, Source source) {
        f.allowOnly(List.of("title", "description", "slug", "aliases", "draft"));
        if (slug != null && Address.reservedSlugs().contains(slug)) {
            f.error("slug", "reserved-slug", "the page URL `/" + slug + "` is one Answerline makes itself",
                    "rename the file or set another `slug:`; reserved are " + String.join(", ", Address.reservedSlugs()));
        }
        return new InfoPage(source, slug, f.text("title"), f.text("description"), f.aliasList("aliases"),
                f.flag("draft"));
    }

    private Answer answer(Fields f, String slug, Source source, SiteConfig config, Map<String, Category> categories,
            Map<String, Author> authors) {
        f.allowOnly(List.of("question", "description", "answer", "takeaways", "category", "author", "published",
                "bottom_line", "updated", "reviewed_by", "reviewed", "related", "cta", "more", "slug", "aliases",
                "draft"));
        Limits.answerLists(f);
        List<Answer.Related> related = new ArrayList<>();
        for (Fields item : f.objectList("related")) {
            item.allowOnly(List.of("question", "answer"));
            related.add(new Answer.Related(item.text("question"), item.text("answer")));
        }
        String cta = f.optionalSlug("cta");
        if (cta != null) {
            reference(f, "cta", cta, config.ctas().keySet(), null);
        } else {
            cta = config.defaultCta();
        }
        Answer answer = new Answer(source, slug, f.text("question"), f.text("description"), f.text("answer"),
                f.textList("takeaways", true), f.slug("category"), f.slug("author"), f.date("published"),
                f.optionalDate("updated"), f.optionalSlug("reviewed_by"), f.optionalDate("reviewed"),
                f.text("bottom_line"), related, cta, f.slugList("more"), f.aliasList("aliases"), f.flag("draft"));
        reference(f, "category", answer.category(), categories.keySet(), "categories");
        reference(f, "author", answer.author(), authors.keySet(), "authors");
        if (answer.reviewedBy() != null) {
            reference(f, "reviewed_by", answer.reviewedBy(), authors.keySet(), "authors");
        }
        if (f.has("reviewed_by") != f.has("reviewed")) {
            boolean reviewer = f.has("reviewed_by");
            String present = reviewer ? "reviewed_by" : "reviewed";
            String absent = reviewer ? "reviewed" : "reviewed_by";
            f.error(present, "incomplete-review", "`" + present + "` is set but `" + absent + "` is not",
                    "add `" + absent + ": " + (reviewer ? "2025-03-14" : "the reviewer's author id")
                            + "`, or remove `" + present + "`");
        }
        if (answer.aliases().contains(slug)) {
            f.error("aliases", "alias-is-slug", "the alias `" + slug + "` is the answer's own slug",
                    "remove it from `aliases`");
        }
        checkUpdated(f, answer.published(), answer.updated());
        return answer;
    }

    private NewsletterIssue issue(Fields f, String slug, Source source) {
        f.allowOnly(List.of("subject", "preheader", "send_after", "slug"));
        if (Address.NEWSLETTER_ROUTES.contains(slug)) {
            f.error("slug", "reserved-slug", "the issue URL `/newsletter/" + slug + "` is one Answerline makes itself",
                    "rename the file or set another `slug:`; reserved are "
                            + String.join(", ", new java.util.TreeSet<>(Address.NEWSLETTER_ROUTES)));
        }
        String preheader = f.optionalText("preheader");
        return new NewsletterIssue(source, slug, f.text("subject"), preheader == null ? "" : preheader,
                sendAfter(f), NewsletterIssue.parts(source.body(), source.bodyLine()));
    }

    /** {@code send_after}: a time with its offset ({@code 2026-12-03T07:00:00+01:00}) or a date (midnight UTC). */
    private static java.time.OffsetDateTime sendAfter(Fields f) {
        String value = f.optionalText("send_after");
        if (value == null) {
            return null;
        }
        try {
            return value.contains("T") ? java.time.OffsetDateTime.parse(value)
                    : LocalDate.parse(value).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            f.error("send_after", "invalid-date", "`send_after: " + value + "` is not a valid date or time",
                    "write it as `send_after: 2026-12-03T07:00:00+01:00` or `send_after: 2026-12-03`");
            return null;
        }
    }

    /**
     * An answer card must name a published answer: an unknown one is an error at its line (the issue keeps
     * its other parts), since the email would show a hole where the card was meant to be.
     */
    private void checkCards(Map<String, NewsletterIssue> issues, Map<String, Answer> answers) {
        for (NewsletterIssue issue : issues.values()) {
            for (NewsletterIssue.Card card : issue.cards()) {
                if (!answers.containsKey(card.answer())) {
                    String fix = Suggestions.closest(card.answer(), answers.keySet())
                            .map(s -> "did you mean `" + s + "`?")
                            .orElse("use the slug of a published answer (its file name in answers/ without .md)");
                    problems.add(Problem.error(issue.source().file(), card.line(), "unknown-answer-card",
                            "the card `{{< answer " + card.answer() + " >}}` names no published answer", fix));
                }
            }
        }
    }

    /**
     * Checks that an id names a loaded file of {@code folder} (or, for a null folder, a call to action in
     * site.yaml). A file that exists but was left out for its own errors is named, so that the editor fixes
     * that file rather than this reference.
     */
    private void reference(Fields f, String key, String id, Collection<String> known, String folder) {
        if (id == null || id.isEmpty() || known.contains(id)) {
            return;
        }
        String broken = folder == null ? null : rejected.getOrDefault(folder, Map.of()).get(id);
        if (broken != null) {
            f.error(key, "broken-reference", "`" + key + ": " + id + "` names " + broken
                    + ", which has errors of its own", "fix " + broken + " first; this file is left out until then");
            return;
        }
        String where = folder == null ? "the `ctas` of site.yaml" : folder + "/";
        String fix = Suggestions.closest(id, known).map(s -> "did you mean `" + s + "`?")
                .orElse(known.isEmpty() ? "create it in " + where
                        : "use one of: " + String.join(", ", known.stream().sorted().toList()));
        f.error(key, "unknown-reference", "`" + key + ": " + id + "` names nothing in " + where, fix);
    }

    private static void checkUpdated(Fields f, LocalDate published, LocalDate updated) {
        if (published != null && updated != null && updated.isBefore(published)) {
            f.error("updated", "updated-before-published",
                    "`updated: " + updated + "` is before `published: " + published + "`",
                    "set `updated` to the date of the last change, on or after " + published);
        }
    }

    private void checkAliases(Map<String, Answer> answers) {
        Map<String, String> owners = new HashMap<>();
        List<String> rejected = new ArrayList<>();
        for (Answer answer : answers.values()) {
            for (String alias : answer.aliases()) {
                String clash = answers.containsKey(alias) ? answers.get(alias).source().file() : owners.get(alias);
                if (clash != null) {
                    problems.add(Problem.error(answer.source().file(), answer.source().lineOf("aliases"),
                            "alias-clash", "the alias `" + alias + "` is already taken by " + clash,
                            "remove it from `aliases`: " + Address.aliasPath(Address.Kind.ANSWER, alias)
                                    + " cannot lead to two pages"));
                    rejected.add(answer.slug());
                } else {
                    owners.put(alias, answer.source().file());
                }
            }
        }
        rejected.forEach(answers::remove);
    }

    /**
     * An old address may lead to one page only, and never be the address of a page: aliases of blog posts and
     * pages against each other and against the answers' (which {@link #checkAliases} compared among
     * themselves). An alias that clashes is dropped from the redirects, with an error.
     */
    private void checkOldPaths(Map<String, Answer> answers, Map<String, BlogPost> posts, Map<String, InfoPage> pages) {
        Map<String, String> owners = new HashMap<>();
        answers.values().forEach(a -> a.oldPaths().forEach(path -> owners.put(path, a.source().file())));
        List<Content> others = new ArrayList<>(posts.values());
        others.addAll(pages.values());
        for (Content content : others) {
            owners.putIfAbsent(content.path(), content.source().file());
        }
        for (Content content : others) {
            for (String alias : content.aliases()) {
                String path = Address.aliasPath(content.address().kind(), alias);
                String clash = owners.putIfAbsent(path, content.source().file());
                if (clash != null && !clash.equals(content.source().file())) {
                    problems.add(Problem.error(content.source().file(), content.source().lineOf("aliases"),
                            "alias-clash", "the alias `" + alias + "` is already taken by " + clash,
                            "remove it from `aliases`: " + path + " cannot lead to two pages"));
                }
            }
        }
    }

    /**
     * Checks the answers each answer picks for its "More ... Questions" box. One that names nothing is an
     * error, but the answer is kept: the box shows the others. Drafts and answers left out for their own
     * errors may be named; they show once they are published.
     */
    private void checkMore(Map<String, Answer> answers) {
        Map<String, String> rejectedAnswers = rejected.getOrDefault("answers", Map.of());
        Set<String> aliases = new java.util.HashSet<>();
        answers.values().forEach(a -> aliases.addAll(a.aliases()));
        for (Answer answer : answers.values()) {
            for (int i = 0; i < answer.more().size(); i++) {
                String slug = answer.more().get(i);
                int line = answer.source().lineOf("/more/" + i);
                if (slug.equals(answer.slug())) {
                    problems.add(Problem.error(answer.source().file(), line, "more-self",
                            "`more` lists the answer itself (`" + slug + "`)", "remove `" + slug + "` from `more`"));
                } else if (!answers.containsKey(slug) && !aliases.contains(slug) && !rejectedAnswers.containsKey(slug)) {
                    String fix = Suggestions.closest(slug, answers.keySet()).map(s -> "did you mean `" + s + "`?")
                            .orElse("use the slug of a file in answers/ (its name without .md)");
                    problems.add(Problem.error(answer.source().file(), line, "unknown-reference",
                            "`more` names `" + slug + "`, which is no answer in answers/", fix));
                }
            }
        }
    }

    /**
     * Moves drafts and items dated after today out of {@code items} into {@link #hidden}.
     *
     * @param published an item's publication date, or null for kinds without one
     */
    private <T> Map<String, T> published(Map<String, T> items, Predicate<T> draft, Function<T, LocalDate> published,
            Function<T, String> path, Function<T, Source> source) {
        Map<String, T> result = new LinkedHashMap<>();
        items.forEach((slug, item) -> {
            LocalDate date = published.apply(item);
            String reason = draft.test(item) ? "draft"
                    : date != null && date.isAfter(today) ? "to be published on " + date : null;
            if (reason == null || drafts) {
                result.put(slug, item);
            } else {
                hidden.add(new Site.Hidden(path.apply(item), source.apply(item).file(), reason,
                        draft.test(item) ? null : date));
            }
        });
        return result;
    }

    /**
     * The site's own templates under {@code templates/}, read as text; whether each names a built-in template
     * and compiles is the renderer's to say. Small and few: read on every load.
     */
    private List<TemplateOverride> templates() {
        Path folder = dir.resolve("templates");
        Problem link = bounds.escapeFolder(folder, "templates");
        if (link != null) {
            problems.add(link);
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<TemplateOverride> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(p -> p.getFileName().toString().endsWith(".jte")).sorted().toList()) {
                String relative = relative(file);
                Problem escape = bounds.escape(file, relative, folder);
                if (escape != null) {
                    problems.add(escape);
                    continue;
                }
                try {
                    String source = StandardCharsets.UTF_8.newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
                    found.add(new TemplateOverride(folder.relativize(file).toString().replace('\\', '/'), relative,
                            source));
                } catch (CharacterCodingException e) {
                    problems.add(Problem.error(relative, 1, "not-utf8", "the file is not UTF-8 text",
                            "save it as UTF-8 in your editor"));
                }
            }
        } catch (IOException e) {
            problems.add(Problem.error("templates", 0, "unreadable", "the folder cannot be read: "
                    + AnswerlineException.reason(e), "check its permissions"));
        }
        return found;
    }

    /** The font files and stylesheet the theme names must be static files of the site. */
    private void checkThemeFiles(SiteConfig config, List<StaticFile> staticFiles) {
        Theme theme = config.theme();
        Set<String> paths = new java.util.HashSet<>();
        staticFiles.forEach(f -> paths.add(f.path()));
        Map<String, String> named = new LinkedHashMap<>();
        if (theme.bodyFont() != null && theme.bodyFont().file() != null) {
            named.put("/theme/font_body", theme.bodyFont().file());
        }
        if (theme.headingFont() != null && theme.headingFont().file() != null) {
            named.put("/theme/font_heading", theme.headingFont().file());
        }
        if (theme.stylesheet() != null) {
            named.put("/theme/css", theme.stylesheet());
        }
        named.forEach((pointer, path) -> {
            if (!paths.contains(path)) {
                problems.add(Problem.error("site.yaml", config.source().lineOf(pointer), "missing-file",
                        "`" + pointer.substring(1).replace('/', '.') + ": " + path + "` names no file in static/",
                        "put the file at static" + path + ", or correct the path"));
            }
        });
    }

    /** Whether the site has content at a content address; asked per static file rather than listing them all. */
    private static boolean exists(Address address, Map<String, Answer> answers, Map<String, BlogPost> posts,
            Map<String, Product> products, Map<String, InfoPage> pages, Map<String, Category> categories,
            Map<String, Author> authors) {
        Map<String, ?> items = switch (address.kind()) {
            case ANSWER -> answers;
            case POST -> posts;
            case PRODUCT -> products;
            case PAGE -> pages;
            case CATEGORY -> categories;
            case AUTHOR -> authors;
            default -> Map.of();
        };
        return items.containsKey(address.id());
    }

    private List<StaticFile> staticFiles(Map<String, Answer> answers, Map<String, BlogPost> posts,
            Map<String, Product> products, Map<String, InfoPage> pages, Map<String, Category> categories,
            Map<String, Author> authors) {
        Path staticDir = dir.resolve("static");
        Problem folderLink = bounds.escapeFolder(staticDir, "static");
        if (folderLink != null) {
            problems.add(folderLink);
            return List.of();
        }
        if (!Files.isDirectory(staticDir)) {
            return List.of();
        }
        List<StaticFile> files = new ArrayList<>();
        List<Path> found = new ArrayList<>();
        try {
            // links are not followed: each is checked where it stands, a linked folder is not walked into
            Files.walkFileTree(staticDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    found.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(Problem.error(relative(file), 0, "unreadable", "cannot be read: " + e.getMessage(),
                            "check its permissions"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw unreadable(staticDir, e);
        }
        found.sort(null);
        for (Path file : found) {
            String path = "/" + staticDir.relativize(file).toString().replace('\\', '/');
            if (path.contains("/.")) {
                continue;
            }
            Problem link = bounds.escape(file, relative(file), staticDir);
            if (link != null) {
                problems.add(link);
                continue;
            }
            Path real = file;
            if (Files.isSymbolicLink(file)) {
                try {
                    real = file.toRealPath();
                } catch (IOException e) {
                    continue; // gone since it was checked: the next load reports it
                }
            } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (Address.clashes(path, a -> exists(a, answers, posts, products, pages, categories, authors))) {
                problems.add(Problem.error(relative(file), 1, "static-clash",
                        "the static file would be served at " + path + ", a URL Answerline already uses",
                        "move or rename the file under static/"));
                continue;
            }
            files.add(new StaticFile(path, real));
        }
        return files;
    }

    private String relative(Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
