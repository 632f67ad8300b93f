package dev.answerline.render;

import dev.answerline.content.Site;
import dev.answerline.content.SiteChange;
import dev.answerline.render.internal.Dependents;
import dev.answerline.memory.MappedStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Renders a {@link Site} into {@link Pages}: every page once, in parallel, into precompressed bytes; or,
 * for a preview, again only what a change touches.
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

    private Renderer() {}

    /**
     * How to render.
     *
     * @param mode what the pages are for
     * @param similar the answers most like each answer, for its "More ... Questions" box
     * @param cache what renders of a preview keep between them; null in the other modes
     */
    public record Options(Mode mode, Similar similar, RenderCache cache, Map<String, java.time.Instant> sent,
            CompressionCache compression) {
        /** A site to serve, with boxes of the newest answers of each category. */
        public static final Options SERVE = serve(Similar.NONE);
        /** A site to export, with boxes of the newest answers of each category. */
        public static final Options EXPORT = export(Similar.NONE);

        /**
         * @param sent the newsletter issues sent so far, by slug, with the time each was queued: only these
         *     have a web version, in the archive, feed and sitemap
         */
        public Options {
            sent = Map.copyOf(sent);
            java.util.Objects.requireNonNull(compression, "compression");
            if (mode.incremental() != (cache != null)) {
                throw new IllegalArgumentException(mode + (cache == null ? " needs" : " takes no") + " render cache");
            }
        }

        public Options(Mode mode, Similar similar, RenderCache cache) {
            this(mode, similar, cache, Map.of(), CompressionCache.NONE);
        }

        /** These options with the newsletter issues sent so far. */
        public Options withSent(Map<String, java.time.Instant> newSent) {
            return new Options(mode, similar, cache, newSent, compression);
        }

        /** These options taking the encodings of pages seen before from {@code cache}. */
        public Options with(CompressionCache newCompression) {
            return new Options(mode, similar, cache, sent, newCompression);
        }

        /** A site to serve, with the boxes showing the most similar answers. */
        public static Options serve(Similar similar) {
            return new Options(Mode.SERVE, similar, null);
        }

        /** A site to export, with the boxes showing the most similar answers. */
        public static Options export(Similar similar) {
            return new Options(Mode.EXPORT, similar, null);
        }

        /** A preview, keeping what it can in {@code cache} from one render to the next. */
        public static Options preview(RenderCache cache) {
            return new Options(Mode.PREVIEW, Similar.NONE, cache);
        }

        /** These options with other similar answers. */
        public Options with(Similar newSimilar) {
            return new Options(mode, newSimilar, cache, sent, compression);
        }
    }

    /** What an update changed: the new pages and the paths that differ ({@code *} when all may). */
    public record Update(Pages pages, Set<String> changed) {}

    /**
     * Renders every published page of the site, its stylesheet, static files and the 404 page.
     *
     * @throws RenderException when a template fails, which is a bug, not a content problem
     */
    public static Pages render(Site site) {
        return render(site, Options.SERVE);
    }

    /**
     * Renders every page of the site, compressing them all in parallel so that no request waits for it. The
     * pages of a site to publish keep their bytes outside the heap; a preview's, which change all the time,
     * keep them on it.
     */
    public static Pages render(Site site, Options options) {
        return render(site, options, true);
    }

    /**
     * As {@link #render(Site, Options)} for a served site, without compressing: the pages are served as they
     * are until {@link #compress(Pages)} has added their encodings, so that a large site's first start need
     * not wait for them (about a third of it at 10,000 answers).
     */
    public static Pages renderUncompressed(Site site, Options options) {
        return render(site, options, false);
    }

    /**
     * Adds the gzip and brotli encodings to the pages {@link #renderUncompressed} made, one after the other on
     * the calling thread, which should be one of its own: pages go on being served meanwhile, each compressed
     * from the moment its encodings are made.
     */
    public static void compress(Pages pages) {
        pages.all().forEach(Page::compressLater);
    }

    private static Pages render(Site site, Options options, boolean compress) {
        Plan plan = new Plan(site, options);
        MappedStore store = options.mode().offHeap() ? MappedStore.temporary() : null;
        Map<String, Page> byPath = new ConcurrentHashMap<>();
        plan.paths().parallelStream().forEach(path -> {
            Page page = plan.job(path).get();
            if (store != null) {
                page = page.keptIn(store, "", options.compression(), compress);
            } else {
                page.body("");
            }
            byPath.put(path, page);
        });
        return plan.pages(new HashMap<>(byPath), plan.notFound());
    }

    /**
     * The pages after more newsletter issues were sent: the new issues' web versions, the archive, its feed
     * and the sitemap rendered again with {@code options.sent()}, the rest as they were. Issues are never
     * unsent, so nothing goes.
     */
    public static Pages sent(Pages before, Site site, Options options) {
        Plan plan = new Plan(site, options);
        Map<String, Page> replaced = new HashMap<>();
        for (String path : plan.issuePaths()) {
            Supplier<Page> job = plan.job(path);
            if (job != null) {
                replaced.put(path, job.get());
            }
        }
        return before.with(replaced);
    }

    /**
     * Renders every page once, in parallel, and hands each to a sink as soon as it is made, keeping none: an
     * export's memory then stays flat however large the site, and writing overlaps rendering.
     *
     * @param sink given the pages' frame (redirects, the 404 page, the social proof) and the path of every
     *     page to come, before any page; what it returns is then called with every page, from several threads
     *     at once
     * @return the frame
     */
    public static Pages each(Site site, Options options, BiFunction<Pages, List<String>, Consumer<Page>> sink) {
        return each(site, options, null, sink);
    }

    /**
     * What identifies the engine that renders: its classes, libraries, Java version and compression settings.
     * What one run keeps for the next (a page snapshot, a build's state) is keyed by it, so an upgrade never
     * reuses what another version made.
     */
    public static String engine() {
        return dev.answerline.render.internal.SnapshotKey.engine();
    }

    /**
     * As {@link #each(Site, Options, BiFunction)}, rendering only the pages at {@code only} that the site has:
     * a build after an edit renders what the edit touched ({@link #touched}). The sink is still told every
     * page's path, for the layout of the output.
     *
     * @param only the paths to render, or null for every page
     */
    public static Pages each(Site site, Options options, Set<String> only,
            BiFunction<Pages, List<String>, Consumer<Page>> sink) {
        Plan plan = new Plan(site, options);
        Pages frame = plan.pages(Map.of(), plan.notFound());
        List<String> paths = plan.paths();
        Consumer<Page> each = sink.apply(frame, java.util.Collections.unmodifiableList(paths));
        (only == null ? paths : only).parallelStream().map(plan::job).filter(java.util.Objects::nonNull)
                .forEach(job -> each.accept(job.get().compressedWith(options.compression())));
        return frame;
    }

    /**
     * The paths of the pages a change may have changed, as {@link #update} renders them again, or null when it
     * reaches every page (site.yaml, a category, an author, what every page shows).
     *
     * @param before the similar answers the pages of {@code change.before()} were rendered with
     * @param now those of {@code change.after()}
     */
    public static Set<String> touched(SiteChange change, Similar before, Similar now) {
        if (Dependents.wholeSite(change)) {
            return null;
        }
        Set<String> paths = new TreeSet<>(Dependents.of(change, before, now));
        paths.addAll(change.staticPaths());
        return paths;
    }

    /**
     * Renders again only what a change touches: the pages of changed content, the pages that list or show
     * them (indexes, category and author pages, cards), and the files made from every answer (sitemap, feeds,
     * llms.txt). A change to site.yaml, a category, an author or what every page shows (the navigation, the
     * footer) renders everything. Pages are compressed when first asked for.
     *
     * @param before the pages of {@code change.before()}
     */
    public static Update update(Pages before, SiteChange change, Options options) {
        Site now = change.after();
        if (Dependents.wholeSite(change)) {
            if (options.mode().incremental()) {
                options.cache().clear();
            }
            return new Update(render(now, options), Set.of("*"));
        }
        if (options.mode().incremental()) {
            options.cache().forget(change);
        }
        Plan plan = new Plan(now, options);
        Set<String> changed = new TreeSet<>(Dependents.of(change, before.similar(), options.similar()));
        changed.addAll(change.staticPaths());
        Map<String, Page> replaced = renderEach(plan, changed);
        List<String> gone = changed.stream().filter(path -> !replaced.containsKey(path)).toList();
        return new Update(before.next(replaced, gone, plan.redirects(), plan.frame(), options.similar()), changed);
    }

    /**
     * Renders again only the pages of the changed content itself (an answer's page and its Markdown twin, a
     * post's page): what an editor who saved it is looking at, served before the lists, feeds and cards that
     * also show it, which {@link #update} renders next. Null when the change reaches every page.
     *
     * @param before the pages of {@code change.before()}
     */
    public static Update own(Pages before, SiteChange change, Options options) {
        if (Dependents.wholeSite(change)) {
            return null;
        }
        Set<String> own = new TreeSet<>();
        for (dev.answerline.content.Address address : change.changed()) {
            own.add(address.path());
            own.add(address.path() + ".md");
        }
        Plan plan = new Plan(change.after(), options);
        Map<String, Page> replaced = renderEach(plan, own);
        own.retainAll(replaced.keySet());
        return new Update(before.next(replaced, List.of(), plan.redirects(), plan.frame(), before.similar()), own);
    }

    /** The pages at {@code paths} that the plan has, rendered in parallel, by path; a path it has not is left out. */
    private static Map<String, Page> renderEach(Plan plan, java.util.Collection<String> paths) {
        Map<String, Page> made = new ConcurrentHashMap<>();
        paths.parallelStream().forEach(path -> {
            Supplier<Page> job = plan.job(path);
            if (job != null) {
                made.put(path, job.get());
            }
        });
        return made;
    }

    /**
     * Where links on the site can lead, without rendering it: pages are rendered only when a link asks
     * for one of their sections. For {@code answerline check}.
     */
    public static LinkTargets linkTargets(Site site) {
        Plan plan = new Plan(site, Options.EXPORT);
        Map<String, String> redirects = plan.redirects();
        Map<String, Page> rendered = new ConcurrentHashMap<>();
        return new LinkTargets(Set.copyOf(plan.paths()), redirects::get, path -> {
            Supplier<Page> job = plan.job(path);
            return job == null ? null : rendered.computeIfAbsent(path, p -> job.get());
        });
    }
}
