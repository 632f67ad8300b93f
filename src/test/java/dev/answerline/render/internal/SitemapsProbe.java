package dev.answerline.render.internal;

import dev.answerline.content.Site;
import java.util.List;
import java.util.Map;

/** Reaches the sitemap splitting with a small limit, so that tests need not make 50,001 pages. */
public final class SitemapsProbe {
    private SitemapsProbe() {}

    public static Map<String, String> files(Site site, List<String> paths, int perFile) {
        return new Sitemaps(site).files(paths.stream().map(p -> new Sitemaps.Url(p, null)).toList(), perFile);
    }
}
