package dev.answerline.publish;

import dev.answerline.content.Keeping;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.render.CompressionCache;
import dev.answerline.render.Mode;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import dev.answerline.render.Similar;
import dev.answerline.render.Snapshot;
import dev.answerline.search.SearchIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site published as it was at start, every page kept outside the heap with its compressed bytes made
 * beforehand ({@link Mode#SERVE}). At a first start, or after any change, the site is loaded, indexed and
 * rendered, and the pages are kept in a {@link Snapshot}; at a start with nothing changed they come from the
 * snapshot, and the site loads and is indexed after the start, for what is made at request time (searches,
 * newsletter signups, message pages), which waits for it on its own lane.
 */
public final class Published implements Publication {
    private static final Logger LOG = LoggerFactory.getLogger("publish");
    private static final boolean TIMING = Boolean.getBoolean("answerline.timing");
    /**
     * From this many answers on, a first start serves its pages before they are compressed and compresses them
     * on a thread of its own: about a third of the start at 10,000 answers. Smaller sites are compressed before
     * the start, which takes a moment, so their first response is compressed like every other.
     */
    static final int COMPRESSED_AFTER_START = 1_000;

    private final CompletableFuture<Site> site;
    private final SiteConfig config;
    /** Built at once for a rendered site (its similar answers come from it), after the start for a restored one. */
    private final CompletableFuture<SearchIndex> search;
    private final Renderer.Options options;
    private final CompressionCache compression;
    private final Pages rendered;
    private final boolean restored;
    private volatile Pages pages;
    private volatile Consumer<Pages> publish;
    /** The newsletter issues the pages show, and those they are to show once the site has loaded. */
    private Map<String, Instant> shown;
    private Map<String, Instant> wanted;
    /** Where this start's pages are to be kept, until {@link #settled()}; null when restored or kept already. */
    private Snapshot snapshot;
    private Snapshot.Key key;
    /** Writing the snapshot of the pages rendered at start, or null. */
    private Thread saving;
    /** Done when every page rendered at start has its encodings. */
    private CompletableFuture<Void> compressing = CompletableFuture.completedFuture(null);

    private Published(CompletableFuture<Site> site, SiteConfig config, CompletableFuture<SearchIndex> search,
            Pages pages, Renderer.Options options, CompressionCache compression, Map<String, Instant> shown,
            boolean restored) {
        this.site = site;
        this.config = config;
        this.search = search;
        this.pages = pages;
        this.rendered = pages;
        this.options = options;
        this.compression = compression;
        this.restored = restored;
        this.shown = shown;
        this.wanted = shown;
    }

    /**
     * Loads, indexes and renders the site in {@code dir}.
     *
     * @param drafts whether drafts and content dated after {@code today} are published too
     */
    public static Published load(Path dir, LocalDate today, boolean drafts) {
        return load(dir, today, drafts, CompressionCache.NONE);
    }

    /**
     * The same, compressing only the pages whose encodings {@code compression} does not have yet; closing
     * this closes it.
     */
    public static Published load(Path dir, LocalDate today, boolean drafts, CompressionCache compression) {
        return load(dir, today, drafts, compression, Snapshot.NONE);
    }

    /**
     * The same, serving the pages {@code snapshot} kept of the last start when nothing changed since: no load,
     * render or compression before the start. Otherwise the pages of this start are kept there when
     * {@link #settled()}.
     */
    public static Published load(Path dir, LocalDate today, boolean drafts, CompressionCache compression,
            Snapshot snapshot) {
        try {
            // made before the files are read, so that an edit during the load makes the key stale, not wrong
            long started = System.nanoTime();
            Snapshot.Key key = snapshot.key(dir, drafts);
            long keyed = System.nanoTime();
            Published restored = snapshot.has(key) ? restore(dir, today, drafts, compression, snapshot, key) : null;
            if (TIMING) {
                System.err.printf("  snapshot key %d ms, restore %d ms%n", (keyed - started) / 1_000_000,
                        (System.nanoTime() - keyed) / 1_000_000);
            }
            if (restored != null) {
                return restored;
            }
            // a served site's bodies and what they read as stay outside the heap with its pages
            long loading = System.nanoTime();
            Site site = Site.load(dir, today, drafts, null, Keeping.publish());
            if (TIMING) {
                System.err.printf("  site loaded in %d ms%n", (System.nanoTime() - loading) / 1_000_000);
            }
            Published published = of(site, compression);
            published.snapshot = snapshot;
            published.key = key;
            return published;
        } catch (RuntimeException e) {
            compression.close();
            throw e;
        }
    }

    private static Published restore(Path dir, LocalDate today, boolean drafts, CompressionCache compression,
            Snapshot snapshot, Snapshot.Key key) {
        SiteConfig config = Site.config(dir);
        CompletableFuture<Site> loading = new CompletableFuture<>();
        Supplier<Site> later = () -> join(loading);
        Renderer.Options options = Renderer.Options.serve(Similar.NONE).with(compression);
        Snapshot.Restored kept = snapshot.restore(key, today, config, later, options);
        if (kept == null) {
            return null;
        }
        CompletableFuture<SearchIndex> indexing = loading.thenApply(SearchIndex::build);
        onThread("answerline-loading", () -> {
            try {
                long started = System.nanoTime();
                Site site = Site.load(dir, today, drafts, null, Keeping.publish());
                if (TIMING) {
                    System.err.printf("  site loaded after the start in %d ms%n", (System.nanoTime() - started) / 1_000_000);
                }
                loading.complete(site);
            } catch (RuntimeException e) {
                LOG.error("the site could not be loaded after the start ({}): searches and signups fail until the"
                        + " next start", e.getMessage());
                loading.completeExceptionally(e);
            }
        });
        return new Published(loading, config, indexing, kept.pages(), options.with(kept.similar()), compression,
                kept.sent(), true);
    }

    /** Indexes and renders a loaded site. */
    public static Published of(Site site) {
        return of(site, CompressionCache.NONE);
    }

    private static Published of(Site site, CompressionCache compression) {
        SearchIndex search = SearchIndex.build(site);
        try {
            long started = System.nanoTime();
            Renderer.Options options = Renderer.Options.serve(search.similar()).with(compression);
            long found = System.nanoTime();
            boolean later = site.answers().size() >= COMPRESSED_AFTER_START;
            Pages pages = later ? Renderer.renderUncompressed(site, options) : Renderer.render(site, options);
            if (TIMING) {
                System.err.printf("  similar answers %d ms, render %d ms%s%n", (found - started) / 1_000_000,
                        (System.nanoTime() - found) / 1_000_000, later ? " (compressed after the start)" : "");
            }
            Published published = new Published(CompletableFuture.completedFuture(site), site.config(),
                    CompletableFuture.completedFuture(search), pages, options, compression, Map.of(), false);
            if (later) {
                CompletableFuture<Void> compressing = new CompletableFuture<>();
                published.compressing = compressing;
                onThread("answerline-compressing", () -> {
                    long begun = System.nanoTime();
                    try {
                        Renderer.compress(pages);
                        compressing.complete(null);
                    } catch (RuntimeException e) {
                        LOG.warn("compressing the pages after the start failed ({}): they are served as they are",
                                e.getMessage());
                        compressing.completeExceptionally(e);
                    }
                    if (TIMING) {
                        System.err.printf("  pages compressed after the start in %d ms%n",
                                (System.nanoTime() - begun) / 1_000_000);
                    }
                });
            }
            return published;
        } catch (RuntimeException e) {
            search.close();
            throw e;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    @Override
    public Mode mode() {
        return Mode.SERVE;
    }

    /** The content; for a site restored from a snapshot, once it has loaded. */
    @Override
    public Site site() {
        return join(site);
    }

    @Override
    public SiteConfig config() {
        return config;
    }

    @Override
    public void loaded(Consumer<Site> then) {
        site.thenAccept(then);
    }

    @Override
    public Pages pages() {
        return pages;
    }

    /** The search; for a site restored from a snapshot, once it is built. */
    @Override
    public SearchIndex search() {
        return join(search);
    }

    /**
     * The site changes only when an issue is sent: the content is published as loaded at start.
     */
    @Override
    public void follow(Consumer<Pages> publish) {
        this.publish = publish;
        synchronized (this) {
            if (pages != rendered) {
                // issues were sent between the render at start and now
                publish.accept(pages);
            }
        }
    }

    /**
     * Renders the new issues' pages, their archive, feed and the sitemap, and hands them to the server. Pages
     * restored from a snapshot that show these issues already stay; others are rendered once the site has
     * loaded, without holding up the start.
     */
    @Override
    public synchronized void sent(Map<String, Instant> sent) {
        wanted = Map.copyOf(sent);
        if (site.isDone()) {
            showSent();
        } else {
            site.thenRun(this::showSent);
        }
    }

    private synchronized void showSent() {
        if (wanted.equals(shown) || site.isCompletedExceptionally()) {
            return;
        }
        pages = Renderer.sent(pages, site.join(), options.withSent(wanted));
        shown = wanted;
        Consumer<Pages> to = publish;
        if (to != null) {
            to.accept(pages);
        }
    }

    /**
     * Keeps the pages in the snapshot, once they are compressed, on a thread of its own while they are served:
     * as they are then, with the newsletter issues they show. Nothing to do for pages that came from it.
     */
    @Override
    public synchronized void settled() {
        if (snapshot == null || key == null) {
            return;
        }
        Snapshot keeping = snapshot;
        Snapshot.Key keyed = key;
        snapshot = null;
        saving = onThread("answerline-snapshot", () -> {
            try {
                compressing.join();
            } catch (CompletionException e) {
                return; // said when it failed; pages without their encodings are not worth keeping
            }
            Pages now;
            Map<String, Instant> showing;
            synchronized (this) {
                now = pages;
                showing = shown;
            }
            keeping.save(keyed, site.join(), now, options.similar(), showing);
        });
    }

    /** Starts {@code work} on a daemon thread of its own: none of it may keep the process from stopping. */
    private static Thread onThread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public String describe() {
        return "Serving " + config.title() + " as loaded at start (" + pages.size() + " pages"
                + (restored ? ", kept from the last start: nothing changed since" : "") + ").";
    }

    @Override
    public void close() {
        Thread writing = saving;
        if (writing != null) {
            try {
                // a snapshot cut short is no snapshot: let it finish, within what a stop may take
                writing.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // an index still being built is closed when it is done
        search.thenAccept(SearchIndex::close);
        compression.close();
    }
}
