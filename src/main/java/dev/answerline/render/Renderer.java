package dev.answerline.render;

import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.content.StaticFile;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Renders a {@link Site} into {@link Pages}: every page once, in parallel, into precompressed bytes.
 *
 * <pre>{@code
 * Pages pages = Renderer.render(Site.load(Path.of("demo")));
 * byte[] html = pages.get("/answers").body("").identity();
 * }</pre>
 */
public final class Renderer {
    /** Pages change with every build; browsers revalidate them with their ETag. */
    public static final String PAGE_CACHE = "public, max-age=0, must-revalidate";
    /** Fingerprinted assets never change under their name. */
    public static final String ASSET_CACHE = "public, max-age=31536000, immutable";
    /** Editors may replace a static file under the same name. */
    public static final String STATIC_CACHE = "public, max-age=3600";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String STYLESHEET = "site.css";
    private static final String SCRIPT = "site.js";

    private Renderer() {}

    /**
     * Renders every published page of the site, its stylesheet, static files and the 404 page.
     *
     * @throws RenderException when a template fails, which is a bug, not a content problem
     */
    public static Pages render(Site site) {
        byte[] css = resource(STYLESHEET);
        byte[] js = resource(SCRIPT);
        String cssPath = fingerprinted("site", css, "css");
        String jsPath = fingerprinted("site", js, "js");
        Markdown markdown = new Markdown(Views.ANSWER_IDS);
        Views views = new Views(site, markdown, cssPath, jsPath);
        Feeds feeds = new Feeds(site, markdown);
        LlmsText llms = new LlmsText(site, markdown);

        List<Supplier<Page>> jobs = new ArrayList<>();
        jobs.add(() -> html("/", "home", views.home()));
        jobs.add(() -> html("/answers", "listing", views.allQuestions()));
        site.answers().forEach(a -> jobs.add(() -> html(a.path(), "answer", views.answer(a))));
        site.categories().stream().filter(c -> !site.answersIn(c).isEmpty())
                .forEach(c -> jobs.add(() -> html(c.path(), "listing", views.category(c))));
        jobs.add(() -> html("/authors", "listing", views.authors()));
        site.authors().forEach(a -> jobs.add(() -> html(a.path(), "profile", views.author(a))));
        if (!site.posts().isEmpty()) {
            jobs.add(() -> html("/blog", "listing", views.blog()));
        }
        site.posts().forEach(p -> jobs.add(() -> html(p.path(), "article", views.post(p))));
        if (!site.products().isEmpty()) {
            jobs.add(() -> html("/products", "listing", views.products()));
        }
        site.products().forEach(p -> jobs.add(() -> html(p.path(), "article", views.product(p))));
        site.pages().forEach(p -> jobs.add(() -> html(p.path(), "article", views.page(p))));
        site.staticFiles().forEach(f -> jobs.add(() -> staticPage(f)));
        jobs.add(() -> text(Feeds.ANSWERS_RSS, "application/rss+xml; charset=utf-8", feeds.answersRss()));
        jobs.add(() -> text(Feeds.ANSWERS_ATOM, "application/atom+xml; charset=utf-8", feeds.answersAtom()));
        if (!site.posts().isEmpty()) {
            jobs.add(() -> text(Feeds.BLOG_RSS, "application/rss+xml; charset=utf-8", feeds.blogRss()));
            jobs.add(() -> text(Feeds.BLOG_ATOM, "application/atom+xml; charset=utf-8", feeds.blogAtom()));
        }
        new Sitemaps(site).files().forEach((path, xml) -> jobs.add(() -> text(path, "application/xml; charset=utf-8",
                xml)));
        jobs.add(() -> text(Sitemaps.ROBOTS, "text/plain; charset=utf-8", new Sitemaps(site).robots()));
        jobs.add(() -> text(LlmsText.INDEX, "text/plain; charset=utf-8", llms.index()));
        jobs.add(() -> text(LlmsText.FULL, "text/plain; charset=utf-8", llms.full()));
        site.answers().forEach(a -> jobs.add(() -> text(LlmsText.twinPath(a), "text/markdown; charset=utf-8",
                llms.twin(a))));
        jobs.add(() -> Page.of(cssPath, MediaTypes.of(cssPath), ASSET_CACHE, css));
        jobs.add(() -> Page.of(jsPath, MediaTypes.of(jsPath), ASSET_CACHE, js));

        Map<String, Page> byPath = new LinkedHashMap<>();
        jobs.parallelStream().map(Supplier::get).toList().forEach(page -> byPath.put(page.path(), page));

        Map<String, String> redirects = new LinkedHashMap<>();
        site.aliases().forEach((alias, slug) -> redirects.put(Answer.pathOf(alias), Answer.pathOf(slug)));
        Page notFound = html("/404", "notfound", views.notFound());
        Locale locale = Locale.forLanguageTag(site.config().language());
        return new Pages(byPath, redirects, notFound, new SocialProof(site.config().newsletter(), locale),
                message -> render("message", views.message(message), "a message page"));
    }

    private static Page html(String path, String template, Object view) {
        return Page.html(path, render(template, view, path), PAGE_CACHE);
    }

    private static String render(String template, Object view, String what) {
        StringOutput out = new StringOutput(16 * 1024);
        try {
            TEMPLATES.render(template + ".jte", view, out);
        } catch (RuntimeException e) {
            throw new RenderException("rendering " + what + " with " + template + ".jte failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** A generated text file: a feed, the sitemap, llms.txt, a Markdown twin. */
    private static Page text(String path, String contentType, String text) {
        return Page.of(path, contentType, PAGE_CACHE, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Page staticPage(StaticFile file) {
        try {
            return Page.of(file.path(), MediaTypes.of(file.path()), STATIC_CACHE, Files.readAllBytes(file.file()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.file(), e);
        }
    }

    /** {@code /assets/name.{hash}.ext}: a new name whenever the content changes, so it can be cached for good. */
    private static String fingerprinted(String name, byte[] content, String extension) {
        return "/assets/" + name + "." + HexFormat.of().formatHex(sha256(content), 0, 5) + "." + extension;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Renderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new RenderException("the theme resource " + name + " is missing from the jar", null);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
