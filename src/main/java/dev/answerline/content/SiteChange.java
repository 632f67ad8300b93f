package dev.answerline.content;

import dev.answerline.content.Address.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two loads of a site, worked out once and handed to everything that follows the
 * content: the search index and the renderer. Items are compared by value; an unchanged file's item is the
 * same object in both loads (the {@link ParseCache} keeps it), which makes comparing it cheap, not correct.
 *
 * @param before the site as it was
 * @param after the site as it is
 * @param changed the addresses of content added or changed
 * @param removed the addresses of content gone (deleted, made a draft, renamed)
 * @param staticPaths the paths of static files that changed, appeared or went away
 */
public record SiteChange(Site before, Site after, Set<Address> changed, Set<Address> removed,
        Set<String> staticPaths) {

    public SiteChange {
        changed = Set.copyOf(changed);
        removed = Set.copyOf(removed);
        staticPaths = Set.copyOf(staticPaths);
    }

    /** The change from {@code before} to {@code after}, with the static files the caller saw change. */
    public static SiteChange between(Site before, Site after, Set<String> staticPaths) {
        Set<Address> changed = new HashSet<>();
        Set<Address> removed = new HashSet<>();
        compare(before.answers(), after.answers(), changed, removed);
        compare(before.categories(), after.categories(), changed, removed);
        compare(before.authors(), after.authors(), changed, removed);
        compare(before.posts(), after.posts(), changed, removed);
        compare(before.products(), after.products(), changed, removed);
        compare(before.pages(), after.pages(), changed, removed);
        return new SiteChange(before, after, changed, removed, staticPaths);
    }

    private static void compare(List<? extends Content> before, List<? extends Content> after, Set<Address> changed,
            Set<Address> removed) {
        Map<Address, Content> was = new HashMap<>();
        before.forEach(item -> was.put(item.address(), item));
        for (Content item : after) {
            Content old = was.remove(item.address());
            if (old != item && !Objects.equals(old, item)) {
                changed.add(item.address());
            }
        }
        removed.addAll(was.keySet());
    }

    /** The ids of content of a kind added or changed. */
    public Set<String> changed(Kind kind) {
        return ids(changed, kind);
    }

    /** The ids of content of a kind gone. */
    public Set<String> removed(Kind kind) {
        return ids(removed, kind);
    }

    /** Whether any content of a kind was added, changed or removed. */
    public boolean touches(Kind kind) {
        return changed.stream().anyMatch(a -> a.kind() == kind) || removed.stream().anyMatch(a -> a.kind() == kind);
    }

    /** Whether site.yaml reads differently now. */
    public boolean config() {
        return !before.config().equals(after.config());
    }

    /** Whether synonyms.txt reads differently now. */
    public boolean synonyms() {
        return !before.synonyms().equals(after.synonyms());
    }

    /** Whether nothing changed at all. */
    public boolean isEmpty() {
        return changed.isEmpty() && removed.isEmpty() && staticPaths.isEmpty() && !config() && !synonyms();
    }

    private static Set<String> ids(Set<Address> addresses, Kind kind) {
        Set<String> ids = new HashSet<>();
        addresses.stream().filter(a -> a.kind() == kind).forEach(a -> ids.add(a.id()));
        return ids;
    }
}
