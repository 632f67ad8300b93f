package dev.answerline.watch;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.content.ContentException;
import dev.answerline.content.ParseCache;
import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import dev.answerline.content.SiteChange;
import dev.answerline.publish.Publication;
import dev.answerline.render.Mode;
import dev.answerline.render.Page;
import dev.answerline.render.Pages;
import dev.answerline.render.RenderCache;
import dev.answerline.render.Renderer;
import dev.answerline.render.Similar;
import dev.answerline.search.SearchIndex;
import dev.answerline.search.SearchLog;
import dev.answerline.server.Lane;
import dev.answerline.server.Server;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;

/**
 * {@code serve --watch}: keeps the served pages in step with the site folder while editors work. A saved
 * file is read again (only it, thanks to a {@link ParseCache}), only the pages it touches are rendered
 * again ({@link Renderer#update}), the new set is swapped in whole, and the open pages it changed reload by
 * themselves ({@link LiveReload}). A page whose file has errors shows them at the top instead of stale
 * content; if site.yaml itself breaks, every page shows why.
 *
 * <p>Changes are handled one batch at a time, on the watcher's thread.
 */
public final class Preview implements Publication {
    /** The live reload routes' threads: each open preview page holds one for its event stream. */
    public static final Lane LANE = Lane.of("preview", 64, 0);
    private static final int WARM_UP_ROUNDS = 20;

    private final Path dir;
    private final boolean drafts;
    private final PrintWriter console;
    private final ParseCache cache = new ParseCache();
    private final RenderCache renderCache = new RenderCache();
    private Renderer.Options options;
    private SearchIndex search;
    private final LiveReload live = new LiveReload();
    private volatile Site site;
    private Pages rendered;
    private volatile Pages served;
    private Set<String> problemPaths = Set.of();
    private boolean broken;
    private Consumer<Pages> publisher = pages -> { };
    private Watcher watcher;

    private Preview(Path dir, boolean drafts, PrintWriter console) {
        this.dir = dir.toAbsolutePath().normalize();
        this.drafts = drafts;
        this.console = console;
        this.options = Renderer.Options.preview(renderCache);
    }

    /**
     * Loads and renders the site for a preview.
     *
     * @param drafts whether drafts and future-dated content are shown
     * @throws ContentException when site.yaml is unusable: there is nothing to preview yet
     */
    public static Preview open(Path dir, boolean drafts, PrintWriter console) {
        Preview preview = new Preview(dir, drafts, console);
        preview.site = Site.load(preview.dir, LocalDate.now(), drafts, preview.cache);
        preview.search = SearchIndex.build(preview.site);
        preview.options = preview.options.with(preview.search.similar());
        preview.rendered = Renderer.render(preview.site, preview.options);
        preview.served = preview.rendered.with(preview.problemPages(preview.site, preview.site));
        preview.problemPaths = Set.copyOf(preview.problemPages(preview.site, preview.site).keySet());
        return preview;
    }

    @Override
    public Mode mode() {
        return Mode.PREVIEW;
    }

    /** The pages to serve now. */
    @Override
    public Pages pages() {
        return served;
    }

    /** The site as last loaded without a fatal error. */
    @Override
    public Site site() {
        return site;
    }

    /** The search index, kept up to date with the site. */
    @Override
    public SearchIndex search() {
        return search;
    }

    /** The live reload routes, {@code /_answerline/*}, for the server. */
    public Handler liveReload() {
        return live;
    }

    /** Search, and the live reload routes on their own lane. */
    @Override
    public void mount(Server.Builder server, SearchLog searches) {
        Publication.super.mount(server, searches);
        server.route(Kind.PREVIEW.spec(), LANE, pages -> live);
        // open pages' event streams would hold a graceful stop back until its timeout
        server.beforeStop(live::close);
        // before the signup routes' /newsletter/*: the first mount that matches answers
        server.route(Kind.ISSUE_PREVIEW.spec(), LANE, pages -> new IssuePreview(this::site));
    }

