package dev.answerline.publish;

import dev.answerline.content.Keeping;
import dev.answerline.content.Site;
import dev.answerline.render.Mode;
import dev.answerline.render.Pages;
import dev.answerline.render.CompressionCache;
import dev.answerline.render.Renderer;
import dev.answerline.render.Similar;
import dev.answerline.render.Snapshot;
import dev.answerline.search.SearchIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Consumer;

/**
 * A site published as it was at start: loaded, indexed and rendered once ({@link Mode#SERVE}), every page
 * kept outside the heap with its compressed bytes made beforehand.
 */
public final class Published implements Publication {
    private static final Logger LOG = LoggerFactory.getLogger("search");
    private final Site site;
    /** Built at once for a rendered site (its similar answers come from it), after the start for a restored one. */
    private final CompletableFuture<SearchIndex> search;
    private final Renderer.Options options;
    private final CompressionCache compression;
    private final Pages rendered;
    private final boolean restored;
    private volatile Pages pages;
    private volatile Consumer<Pages> publish;
    /** Writing the snapshot of the pages rendered at start, or null. */
    private Thread saving;

    private Published(Site site, CompletableFuture<SearchIndex> search, Pages pages, Renderer.Options options,
            CompressionCache compression, boolean restored) {
        this.restored = restored;
        this.compression = compression;
        this.site = site;
        this.search = search;
        this.pages = pages;
        this.rendered = pages;
        this.options = options;
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
     * The same, serving the pages {@code snapshot} kept of the last start when nothing changed since (no render,
     * no similar answers, no compression), and keeping the pages of this start there otherwise, written on a
     * thread of its own while they are served.
     */
    public static Published load(Path dir, LocalDate today, boolean drafts, CompressionCache compression,
            Snapshot snapshot) {
        try {
            // made before the files are read, so that an edit during the load makes the key stale, not wrong
            Snapshot.Key key = snapshot.key(dir, drafts);
            // a served site's bodies and what they read as stay outside the heap with its pages
            return of(Site.load(dir, today, drafts, null, Keeping.publish()), compression, snapshot, key);
        } catch (RuntimeException e) {
            compression.close();
            throw e;
        }
    }

    /** Indexes and renders a loaded site. */
    public static Published of(Site site) {
        return of(site, CompressionCache.NONE, Snapshot.NONE, null);
    }

    private static Published of(Site site, CompressionCache compression, Snapshot snapshot, Snapshot.Key key) {
        Renderer.Options options = Renderer.Options.serve(Similar.NONE).with(compression);
        Snapshot.Restored kept = snapshot.restore(key, site, options);
        if (kept != null) {
            CompletableFuture<SearchIndex> indexing = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    indexing.complete(SearchIndex.build(site));
                } catch (RuntimeException e) {
                    LOG.error("the search index could not be built: searches fail until the next start ({})",
                            e.getMessage());
                    indexing.completeExceptionally(e);
                }
            }, "answerline-indexing");
            thread.setDaemon(true);
            thread.start();
            return new Published(site, indexing, kept.pages(), options.with(kept.similar()), compression, true);
        }
        SearchIndex search = SearchIndex.build(site);
        try {
            options = options.with(search.similar());
            Pages pages = Renderer.render(site, options);
            Runnable save = snapshot.save(key, site, pages, options.similar());
            Published published = new Published(site, CompletableFuture.completedFuture(search), pages, options,
                    compression, false);
            published.saving = new Thread(save, "answerline-snapshot");
            published.saving.setDaemon(true);
            published.saving.start();
            return published;
        } catch (RuntimeException e) {
            search.close();
            throw e;
        }
    }

    @Override
    public Mode mode() {
        return Mode.SERVE;
    }

    @Override
    public Site site() {
        return site;
    }

    @Override
    public Pages pages() {
        return pages;
    }

    /** The search; for a site restored from a snapshot, once it is built. */
    @Override
    public SearchIndex search() {
        try {
            return search.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
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

    /** Renders the new issues' pages, their archive, feed and the sitemap, and hands them to the server. */
    @Override
    public synchronized void sent(java.util.Map<String, java.time.Instant> sent) {
        pages = Renderer.sent(pages, site, options.withSent(sent));
        Consumer<Pages> to = publish;
        if (to != null) {
            to.accept(pages);
        }
    }

    @Override
    public String describe() {
        return "Serving " + site.config().title() + " as loaded at start (" + pages.size() + " pages"
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
        search.thenAccept(SearchIndex::close).exceptionally(failure -> null).join();
        compression.close();
    }
}
