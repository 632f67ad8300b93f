package dev.answerline.publish;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.publish.internal.Later;
import dev.answerline.render.Mode;
import dev.answerline.render.Pages;
import dev.answerline.search.SearchIndex;
import dev.answerline.search.SearchLog;
import dev.answerline.server.Server;
import java.util.function.Consumer;

/**
 * A site being served: its pages, its search and the content they were made from, kept as first made (a
 * {@link Published} site) or in step with its folder (the preview of {@code serve --watch}). {@code serve}
 * asks one of these for everything and never which kind it has.
 */
public interface Publication extends AutoCloseable {
    /** How the pages were rendered. */
    Mode mode();

    /** The content now; a publication still loading it waits for it. */
    Site site();

    /** The site's settings now, without waiting for the content. */
    default SiteConfig config() {
        return site().config();
    }

    /** Gives {@code then} the content once it has loaded: at once, or later on another thread. */
    default void loaded(Consumer<Site> then) {
        then.accept(site());
    }

    /** The pages now. */
    Pages pages();

    /** The search over the content now. */
    SearchIndex search();

    /** Mounts what this publication answers beside its pages: search, on its lane, and what a mode adds. */
    default void mount(Server.Builder server) {
        mount(server, SearchLog.NONE);
    }

    /**
     * The same, telling {@code searches} of the searches made on the search page. The search is asked for at
     * the first search, so that one still being built delays searches, not the start.
     */
    default void mount(Server.Builder server, SearchLog searches) {
        server.route(Kind.SEARCH.spec(), SearchIndex.LANE, pages -> new Later(() -> search().handler(pages, searches)))
                .route(Address.of(Kind.API, "search").path(), SearchIndex.LANE,
                        pages -> new Later(() -> search().handler(pages)));
    }

    /**
     * Starts keeping the pages in step with the content, handing every new set of pages to {@code publish};
     * a published site never changes, and ignores it.
     */
    void follow(Consumer<Pages> publish);

    /**
     * Publishes the web versions of the newsletter issues sent so far ({@code newsletter_issue}), by slug with
     * the time each was queued. A preview shows every issue at its preview address instead, and ignores it.
     */
    default void sent(java.util.Map<String, java.time.Instant> sent) {
    }

    /**
     * Says that the pages are as the server will first serve them (the newsletter issues sent so far are in):
     * a published site keeps them for the next start here. Called once, before the server starts.
     */
    default void settled() {
    }

    /** One line for the console about what is served, after the server has started. */
    String describe();

    @Override
    void close();
}