    @Override
    public void follow(Consumer<Pages> publish) {
        watch(publish);
    }

    @Override
    public String describe() {
        return "Watching " + dir + ": saved files show at once, and open pages reload.";
    }

    /** Starts watching the folder; every update is handed to {@code publish} (e.g. the server's update). */
    public synchronized void watch(Consumer<Pages> publish) {
        this.publisher = publish;
        this.watcher = Watcher.start(dir, this::refresh);
        Thread warm = new Thread(this::warmUp, "answerline-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /**
     * Runs the reload path a few times with nothing changed, right after start, so that the JIT has compiled
     * it before the first save: a cold first update of a large site took several times as long as later ones.
     */
    private void warmUp() {
        try {
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                synchronized (this) {
                    Site now = Site.load(dir, LocalDate.now(), drafts, cache);
                    SiteChange change = SiteChange.between(site, now, Set.of());
                    if (!now.problems().equals(site.problems()) || !change.isEmpty()
                            || !Renderer.update(rendered, change, options).changed().isEmpty()) {
                        return; // something changed meanwhile: the watcher will handle it
                    }
                }
            }
        } catch (ContentException e) {
            // site.yaml broke meanwhile: the watcher shows why
        }
    }

    /**
     * Brings the pages up to date with changed files (or everything, when {@code files} holds the site
     * folder itself). Called by the watcher; tests and benchmarks may call it directly.
     *
     * @return the paths that changed
     */
    public synchronized Set<String> refresh(Set<Path> files) {
        long started = System.nanoTime();
        Set<Path> changed = files.stream().map(f -> f.toAbsolutePath().normalize()).collect(Collectors.toSet());
        if (changed.contains(dir)) {
            cache.clear();
        } else {
            changed.forEach(cache::invalidate);
        }
        Set<String> changedStatic = new TreeSet<>();
        Path staticDir = dir.resolve("static");
        changed.stream().filter(f -> f.startsWith(staticDir))
                .forEach(f -> changedStatic.add("/" + staticDir.relativize(f).toString().replace('\\', '/')));
        Site now;
        try {
            now = Site.load(dir, LocalDate.now(), drafts, cache);
        } catch (ContentException e) {
            return unusable(e, started, changed);
        }
        long loaded = System.nanoTime();
        // worked out once, for the renderer and the search index alike
        SiteChange change = SiteChange.between(site, now, changedStatic);
        // what was saved is served first: its own pages, then what lists or shows it, with the similar answers
        // as they were; an editor waits for the search index only where it moves a "More ... Questions" box,
        // which follows in a moment
        Renderer.Update own = Renderer.own(rendered, change, options);
        if (own != null && !own.changed().isEmpty()) {
            show(own.pages(), site, now, new TreeSet<>(own.changed()));
        }
        long first = System.nanoTime();
        Renderer.Update update = Renderer.update(own != null ? own.pages() : rendered, change, options);
        long updated = System.nanoTime();
        Set<String> paths = new TreeSet<>(update.changed());
        // an issue's preview is rendered when asked for: a saved issue only has its open previews reload
        for (dev.answerline.content.NewsletterIssue issue : now.issues()) {
            if (!site.issue(issue.slug()).equals(java.util.Optional.of(issue))) {
                paths.add(issue.preview().path());
            }
        }
        if (own != null) {
            // rendered again with the rest, to the same bytes: their open pages reloaded already
            paths.removeAll(own.changed());
        }
        Site before = site;
        site = now;
        paths = show(update.pages(), before, now, paths);
        if (own != null) {
            paths.addAll(own.changed());
        }
        long shown = System.nanoTime();
        search.update(change);
        Similar similar = search.similar();
        long indexed = System.nanoTime();
        if (similar != options.similar()) {
            options = options.with(similar);
            Renderer.Update boxes = Renderer.update(rendered, new SiteChange(now, now, Set.of(), Set.of(), Set.of()),
                    options);
            if (!boxes.changed().isEmpty()) {
                paths.addAll(show(boxes.pages(), before, now, new TreeSet<>(boxes.changed())));
            }
        }
        if (Boolean.getBoolean("answerline.timing")) {
            console.printf("  load %d ms, its own pages %d ms, the rest %d ms, swap %d ms, then search %d ms, boxes %d ms%n",
                    (loaded - started) / 1_000_000, (first - loaded) / 1_000_000, (updated - first) / 1_000_000,
                    (shown - updated) / 1_000_000, (indexed - shown) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        }
        report(changed, paths, started, now.problems().stream().filter(Problem::isError).toList());
        return paths;
    }

    /**
     * Serves {@code pages} with the pages of problems of {@code now} over them, and has the open pages among
     * {@code paths} (and those of problems that came or went) reload.
     *
     * @return the paths that reload
     */
    private Set<String> show(Pages pages, Site before, Site now, Set<String> paths) {
        Map<String, Page> problems = problemPages(before, now);
        paths.addAll(problemPaths);
        paths.addAll(problems.keySet());
        if (broken) {
            paths = Set.of("*");
            broken = false;
        }
        rendered = pages;
        served = rendered.with(problems);
        problemPaths = Set.copyOf(problems.keySet());
        publisher.accept(served);
        live.publish(paths);
        return paths.contains("*") ? new TreeSet<>(Set.of("*")) : paths;
    }

    /** site.yaml cannot be used: every page shows why, until it can. */
    private Set<String> unusable(ContentException e, long started, Set<Path> changed) {
        List<Problem> problems = e.problems().isEmpty()
                ? List.of(Problem.error("site.yaml", 1, "site", e.getMessage(), "fix it and save"))
                : e.problems();
        Map<String, Page> everywhere = new HashMap<>();
        rendered.all().stream().filter(Page::isRendered)
                .forEach(page -> everywhere.put(page.path(), rendered.problems(page.path(), problems)));
        served = rendered.with(everywhere);
        broken = true;
        publisher.accept(served);
        live.publish(Set.of("*"));
        report(changed, Set.of("*"), started, problems);
        return Set.of("*");
    }

    /** For every file with errors, a page at its address that shows them. */
    private Map<String, Page> problemPages(Site before, Site now) {
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        now.problems().stream().filter(Problem::isError)
                .forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        Map<String, Page> pages = new HashMap<>();
        byFile.forEach((file, problems) -> {
            for (String path : pathsOf(file, before)) {
                pages.put(path, rendered.problems(path, problems));
            }
        });
        return pages;
    }

    /**
     * The addresses a content file has or had: by its folder and name, and what it was in the last good load
     * (its {@code slug:} may say otherwise than its name).
     */
    private static List<String> pathsOf(String file, Site before) {
        List<String> paths = new ArrayList<>();
        Address byName = Address.ofFile(file);
        if (byName != null) {
            paths.add(byName.path());
        }
        before.addressesOf(file).forEach(address -> paths.add(address.path()));
        return paths;
    }

    private void report(Set<Path> files, Set<String> paths, long started, List<Problem> errors) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        // editors save through temporary files; name only what is there now, or was content
        String what = files.stream().filter(f -> java.nio.file.Files.exists(f) || f.toString().endsWith(".md"))
                .map(f -> f.startsWith(dir) ? dir.relativize(f).toString() : f.toString())
                .filter(f -> !f.isEmpty()).sorted().collect(Collectors.joining(", "));
        console.println((what.isEmpty() ? "the site" : what) + ": " + (paths.contains("*") ? "every page"
                : paths.size() + (paths.size() == 1 ? " page" : " pages")) + " updated in " + millis + " ms");
        errors.forEach(problem -> console.println("  " + problem));
        console.flush();
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
        }
        live.close();
        search.close();
    }
}
