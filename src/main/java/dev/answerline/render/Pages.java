package dev.answerline.render;

import dev.answerline.content.Problem;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a site serves, by URL path: rendered pages, the stylesheet and static files, plus the
 * redirects of old answer slugs and the page for unknown paths. Immutable; a changed site makes a new one.
 *
 * <p>A preview's update makes a new set from an old one and the few pages that changed, without copying
 * the rest: the changes sit on top of the last full set until there are many of them.
 */
public final class Pages {
    /** Stands in for a page an update removed. */
    private static final Page GONE = Page.of("", "", "", new byte[0]);
    /** Changes kept on top of the full set before they are merged into it. */
    private static final int MERGE_AFTER = 2_000;

    private final Map<String, Page> base;
    private final Map<String, Page> recent;
    private final Map<String, String> redirects;
    private final Page notFound;
    private final SocialProof socialProof;
    private final Frame frame;
    private final Similar similar;
    private volatile Collection<Page> all;

    Pages(Map<String, Page> byPath, Map<String, String> redirects, Page notFound, SocialProof socialProof,
            Frame frame, Similar similar) {
        this(byPath, Map.of(), redirects, notFound, socialProof, frame, similar);
    }

    private Pages(Map<String, Page> base, Map<String, Page> recent, Map<String, String> redirects, Page notFound,
            SocialProof socialProof, Frame frame, Similar similar) {
        // callers hand over maps of their own: copying 20,000 entries was a tenth of a preview's update
        this.base = java.util.Collections.unmodifiableMap(base);
        this.recent = recent;
        this.redirects = Map.copyOf(redirects);
        this.notFound = notFound;
        this.socialProof = socialProof;
        this.frame = frame;
        this.similar = similar;
    }

    /** The page at a path such as {@code /answers/x}, or null. */
    public Page get(String path) {
        if (!recent.isEmpty()) {
            Page page = recent.get(path);
            if (page != null) {
                return page == GONE ? null : page;
            }
        }
        return base.get(path);
    }

    /** These pages after an update: some replaced or added, some gone, and the redirects of now. */
    Pages next(Map<String, Page> replaced, Collection<String> gone, Map<String, String> newRedirects) {
        return next(replaced, gone, newRedirects, frame, similar);
    }

    /** As {@link #next(Map, Collection, Map)}, rendered with a new frame and similar answers. */
    Pages next(Map<String, Page> replaced, Collection<String> gone, Map<String, String> newRedirects, Frame newFrame,
            Similar newSimilar) {
        Map<String, Page> changes = new HashMap<>(recent);
        changes.putAll(replaced);
        gone.forEach(path -> changes.put(path, GONE));
        if (changes.size() > MERGE_AFTER) {
            Map<String, Page> merged = new HashMap<>(base);
            changes.forEach((path, page) -> {
                if (page == GONE) {
                    merged.remove(path);
                } else {
                    merged.put(path, page);
                }
            });
            return new Pages(merged, Map.of(), newRedirects, notFound, socialProof, newFrame, newSimilar);
        }
        return new Pages(base, changes, newRedirects, notFound, socialProof, newFrame, newSimilar);
    }

    /** These pages with some replaced or added, e.g. the preview's pages of files with errors. */
    public Pages with(Map<String, Page> replacements) {
        return replacements.isEmpty() ? this : next(replacements, List.of(), redirects);
    }

    /** A page at {@code path} that shows problems instead of content, in the site's frame. */
    public Page problems(String path, List<Problem> found) {
        return Page.html(path, frame.problems(found), "no-store");
    }

    /** Where an old path now lives (a site path), or null. */
    public String redirect(String path) {
        return redirects.get(path);
    }

    public Map<String, String> redirects() {
        return redirects;
    }

    /** The styled page answered with status 404. */
    public Page notFound() {
        return notFound;
    }

    public Collection<Page> all() {
        Collection<Page> pages = all;
        if (pages == null) {
            if (recent.isEmpty()) {
                pages = base.values();
            } else {
                Map<String, Page> merged = new HashMap<>(base);
                recent.forEach((path, page) -> {
                    if (page == GONE) {
                        merged.remove(path);
                    } else {
                        merged.put(path, page);
                    }
                });
                pages = java.util.Collections.unmodifiableCollection(merged.values());
            }
            all = pages;
        }
        return pages;
    }

    public int size() {
        return all().size();
    }

    /** A message page in the site's frame, as HTML. */
    public String message(Message message) {
        return frame.message(message);
    }

    /** The search page in the site's frame, as HTML. */
    public String search(SearchPage page) {
        return frame.search(page);
    }

    /** The similar answers these pages were rendered with. */
    Similar similar() {
        return similar;
    }

    /** The text for {@link Page#SLOT} at this subscriber count. */
    public String slot(long subscribers) {
        return socialProof.html(subscribers);
    }
}
