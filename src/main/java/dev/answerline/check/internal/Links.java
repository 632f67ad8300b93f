package dev.answerline.check.internal;

import dev.answerline.content.SiteConfig;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Tells where a link in a content file goes: a page of this site (with a section), or elsewhere. */
public final class Links {
    private final String base;
    private final Set<String> ownHosts = new HashSet<>();

    /** A place on this site. */
    public record Target(String path, String fragment) {}

    public Links(SiteConfig config) {
        this.base = config.baseUrl();
        ownHosts.add(host(config.baseUrl()));
        config.ctas().values().forEach(cta -> {
            if (!cta.url().startsWith("/")) {
                ownHosts.add(host(cta.url()));
            }
        });
    }

    /** Where a link from the page at {@code from} leads on this site, or null when it leads elsewhere. */
    public Target internal(String from, String destination) {
        String target = destination.strip();
        if (target.startsWith(base + "/") || target.equals(base)) {
            target = target.substring(base.length());
            if (target.isEmpty()) {
                target = "/";
            }
        } else if (isScheme(target) || target.startsWith("//")) {
            return null;
        }
        try {
            URI resolved = URI.create("https://site.invalid" + from).resolve(target.replace(" ", "%20"));
            String path = resolved.getPath() == null || resolved.getPath().isEmpty() ? from : resolved.getPath();
            return new Target(path, resolved.getFragment());
        } catch (IllegalArgumentException e) {
            return new Target(target, null);
        }
    }

    /** Whether a link cites a source: a web address outside the site and the brand's shop. */
    public boolean isCitation(String destination) {
        String target = destination.strip().toLowerCase(Locale.ROOT);
        if (!target.startsWith("http://") && !target.startsWith("https://")) {
            return false;
        }
        return !ownHosts.contains(host(destination));
    }

    private static boolean isScheme(String target) {
        return target.matches("(?i)[a-z][a-z0-9+.-]*:.*");
    }

    static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
