package dev.answerline.publish;

import dev.answerline.content.Keeping;
import dev.answerline.content.Site;
import dev.answerline.render.Mode;
import dev.answerline.render.Pages;
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
    private final Pages pages;

    private Published(Site site, SearchIndex search, Pages pages) {
        this.site = site;
        this.search = search;
        this.pages = pages;
    }

    /**
     * Loads, indexes and renders the site in {@code dir}.
     *
     * @param drafts whether drafts and content dated after {@code today} are published too
     */
    public static Published load(Path dir, LocalDate today, boolean drafts) {
        // a served site's bodies and what they read as stay outside the heap with its pages
        return of(Site.load(dir, today, drafts, null, Keeping.publish()));
    }

    /** Indexes and renders a loaded site. */
    public static Published of(Site site) {
        SearchIndex search = SearchIndex.build(site);
        try {
            return new Published(site, search, Renderer.render(site, Renderer.Options.serve(search.similar())));
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

    @Override
    public void follow(Consumer<Pages> publish) {
        // published as it is: nothing to follow
    }

    @Override
    public String describe() {
        return "Serving " + site.config().title() + " as loaded at start (" + pages.size() + " pages).";
    }

    @Override
    public void close() {
        search.close();
    }
}
