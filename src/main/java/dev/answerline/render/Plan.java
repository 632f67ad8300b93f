package dev.answerline.render;

import dev.answerline.AnswerlineException;
import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.content.Answer;
import dev.answerline.content.Author;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Category;
import dev.answerline.content.InfoPage;
import dev.answerline.content.NewsletterIssue;
import dev.answerline.content.Product;
import dev.answerline.content.Site;
import dev.answerline.content.StaticFile;
import dev.answerline.render.internal.Favicons;
import dev.answerline.render.internal.Feeds;
import dev.answerline.render.internal.LlmsText;
import dev.answerline.render.internal.Sitemaps;
import dev.answerline.render.internal.ThemeCss;
import dev.answerline.render.internal.Views;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every file of one site, by path: {@link #paths()} lists them, {@link #job(String)} says how to make one.
 * Nothing is made until asked, so that an update of one answer on a site of 10,000 costs one answer.
 */
final class Plan {
    private static final byte[] CSS = resource("site.css");
    private static final byte[] JS = resource("site.js");
    private static final String JS_PATH = fingerprinted("site", JS, "js");
    /** The script a static export's pages report their view with, to the serve {@code insights.endpoint} names. */
    private static final byte[] COUNT = resource("count.js");
    private static final String COUNT_PATH = fingerprinted("count", COUNT, "js");
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final String ATOM = "application/atom+xml; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    final Site site;
    final Views views;
    /** The templates pages are rendered with: the built-in ones, and the site's versions of some. */
    private final Templates templates;
    private final byte[] css;
    private final String cssPath;
    /** The site's own stylesheet ({@code theme.css}, or {@code static/custom.css}) and its fingerprinted path. */
    private final StaticFile brandCss;
    private final String brandCssPath;
    private final Similar similar;
    /** Whether pages carry the count script: an export with somewhere to report to. */
    private final boolean counts;
    private final Feeds feeds;
    /** The newsletter issues sent so far, newest first: only they are published. */
    private final List<Views.Sent> sent;
    private final LlmsText llms;
    private final Sitemaps sitemaps;
    private final Favicons favicons;
    private Map<String, StaticFile> staticFiles;
    private Map<String, BlogPost> posts;
    private Map<String, Product> products;
    private Map<String, InfoPage> pages;

    Plan(Site site, Renderer.Options options) {
        this.site = site;
        this.similar = options.similar();
        this.css = css(site.config().baseUrl(), ThemeCss.of(site.config().theme()));
        this.templates = Templates.of(site.templates());
        this.cssPath = fingerprinted("site", css, "css");
        this.brandCss = brandCss(site);
        this.brandCssPath = brandCss == null ? null : fingerprinted("brand", bytes(brandCss), "css");
        this.counts = options.mode() == Mode.EXPORT && site.config().insightsEndpoint() != null;
        this.views = new Views(site, cssPath, brandCssPath, JS_PATH, counts ? COUNT_PATH : null, options.mode(),
                similar);
        this.sent = site.issues().stream().filter(i -> options.sent().containsKey(i.slug()))
                .sorted(java.util.Comparator.comparing((NewsletterIssue i) -> options.sent().get(i.slug())).reversed()
                        .thenComparing(NewsletterIssue::slug))
                .map(i -> new Views.Sent(i, options.sent().get(i.slug()))).toList();
        this.feeds = new Feeds(site, sent);
        this.llms = new LlmsText(site, options.mode().incremental() ? options.cache().fragments : null);
        this.sitemaps = new Sitemaps(site, sent.stream().map(s -> s.issue().path()).toList());
        this.favicons = new Favicons(site);
    }

    /** Every path the site serves, in a stable order. */
    List<String> paths() {
        List<String> paths = new ArrayList<>(site.answers().size() * 2 + 64);
        paths.add(path(Kind.HOME));
        paths.add(path(Kind.ANSWERS));
        site.answers().forEach(a -> paths.add(a.path()));
        site.categories().stream().filter(c -> !site.answersIn(c).isEmpty()).forEach(c -> paths.add(c.path()));
        paths.add(path(Kind.AUTHORS));
        site.authors().forEach(a -> paths.add(a.path()));
        if (!site.posts().isEmpty()) {
            paths.add(path(Kind.BLOG));
            paths.add(path(Kind.BLOG_RSS));
            paths.add(path(Kind.BLOG_ATOM));
        }
        site.posts().forEach(p -> paths.add(p.path()));
        if (!site.products().isEmpty()) {
            paths.add(path(Kind.PRODUCTS));
        }
        site.products().forEach(p -> paths.add(p.path()));
        site.pages().forEach(p -> paths.add(p.path()));
        if (!sent.isEmpty()) {
            paths.add(path(Kind.ISSUES));
            paths.add(path(Kind.ISSUES_RSS));
            sent.forEach(s -> paths.add(s.issue().path()));
        }
        site.staticFiles().forEach(f -> paths.add(f.path()));
        paths.addAll(favicons.generated());
        paths.add(path(Kind.ANSWERS_RSS));
        paths.add(path(Kind.ANSWERS_ATOM));
        paths.addAll(sitemaps.paths());
        paths.add(path(Kind.ROBOTS));
        paths.add(path(Kind.LLMS));
        paths.add(path(Kind.LLMS_FULL));
        site.answers().forEach(a -> paths.add(Address.of(Kind.ANSWER_MARKDOWN, a.slug()).path()));
        paths.add(cssPath);
        if (brandCssPath != null) {
            paths.add(brandCssPath);
        }
        paths.add(JS_PATH);
        if (counts) {
            paths.add(COUNT_PATH);
        }
        return paths;
    }

    /** What sending an issue changes: the issues' pages, their archive and feed, and the sitemap. */
    List<String> issuePaths() {
        List<String> paths = new ArrayList<>(sitemaps.paths());
        if (!sent.isEmpty()) {
            paths.add(path(Kind.ISSUES));
            paths.add(path(Kind.ISSUES_RSS));
            sent.forEach(s -> paths.add(s.issue().path()));
        }
        return paths;
    }

    private static String path(Kind kind) {
        return Address.of(kind).path();
    }

    /** How to make the file at {@code path}, or null when the site has none there. */
    Supplier<Page> job(String path) {
        // a static file may have any path the engine leaves free, even one shaped like a page's
        StaticFile file = staticFiles().get(path);
        if (file != null) {
            return () -> staticPage(file);
        }
        Address address = Address.of(path);
        String id = address.id();
        return switch (address.kind()) {
            case HOME -> () -> html(path, "home", views.home());
            case ANSWERS -> () -> html(path, "listing", views.allQuestions());
            case AUTHORS -> () -> html(path, "listing", views.authors());
            case BLOG -> site.posts().isEmpty() ? null : () -> html(path, "listing", views.blog());
            case PRODUCTS -> site.products().isEmpty() ? null : () -> html(path, "listing", views.products());
            case ANSWERS_RSS -> () -> text(path, RSS, feeds.answersRss());
            case ANSWERS_ATOM -> () -> text(path, ATOM, feeds.answersAtom());
            case BLOG_RSS -> site.posts().isEmpty() ? null : () -> text(path, RSS, feeds.blogRss());
            case BLOG_ATOM -> site.posts().isEmpty() ? null : () -> text(path, ATOM, feeds.blogAtom());
            case ROBOTS -> () -> text(path, TEXT, sitemaps.robots());
            case LLMS -> () -> text(path, TEXT, llms.index());
            case LLMS_FULL -> () -> text(path, TEXT, llms.full());
            case SITEMAP, SITEMAP_PART -> sitemaps.paths().contains(path)
                    ? () -> text(path, "application/xml; charset=utf-8", sitemaps.files().get(path)) : null;
            case ASSET -> path.equals(cssPath) ? () -> Page.of(cssPath, MediaTypes.of(cssPath), Renderer.ASSET_CACHE, css)
                    : path.equals(brandCssPath)
                            ? () -> Page.of(path, MediaTypes.of(path), Renderer.ASSET_CACHE, bytes(brandCss))
                    : path.equals(JS_PATH) ? () -> Page.of(JS_PATH, MediaTypes.of(JS_PATH), Renderer.ASSET_CACHE, JS)
                    : counts && path.equals(COUNT_PATH)
                            ? () -> Page.of(COUNT_PATH, MediaTypes.of(COUNT_PATH), Renderer.ASSET_CACHE, COUNT)
                    : null;
            case CATEGORY -> {
                Category category = site.category(id);
                yield category == null || site.answersIn(category).isEmpty() ? null
                        : () -> html(path, "listing", views.category(category));
            }
            case ANSWER -> site.answer(id).<Supplier<Page>>map(a -> () -> html(path, "answer", views.answer(a)))
                    .orElse(null);
            case ANSWER_MARKDOWN -> site.answer(id)
                    .<Supplier<Page>>map(a -> () -> text(path, "text/markdown; charset=utf-8", llms.twin(a))).orElse(null);
            case AUTHOR -> {
                Author author = site.author(id);
                yield author == null ? null : () -> html(path, "profile", views.author(author));
            }
            case POST -> {
                BlogPost post = bySlug().posts.get(id);
                yield post == null ? null : () -> html(path, "article", views.post(post));
            }
            case PRODUCT -> {
                Product product = bySlug().products.get(id);
                yield product == null ? null : () -> html(path, "article", views.product(product));
            }
            case PAGE -> {
                InfoPage page = bySlug().pages.get(id);
                yield page == null ? null : () -> html(path, "article", views.page(page));
            }
            case STATIC -> favicons.generated().contains(path)
                    ? () -> Page.of(path, MediaTypes.of(path), Renderer.STATIC_CACHE, favicons.make(path)) : null;
            case ISSUES -> sent.isEmpty() ? null : () -> html(path, "listing", views.issues(sent));
            case ISSUES_RSS -> sent.isEmpty() ? null : () -> text(path, RSS, feeds.issuesRss());
            case ISSUE -> sent.stream().filter(s -> s.issue().slug().equals(id)).findFirst()
                    .<Supplier<Page>>map(s -> () -> html(path, "article", views.issue(s))).orElse(null);
            // an issue's preview is the preview's own route; sent or not, never a page of the site
            case SEARCH, API, NEWSLETTER, PREVIEW, ADMIN, ISSUE_PREVIEW, REDIRECT, HEALTH, READY, METRICS -> null;
        };
    }

    private synchronized Map<String, StaticFile> staticFiles() {
        if (staticFiles == null) {
            staticFiles = index(site.staticFiles(), StaticFile::path);
        }
        return staticFiles;
    }

    private synchronized Plan bySlug() {
        if (posts == null) {
            posts = index(site.posts(), BlogPost::slug);
            products = index(site.products(), Product::slug);
            pages = index(site.pages(), InfoPage::slug);
        }
        return this;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }

    Page notFound() {
        return html("/404", "notfound", views.notFound());
    }

    Map<String, String> redirects() {
        Map<String, String> redirects = new LinkedHashMap<>();
        // an old path that is now a page of the site is that page, not a redirect
        site.redirects().forEach((from, to) -> {
            if (job(from) == null) {
                redirects.put(from, to);
            }
        });
        return redirects;
    }

    Pages pages(Map<String, Page> byPath, Page notFound) {
        return new Pages(byPath, redirects(), notFound, SocialProof.of(site.config()), frame(), similar);
    }

    Frame frame() {
        return new Frame(views, templates);
    }

    private Page html(String path, String template, Object view) {
        return Page.html(path, render(templates, template, view, path), Renderer.PAGE_CACHE);
    }

    static String render(Templates templates, String template, Object view, String what) {
        try {
            return templates.render(template + ".jte", view);
        } catch (RuntimeException e) {
            throw RenderException.bug("rendering " + what + " with " + template + ".jte failed: " + e.getMessage(), e);
        }
    }

    /** A generated text file: a feed, the sitemap, llms.txt, a Markdown twin. */
    private static Page text(String path, String contentType, String text) {
        return Page.of(path, contentType, Renderer.PAGE_CACHE, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Page staticPage(StaticFile file) {
        return Page.of(file.path(), MediaTypes.of(file.path()), Renderer.STATIC_CACHE, bytes(file));
    }

    /** A static file's bytes. */
    private static byte[] bytes(StaticFile file) {
        try {
            return read(file.file());
        } catch (IOException e) {
            // it was there when the site was loaded: changed since, or unreadable from the start
            throw new RenderException("the static file " + file.file() + " cannot be read: "
                    + AnswerlineException.reason(e), "check its permissions, and that it was not removed meanwhile", e);
        }
    }

    /** The site's own stylesheet: {@code theme.css} of site.yaml, else {@code static/custom.css}; or null. */
    private static StaticFile brandCss(Site site) {
        String named = site.config().theme().stylesheet();
        String path = named != null ? named : "/custom.css";
        return site.staticFiles().stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }

    /**
     * A static file's bytes, read where the site loader found it: a link put in its place since is not
     * followed, since the loader did not check where that one leads.
     */
    private static byte[] read(java.nio.file.Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file,
                java.nio.file.StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return java.nio.channels.Channels.newInputStream(channel).readAllBytes();
        }
    }

    /**
     * The built-in stylesheet, then the brand's theme (nothing without one), then the site's address for print:
     * a printed link to {@code /x} shows {@code https://site/x}, which a reader can type, and only the
     * stylesheet knows it on paper.
     */
    private static byte[] css(String baseUrl, String theme) {
        StringBuilder quoted = new StringBuilder("\"");
        baseUrl.codePoints().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
                quoted.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                quoted.appendCodePoint(c);
            }
        });
        byte[] print = (theme + "\n@media print { :root { --site-url: " + quoted + "\"; } }\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(CSS, CSS.length + print.length);
        System.arraycopy(print, 0, all, CSS.length, print.length);
        return all;
    }

    /** {@code /assets/name.{hash}.ext}: a new name whenever the content changes, so it can be cached for good. */
    private static String fingerprinted(String name, byte[] content, String extension) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            return "/assets/" + name + "." + HexFormat.of().formatHex(hash, 0, 5) + "." + extension;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Plan.class.getResourceAsStream(name)) {
            if (in == null) {
                throw RenderException.bug("the theme resource " + name + " is missing from the jar", null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw RenderException.bug("the theme resource " + name + " cannot be read from the jar", e);
        }
    }
}
