package dev.answerline.render;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where links on a site can lead: its paths, its redirects, and the section ids of each page. Made from
 * rendered {@link Pages}, or from a site without rendering it ({@link Renderer#linkTargets}), in which case a
 * page is rendered only when its sections are asked for. Thread-safe.
 */
public final class LinkTargets {
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

    private final Set<String> paths;
    private final Function<String, String> redirects;
    private final Function<String, Page> page;
    private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();

    LinkTargets(Set<String> paths, Function<String, String> redirects, Function<String, Page> page) {
        this.paths = paths;
        this.redirects = redirects;
        this.page = page;
    }

    /** The targets of rendered pages. */
    public static LinkTargets of(Pages pages) {
        return new LinkTargets(pages.all().stream().map(Page::path).collect(java.util.stream.Collectors.toSet()),
                pages::redirect, pages::get);
    }

    /** Every path the site serves. */
    public Set<String> paths() {
        return paths;
    }

    public boolean exists(String path) {
        return paths.contains(path);
    }

    /** Where an old path leads now, or null. */
    public String redirect(String path) {
        return redirects.apply(path);
    }

    /** The ids of the elements of a page, which {@code #fragment} links can point at; empty for other files. */
    public Set<String> ids(String path) {
        return ids.computeIfAbsent(path, p -> {
            Set<String> found = new LinkedHashSet<>();
            Page target = page.apply(p);
            if (target != null && target.isHtml()) {
                Matcher id = ID.matcher(new String(target.body("").identity(), StandardCharsets.UTF_8));
                while (id.find()) {
                    found.add(id.group(1));
                }
            }
            return found;
        });
    }
}
