package dev.answerline.publish;

import dev.answerline.content.Keeping;
import dev.answerline.content.Site;
import dev.answerline.render.Mode;
import dev.answerline.render.Pages;
import dev.answerline.render.CompressionCache;
import dev.answerline.render.Renderer;
import dev.answerline.search.SearchIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * A site published as it was at start: loaded, indexed and rendered once ({@link Mode#SERVE}), every page
 * kept outside the heap with its compressed bytes made beforehand.
 */
public final class Published implements Publication {
    private final Site site;
    private final SearchIndex search;
    private final Renderer.Options options;
    private final CompressionCache compression;
    private final Pages rendered;
    private volatile Pages pages;
    private volatile Consumer<Pages> publish;

    private Published(Site site, SearchIndex search, Pages pages, Renderer.Options options,
            CompressionCache compression) {
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
        try {
            // a served site's bodies and what they read as stay outside the heap with its pages
            return of(Site.load(dir, today, drafts, null, Keeping.publish()), compression);
        } catch (RuntimeException e) {
            compression.close();
            throw e;
        }
    }

    /** Indexes and renders a loaded site. */
    public static Published of(Site site) {
        return of(site, CompressionCache.NONE);
    }

    private static Published of(Site site, CompressionCache compression) {
        SearchIndex search = SearchIndex.build(site);
        try {
            Renderer.Options options = Renderer.Options.serve(search.similar()).with(compression);
            return new Published(site, search, Renderer.render(site, options), options, compression);
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

    @Override
    public SearchIndex search() {
        return search;
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
        return "Serving " + site.config().title() + " as loaded at start (" + pages.size() + " pages).";
    }

    @Override
    public void close() {
        search.close();
        compression.close();
    }
}
