package dev.answerline.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A loaded, validated site: everything the renderer needs, and the problems found on the way.
 *
 * <p>Load one with {@link #load(Path)}. Files with errors are left out and reported in
 * {@link #problems()}; the rest of the site is complete and consistent (every category, author and call to
 * action an answer names exists). Drafts and answers or posts dated after {@code today} are not listed
 * anywhere; {@link #hidden()} names them so that checks can flag links to them.
 *
 * <p>Immutable and safe to share between threads.
 *
 * <pre>{@code
 * Site site = Site.load(Path.of("demo"));
 * site.problems().forEach(System.err::println);
 * site.answers().forEach(a -> System.out.println(a.path()));
 * }</pre>
 */
public final class Site {
    private final Path dir;
    private final LocalDate today;
    private final SiteConfig config;
    private final List<Answer> answers;
    private final List<Category> categories;
    private final List<Author> authors;
    private final List<Product> products;
    private final List<BlogPost> posts;
    private final List<InfoPage> pages;
    private final List<NewsletterIssue> issues;
    private final Map<String, NewsletterIssue> issuesBySlug;
    private final List<StaticFile> staticFiles;
    private final List<Synonym> synonyms;
    private final List<TemplateOverride> templates;
    private final List<Hidden> hidden;
    private final List<Problem> problems;
    private final Map<String, Answer> answersBySlug;
    private final Map<String, Category> categoriesById;
    private final Map<String, Author> authorsById;
    private final Map<String, List<Answer>> answersByCategory;
    private final Map<String, String> aliases;
    private final Map<String, String> redirects;

    /**
     * Something that exists in the content folder but is not published (yet).
     *
     * @param publishedOn the day it appears, for an item dated after today; null for a draft
     */
    public record Hidden(String path, String file, String reason, LocalDate publishedOn) {}

    Site(Path dir, LocalDate today, SiteConfig config, List<Answer> answers, List<Category> categories, List<Author> authors,
            List<Product> products, List<BlogPost> posts, List<InfoPage> pages, List<NewsletterIssue> issues,
            List<StaticFile> staticFiles,
            List<Synonym> synonyms, List<TemplateOverride> templates, List<Hidden> hidden, List<Problem> problems) {
        this.dir = dir;
        this.today = today;
        this.config = config;
        // newest first, then by slug; written out because it runs on every reload of a preview
        Answer[] sorted = answers.toArray(new Answer[0]);
        java.util.Arrays.parallelSort(sorted, (a, b) -> {
            int byDate = b.published().compareTo(a.published());
            return byDate != 0 ? byDate : a.slug().compareTo(b.slug());
        });
        this.answers = List.of(sorted);
        this.categories = categories.stream()
                .sorted(Comparator.comparingInt(Category::order).thenComparing(Category::name)).toList();
        this.authors = authors.stream().sorted(Comparator.comparing(Author::name)).toList();
        this.products = products.stream().sorted(Comparator.comparing(Product::name)).toList();
        this.posts = posts.stream()
                .sorted(Comparator.comparing(BlogPost::published).reversed().thenComparing(BlogPost::slug))
                .toList();
        this.pages = pages.stream().sorted(Comparator.comparing(InfoPage::slug)).toList();
        this.issues = issues.stream().sorted(Comparator.comparing(NewsletterIssue::slug)).toList();
        this.issuesBySlug = index(this.issues, NewsletterIssue::slug);
        this.staticFiles = staticFiles.stream().sorted(Comparator.comparing(StaticFile::path)).toList();
        this.synonyms = List.copyOf(synonyms);
        this.templates = List.copyOf(templates);
        this.hidden = List.copyOf(hidden);
        this.problems = problems.stream().sorted(Problem.BY_PLACE).toList();
        this.answersBySlug = index(this.answers, Answer::slug);
        this.categoriesById = index(this.categories, Category::id);
        this.authorsById = index(this.authors, Author::id);
        this.answersByCategory = this.answers.stream()
                .collect(Collectors.groupingBy(Answer::category, LinkedHashMap::new, Collectors.toUnmodifiableList()));
        Map<String, String> aliasTargets = new LinkedHashMap<>();
        this.answers.forEach(a -> a.aliases().forEach(alias -> aliasTargets.put(alias, a.slug())));
        this.aliases = java.util.Collections.unmodifiableMap(aliasTargets);
        // the first owner of an old address keeps it: the loader reported the others
        Map<String, String> moved = new LinkedHashMap<>();
        java.util.stream.Stream.of(this.answers, this.posts, this.pages).flatMap(List::stream)
                .forEach(c -> c.oldPaths().forEach(path -> moved.putIfAbsent(path, c.path())));
        this.redirects = java.util.Collections.unmodifiableMap(moved);
    }

    /**
     * The settings of the site in {@code dir}, read from its site.yaml alone, as a load would read them: for
     * what must be known before the site has loaded. Problems are the load's to report.
     *
     * @throws ContentException when the folder or site.yaml cannot be read
     */
    public static SiteConfig config(Path dir) {
        return new SiteLoader(dir, LocalDate.now(), false, null, Keeping.ALL).configOnly();
    }

    /** Loads the site in {@code dir}, taking today's date to decide what is published. */
    public static Site load(Path dir) {
        return load(dir, LocalDate.now());
    }

    /**
     * Loads the site in {@code dir}; answers and posts dated after {@code today} are hidden.
     *
     * @throws ContentException when there is no such folder or its {@code site.yaml} is unusable
     */
    public static Site load(Path dir, LocalDate today) {
        return new SiteLoader(dir, today, false, null, Keeping.ALL).load();
    }

    /**
     * Loads the site in {@code dir} for a preview: with {@code drafts}, drafts and future-dated content are
     * published too; files unchanged since {@code cache} last saw them are not read again.
     *
     * @param cache the reads of earlier loads of this folder, or null
     * @throws ContentException when there is no such folder or its {@code site.yaml} is unusable
     */
    public static Site load(Path dir, LocalDate today, boolean drafts, ParseCache cache) {
        return load(dir, today, drafts, cache, Keeping.ALL);
    }

    /**
     * As {@link #load(Path, LocalDate, boolean, ParseCache)}, keeping what {@code keeping} says of the Markdown
     * bodies: outside the heap and without check's facts for a site to serve or export, all on it otherwise.
     */
    public static Site load(Path dir, LocalDate today, boolean drafts, ParseCache cache, Keeping keeping) {
        return new SiteLoader(dir, today, drafts, cache, keeping).load();
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return java.util.Collections.unmodifiableMap(map);
    }

    public Path dir() {
        return dir;
    }

    /** The date the site was loaded for: later-dated answers and posts are hidden. */
    public LocalDate today() {
        return today;
    }

    public SiteConfig config() {
        return config;
    }

    /** Published answers, newest first. */
    public List<Answer> answers() {
        return answers;
    }

    public Optional<Answer> answer(String slug) {
        return Optional.ofNullable(answersBySlug.get(slug));
    }

    /**
     * Every newsletter issue of {@code newsletters/}, sent or not, by slug: whether one is sent is the
     * database's to say (see {@code publish/Published}).
     */
    public List<NewsletterIssue> issues() {
        return issues;
    }

    public Optional<NewsletterIssue> issue(String slug) {
        return Optional.ofNullable(issuesBySlug.get(slug));
    }

    /** Categories in their {@code order}, then by name. */
    public List<Category> categories() {
        return categories;
    }

    /** The category with this id; every published answer's category exists. */
    public Category category(String id) {
        return categoriesById.get(id);
    }

    /** Published answers of a category, newest first. */
    public List<Answer> answersIn(Category category) {
        return answersByCategory.getOrDefault(category.id(), List.of());
    }

    /** Authors by name. */
    public List<Author> authors() {
        return authors;
    }

    /** The author with this id; every published answer's author and reviewer exists. */
    public Author author(String id) {
        return authorsById.get(id);
    }

    public List<Product> products() {
        return products;
    }

    /** Published blog posts, newest first. */
    public List<BlogPost> posts() {
        return posts;
    }

    public List<InfoPage> pages() {
        return pages;
    }

    public Optional<InfoPage> page(String slug) {
        return pages.stream().filter(p -> p.slug().equals(slug)).findFirst();
    }

    public List<StaticFile> staticFiles() {
        return staticFiles;
    }

    /** The synonyms of the optional synonyms.txt, in file order; empty without one. */
    public List<Synonym> synonyms() {
        return synonyms;
    }

    /** The site's own versions of built-in templates, from {@code templates/}, by file name. */
    public List<TemplateOverride> templates() {
        return templates;
    }

    /** Old answer slugs and the slugs they now redirect to. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * Every old address and the path it now redirects to: the aliases of answers, blog posts and pages, as
     * slugs under their kind's path or as whole site paths.
     */
    public Map<String, String> redirects() {
        return redirects;
    }

    /** Drafts and future-dated content: present in the folder, published nowhere. */
    public List<Hidden> hidden() {
        return hidden;
    }

    /** The title a reader sees for a site path ({@code /answers/x} gives its question), if it is a page. */
    public Optional<String> titleOf(String path) {
        Address address = Address.of(path);
        String id = address.id();
        return switch (address.kind()) {
            case HOME -> Optional.of(config.title());
            case ANSWERS -> Optional.of("All Questions");
            case CATEGORY -> Optional.ofNullable(categoriesById.get(id)).map(Category::name);
            case ANSWER -> answer(id).map(Answer::question);
            case AUTHOR -> Optional.ofNullable(authorsById.get(id)).map(Author::name);
            case POST -> posts.stream().filter(p -> p.slug().equals(id)).map(BlogPost::title).findFirst();
            case PRODUCT -> products.stream().filter(p -> p.slug().equals(id)).map(Product::name).findFirst();
            case PAGE -> page(id).map(InfoPage::title);
            case ISSUE -> issue(id).map(NewsletterIssue::subject);
            // listed one by one, so that a new kind of page is a compile error here until it has a title
            case AUTHORS, BLOG, PRODUCTS, ANSWER_MARKDOWN, BLOG_RSS, BLOG_ATOM, ANSWERS_RSS, ANSWERS_ATOM, SITEMAP,
                    SITEMAP_PART, ROBOTS, LLMS, LLMS_FULL, ASSET, STATIC, SEARCH, API, NEWSLETTER, PREVIEW,
                    ADMIN, ISSUES, ISSUES_RSS, ISSUE_PREVIEW, REDIRECT, HEALTH, READY, METRICS ->
                Optional.empty();
        };
    }

    /**
     * The addresses of what a content file became in this site ({@code answers/x.md} may have set another
     * {@code slug:}); empty when the file is not part of it.
     */
    public List<Address> addressesOf(String file) {
        List<Address> found = new java.util.ArrayList<>();
        for (List<? extends Content> items : List.of(answers, categories, authors, posts, products, pages)) {
            items.stream().filter(item -> item.source().file().equals(file)).forEach(item -> found.add(item.address()));
        }
        return found;
    }

    /** Everything wrong with the content, by file and line. */
    public List<Problem> problems() {
        return problems;
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }
}
