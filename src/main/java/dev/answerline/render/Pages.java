package dev.answerline.render;

import java.util.Collection;
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

    Pages(Map<String, Page> byPath, Map<String, String> redirects, Page notFound, SocialProof socialProof,
            Function<Message, String> messages) {
        this.byPath = Map.copyOf(byPath);
        this.redirects = Map.copyOf(redirects);
        this.notFound = notFound;
        this.socialProof = socialProof;
        this.messages = messages;
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
