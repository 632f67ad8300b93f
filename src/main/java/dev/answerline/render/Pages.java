package dev.answerline.render;

import dev.answerline.content.Problem;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a site serves, by URL path: rendered pages, the stylesheet and static files, plus the
 * redirects of old answer slugs and the page for unknown paths. Immutable; a changed site makes a new one.
 */
public final class Pages {
    private final Map<String, Page> byPath;
    private final Map<String, String> redirects;
    private final Page notFound;
    private final SocialProof socialProof;
    private final Function<Message, String> messages;
    private final Function<List<Problem>, String> problems;

    Pages(Map<String, Page> byPath, Map<String, String> redirects, Page notFound, SocialProof socialProof,
            Function<Message, String> messages, Function<List<Problem>, String> problems) {
        this.byPath = Map.copyOf(byPath);
        this.redirects = Map.copyOf(redirects);
        this.notFound = notFound;
        this.socialProof = socialProof;
        this.messages = messages;
        this.problems = problems;
    }

    /** These pages with some replaced or added, e.g. the preview's pages of files with errors. */
    public Pages with(Map<String, Page> replacements) {
        if (replacements.isEmpty()) {
            return this;
        }
        Map<String, Page> all = new java.util.HashMap<>(byPath);
        all.putAll(replacements);
        return new Pages(all, redirects, notFound, socialProof, messages, problems);
    }

    /** A page at {@code path} that shows problems instead of content, in the site's frame. */
    public Page problems(String path, List<Problem> found) {
        return Page.html(path, problems.apply(found), "no-store");
    }

    /** The page at a path such as {@code /answers/x}, or null. */
    public Page get(String path) {
        return byPath.get(path);
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

    /** The pages by path, for an update to start from. */
    Map<String, Page> byPath() {
        return byPath;
    }

    public Collection<Page> all() {
        return byPath.values();
    }

    public int size() {
        return byPath.size();
    }

    /** A message page in the site's frame, as HTML. */
    public String message(Message message) {
        return messages.apply(message);
    }

    /** The text for {@link Page#SLOT} at this subscriber count. */
    public String slot(long subscribers) {
        return socialProof.html(subscribers);
    }
}
