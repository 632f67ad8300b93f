package dev.answerline.render;

import dev.answerline.AnswerlineException;
import dev.answerline.content.Answer;
import dev.answerline.content.Author;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Category;
import dev.answerline.content.InfoPage;
import dev.answerline.content.Product;
import dev.answerline.content.Site;
import dev.answerline.content.StaticFile;
import dev.answerline.render.internal.Favicons;
import dev.answerline.render.internal.Feeds;
import dev.answerline.render.internal.LlmsText;
import dev.answerline.render.internal.Markdown;
import dev.answerline.render.internal.Sitemaps;
import dev.answerline.render.internal.Views;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every file of one site, by path: {@link #paths()} lists them, {@link #job(String)} says how to make one.
 * Nothing is made until asked, so that an update of one answer on a site of 10,000 costs one answer.
 */
final class Plan {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final byte[] CSS = resource("site.css");
    private static final byte[] JS = resource("site.js");
    private static final String JS_PATH = fingerprinted("site", JS, "js");
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final String ATOM = "application/atom+xml; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String CATEGORY = "/answers/category/";

    final Site site;
    final Views views;
    private final byte[] css;
    private final String cssPath;
    private final Similar similar;
    private final Feeds feeds;
    private final LlmsText llms;
    private final Sitemaps sitemaps;
    private final Favicons favicons;
    private Map<String, StaticFile> staticFiles;
    private Map<String, BlogPost> posts;
    private Map<String, Product> products;
    private Map<String, InfoPage> pages;

    Plan(Site site, Renderer.Options options) {
        this.site = site;
        Markdown markdown = new Markdown(Views.ANSWER_IDS);
        this.similar = options.similar();
        this.css = css(site.config().baseUrl());
        this.cssPath = fingerprinted("site", css, "css");
        this.views = new Views(site, markdown, cssPath, JS_PATH, options.liveReload(), similar);
        this.feeds = new Feeds(site, markdown);
        this.llms = new LlmsText(site, markdown, options.cache() == null ? null : options.cache().fragments);
        this.sitemaps = new Sitemaps(site);
        this.favicons = new Favicons(site);
    }

    /** Every path the site serves, in a stable order. */
    List<String> paths() {
        List<String> paths = new ArrayList<>(site.answers().size() * 2 + 64);
        paths.add("/");
        paths.add("/answers");
        site.answers().forEach(a -> paths.add(a.path()));
        site.categories().stream().filter(c -> !site.answersIn(c).isEmpty()).forEach(c -> paths.add(c.path()));
        paths.add("/authors");
        site.authors().forEach(a -> paths.add(a.path()));
        if (!site.posts().isEmpty()) {
            paths.add("/blog");
            paths.add(Feeds.BLOG_RSS);
            paths.add(Feeds.BLOG_ATOM);
        }
        site.posts().forEach(p -> paths.add(p.path()));
        if (!site.products().isEmpty()) {
            paths.add("/products");
        }
        site.products().forEach(p -> paths.add(p.path()));
        site.pages().forEach(p -> paths.add(p.path()));
        site.staticFiles().forEach(f -> paths.add(f.path()));
        paths.addAll(favicons.generated());
        paths.add(Feeds.ANSWERS_RSS);
        paths.add(Feeds.ANSWERS_ATOM);
        paths.addAll(sitemaps.paths());
        paths.add(Sitemaps.ROBOTS);
        paths.add(LlmsText.INDEX);
        paths.add(LlmsText.FULL);
        site.answers().forEach(a -> paths.add(LlmsText.twinPath(a)));
        paths.add(cssPath);
        paths.add(JS_PATH);
        return paths;
    }

    /** How to make the file at {@code path}, or null when the site has none there. */
    Supplier<Page> job(String path) {
        switch (path) {
            case "/":
                return () -> html(path, "home", views.home());
            case "/answers":
                return () -> html(path, "listing", views.allQuestions());
            case "/authors":
                return () -> html(path, "listing", views.authors());
            case "/blog":
                return site.posts().isEmpty() ? null : () -> html(path, "listing", views.blog());
            case "/products":
                return site.products().isEmpty() ? null : () -> html(path, "listing", views.products());
            case Feeds.ANSWERS_RSS:
                return () -> text(path, RSS, feeds.answersRss());
            case Feeds.ANSWERS_ATOM:
                return () -> text(path, ATOM, feeds.answersAtom());
            case Feeds.BLOG_RSS:
                return site.posts().isEmpty() ? null : () -> text(path, RSS, feeds.blogRss());
            case Feeds.BLOG_ATOM:
                return site.posts().isEmpty() ? null : () -> text(path, ATOM, feeds.blogAtom());
            case Sitemaps.ROBOTS:
                return () -> text(path, TEXT, sitemaps.robots());
            case LlmsText.INDEX:
                return () -> text(path, TEXT, llms.index());
            case LlmsText.FULL:
                return () -> text(path, TEXT, llms.full());
            default:
                break;
        }
        if (path.equals(cssPath)) {
            return () -> Page.of(cssPath, MediaTypes.of(cssPath), Renderer.ASSET_CACHE, css);
        }
        if (path.equals(JS_PATH)) {
            return () -> Page.of(JS_PATH, MediaTypes.of(JS_PATH), Renderer.ASSET_CACHE, JS);
        }
        StaticFile file = staticFiles().get(path);
        if (file != null) {
            return () -> staticPage(file);
        }
        if (path.startsWith("/favicon.") && favicons.generated().contains(path)) {
            return () -> Page.of(path, MediaTypes.of(path), Renderer.STATIC_CACHE, favicons.make(path));
        }
        if (path.startsWith("/sitemap") && sitemaps.paths().contains(path)) {
            return () -> text(path, "application/xml; charset=utf-8", sitemaps.files().get(path));
        }
        if (path.startsWith(CATEGORY)) {
            Category category = site.category(path.substring(CATEGORY.length()));
            return category == null || site.answersIn(category).isEmpty() ? null
                    : () -> html(path, "listing", views.category(category));
        }
        if (path.startsWith("/answers/")) {
            String rest = path.substring("/answers/".length());
            boolean twin = rest.endsWith(".md");
            Answer answer = site.answer(twin ? rest.substring(0, rest.length() - 3) : rest).orElse(null);
            if (answer == null) {
                return null;
            }
            return twin ? () -> text(path, "text/markdown; charset=utf-8", llms.twin(answer))
                    : () -> html(path, "answer", views.answer(answer));
        }
        if (path.startsWith("/authors/")) {
            Author author = site.author(path.substring("/authors/".length()));
            return author == null ? null : () -> html(path, "profile", views.author(author));
        }
        if (path.startsWith("/blog/")) {
            BlogPost post = bySlug().posts.get(path.substring("/blog/".length()));
            return post == null ? null : () -> html(path, "article", views.post(post));
        }
        if (path.startsWith("/products/")) {
            Product product = bySlug().products.get(path.substring("/products/".length()));
            return product == null ? null : () -> html(path, "article", views.product(product));
        }
        InfoPage page = bySlug().pages.get(path.substring(1));
        return page == null ? null : () -> html(path, "article", views.page(page));
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
        site.aliases().forEach((alias, slug) -> redirects.put(Answer.pathOf(alias), Answer.pathOf(slug)));
        return redirects;
    }

    Pages pages(Map<String, Page> byPath, Page notFound) {
        Locale locale = Locale.forLanguageTag(site.config().language());
        return new Pages(byPath, redirects(), notFound, new SocialProof(site.config().newsletter(), locale),
                frame(), similar);
    }

    Frame frame() {
        return new Frame(views);
    }

    static Page html(String path, String template, Object view) {
        return Page.html(path, render(template, view, path), Renderer.PAGE_CACHE);
    }

    static String render(String template, Object view, String what) {
        StringOutput out = new StringOutput(16 * 1024);
        try {
            TEMPLATES.render(template + ".jte", view, out);
        } catch (RuntimeException e) {
            throw RenderException.bug("rendering " + what + " with " + template + ".jte failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** A generated text file: a feed, the sitemap, llms.txt, a Markdown twin. */
    private static Page text(String path, String contentType, String text) {
        return Page.of(path, contentType, Renderer.PAGE_CACHE, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Page staticPage(StaticFile file) {
        try {
            return Page.of(file.path(), MediaTypes.of(file.path()), Renderer.STATIC_CACHE, read(file.file()));
        } catch (IOException e) {
            // it was there when the site was loaded: changed since, or unreadable from the start
            throw new RenderException("the static file " + file.file() + " cannot be read: "
                    + AnswerlineException.reason(e), "check its permissions, and that it was not removed meanwhile", e);
        }
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
     * The theme with the site's address for print: a printed link to {@code /x} shows
     * {@code https://site/x}, which a reader can type, and only the stylesheet knows it on paper.
     */
    private static byte[] css(String baseUrl) {
        StringBuilder quoted = new StringBuilder("\"");
        baseUrl.codePoints().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
                quoted.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                quoted.appendCodePoint(c);
            }
        });
        byte[] print = ("\n@media print { :root { --site-url: " + quoted + "\"; } }\n")
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
