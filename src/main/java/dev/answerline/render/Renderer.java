package dev.answerline.render;

import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.content.StaticFile;
import dev.answerline.render.internal.Dependents;
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
import java.util.Set;
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
     * How to render: for a preview with live reload, and with a cache shared by the renders of one preview.
     *
     * @param liveReload whether pages load the script that reloads them when their file changes
     * @param cache what a preview keeps between renders, or null
     */
    public record Options(boolean liveReload, RenderCache cache) {
        /** A site to serve or export. */
        public static final Options PUBLISH = new Options(false, null);
    }

    /** What an update changed: the new pages and the paths that differ ({@code *} when all may). */
    public record Update(Pages pages, java.util.Set<String> changed) {}

    /**
     * Renders every published page of the site, its stylesheet, static files and the 404 page.
     *
     * @throws RenderException when a template fails, which is a bug, not a content problem
     */
    public static Pages render(Site site) {
        return render(site, Options.PUBLISH);
    }

    /** Renders every page of the site, compressing them all in parallel so that no request waits for it. */
    public static Pages render(Site site, Options options) {
        Plan plan = new Plan(site, options);
        Map<String, Page> byPath = new LinkedHashMap<>();
        plan.jobs.values().parallelStream().map(Supplier::get).peek(page -> page.body(""))
                .toList().forEach(page -> byPath.put(page.path(), page));
        return plan.pages(byPath, html("/404", "notfound", plan.views.notFound()));
    }

    /**
     * Renders again only what a change from {@code old} to {@code now} touches: the pages of changed content,
     * the pages that list or show them (indexes, category and author pages, cards), and the files made from
     * every answer (sitemap, feeds, llms.txt). A change to site.yaml, a category, an author or what every
     * page shows (the navigation, the footer) renders everything. Pages are compressed when first asked for.
     *
     * @param changedStatic paths of static files that changed on disk
     */
    public static Update update(Pages before, Site old, Site now, Set<String> changedStatic, Options options) {
        if (Dependents.wholeSite(old, now)) {
            return new Update(render(now, options), Set.of("*"));
        }
        Plan plan = new Plan(now, options);
        Set<String> changed = new java.util.TreeSet<>(Dependents.of(old, now));
        changed.addAll(changedStatic);
        Map<String, Page> byPath = new java.util.HashMap<>(before.byPath());
        for (String path : List.copyOf(byPath.keySet())) {
            if (!plan.jobs.containsKey(path)) {
                byPath.remove(path);
                changed.add(path);
            }
        }
        plan.jobs.keySet().stream().filter(path -> !byPath.containsKey(path)).forEach(changed::add);
        List<String> toRender = changed.stream().filter(plan.jobs::containsKey).toList();
        toRender.parallelStream().map(path -> plan.jobs.get(path).get()).toList()
                .forEach(page -> byPath.put(page.path(), page));
        return new Update(plan.pages(byPath, before.notFound()), changed);
    }

    /**
     * Where links on the site can lead, without rendering it: pages are rendered only when a link asks
     * for one of their sections. For {@code answerline check}.
     */
    public static LinkTargets linkTargets(Site site) {
        Plan plan = new Plan(site, Options.PUBLISH);
        Map<String, String> redirects = new LinkedHashMap<>();
        site.aliases().forEach((alias, slug) -> redirects.put(Answer.pathOf(alias), Answer.pathOf(slug)));
        Map<String, Page> rendered = new java.util.concurrent.ConcurrentHashMap<>();
        return new LinkTargets(java.util.Set.copyOf(plan.jobs.keySet()), redirects::get, path -> {
            Supplier<Page> job = plan.jobs.get(path);
            return job == null ? null : rendered.computeIfAbsent(path, p -> job.get());
        });
    }

    /** Every file of a site as a job by path, made lazily: an update runs only the jobs it needs. */
    private static final class Plan {
        private static final byte[] CSS = resource(STYLESHEET);
        private static final byte[] JS = resource(SCRIPT);
        private static final String CSS_PATH = fingerprinted("site", CSS, "css");
        private static final String JS_PATH = fingerprinted("site", JS, "js");

        final Site site;
        final Views views;
        final Map<String, Supplier<Page>> jobs = new LinkedHashMap<>();

        Plan(Site site, Options options) {
            this.site = site;
            Markdown markdown = new Markdown(Views.ANSWER_IDS);
            this.views = new Views(site, markdown, CSS_PATH, JS_PATH, options.liveReload());
            Feeds feeds = new Feeds(site, markdown);
            LlmsText llms = new LlmsText(site, markdown, options.cache() == null ? null : options.cache().fragments);
            Sitemaps sitemaps = new Sitemaps(site);
            job("/", () -> html("/", "home", views.home()));
            job("/answers", () -> html("/answers", "listing", views.allQuestions()));
            site.answers().forEach(a -> job(a.path(), () -> html(a.path(), "answer", views.answer(a))));
            site.categories().stream().filter(c -> !site.answersIn(c).isEmpty())
                    .forEach(c -> job(c.path(), () -> html(c.path(), "listing", views.category(c))));
            job("/authors", () -> html("/authors", "listing", views.authors()));
            site.authors().forEach(a -> job(a.path(), () -> html(a.path(), "profile", views.author(a))));
            if (!site.posts().isEmpty()) {
                job("/blog", () -> html("/blog", "listing", views.blog()));
                job(Feeds.BLOG_RSS, () -> text(Feeds.BLOG_RSS, "application/rss+xml; charset=utf-8", feeds.blogRss()));
                job(Feeds.BLOG_ATOM, () -> text(Feeds.BLOG_ATOM, "application/atom+xml; charset=utf-8",
                        feeds.blogAtom()));
            }
            site.posts().forEach(p -> job(p.path(), () -> html(p.path(), "article", views.post(p))));
            if (!site.products().isEmpty()) {
                job("/products", () -> html("/products", "listing", views.products()));
            }
            site.products().forEach(p -> job(p.path(), () -> html(p.path(), "article", views.product(p))));
            site.pages().forEach(p -> job(p.path(), () -> html(p.path(), "article", views.page(p))));
            site.staticFiles().forEach(f -> job(f.path(), () -> staticPage(f)));
            job(Feeds.ANSWERS_RSS, () -> text(Feeds.ANSWERS_RSS, "application/rss+xml; charset=utf-8",
                    feeds.answersRss()));
            job(Feeds.ANSWERS_ATOM, () -> text(Feeds.ANSWERS_ATOM, "application/atom+xml; charset=utf-8",
                    feeds.answersAtom()));
            sitemaps.paths().forEach(path -> job(path, () -> text(path, "application/xml; charset=utf-8",
                    sitemaps.files().get(path))));
            job(Sitemaps.ROBOTS, () -> text(Sitemaps.ROBOTS, "text/plain; charset=utf-8", sitemaps.robots()));
            job(LlmsText.INDEX, () -> text(LlmsText.INDEX, "text/plain; charset=utf-8", llms.index()));
            job(LlmsText.FULL, () -> text(LlmsText.FULL, "text/plain; charset=utf-8", llms.full()));
            site.answers().forEach(a -> job(LlmsText.twinPath(a), () -> text(LlmsText.twinPath(a),
                    "text/markdown; charset=utf-8", llms.twin(a))));
            job(CSS_PATH, () -> Page.of(CSS_PATH, MediaTypes.of(CSS_PATH), ASSET_CACHE, CSS));
            job(JS_PATH, () -> Page.of(JS_PATH, MediaTypes.of(JS_PATH), ASSET_CACHE, JS));
        }

        private void job(String path, Supplier<Page> page) {
            jobs.put(path, page);
        }

        Pages pages(Map<String, Page> byPath, Page notFound) {
            Map<String, String> redirects = new LinkedHashMap<>();
            site.aliases().forEach((alias, slug) -> redirects.put(Answer.pathOf(alias), Answer.pathOf(slug)));
            Locale locale = Locale.forLanguageTag(site.config().language());
            return new Pages(byPath, redirects, notFound, new SocialProof(site.config().newsletter(), locale),
                    message -> render("message", views.message(message), "a message page"),
                    found -> render("problems", views.problems(found), "a page of problems"));
        }
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
