package dev.answerline.content;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a thing a site serves lives: its kind and id, and its URL path. The one owner of the site's URL
 * space: paths are made here ({@link #path()}) and read back here ({@link #of(String)}), and the paths
 * Answerline keeps for itself are known here ({@link #reservedSlugs()}, {@link #clashes}). A new kind of page
 * is a new {@link Kind}, whose path shape the rest of the engine then asks for.
 *
 * <pre>{@code
 * Address.of(Kind.ANSWER, "should-you-roll").path();   // "/answers/should-you-roll"
 * Address.of("/answers/category/back-relief");         // Address[kind=CATEGORY, id=back-relief]
 * }</pre>
 *
 * @param kind what is there
 * @param id the slug, id or name within the kind; empty for kinds with one path
 */
public record Address(Kind kind, String id) {
    private static final Pattern OLD_PATH = Pattern.compile("(/(?!\\.+(?:/|$))[A-Za-z0-9._~-]+)+/?");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,5}");

    /**
     * Names under {@code /newsletter/} that are no issue's: the signup routes, the preview's folder and the
     * feed's name. An issue may not have one of these slugs.
     */
    public static final Set<String> NEWSLETTER_ROUTES = Set.of("subscribe", "confirm", "unsubscribe", "preview",
            "feed");

    /** What can be at a path, and the shape of its paths: {@code prefix + id + suffix}, or one fixed path. */
    public enum Kind {
        HOME("/"),
        ANSWERS("/answers"),
        CATEGORY("/answers/category/", ""),
        ANSWER_MARKDOWN("/answers/", ".md"),
        ANSWER("/answers/", ""),
        AUTHORS("/authors"),
        AUTHOR("/authors/", ""),
        BLOG("/blog"),
        BLOG_RSS("/blog/feed.xml"),
        BLOG_ATOM("/blog/atom.xml"),
        POST("/blog/", ""),
        PRODUCTS("/products"),
        PRODUCT("/products/", ""),
        ANSWERS_RSS("/feed.xml"),
        ANSWERS_ATOM("/atom.xml"),
        SITEMAP("/sitemap.xml"),
        SITEMAP_PART("/sitemap-", ".xml"),
        ROBOTS("/robots.txt"),
        LLMS("/llms.txt"),
        LLMS_FULL("/llms-full.txt"),
        /** The engine's own fingerprinted stylesheet and script. */
        ASSET("/assets/", ""),
        /** A file of {@code static/}, at its path there; {@link #id()} is the path. */
        STATIC("", ""),
        /** A page of {@code pages/}, at {@code /{slug}}. */
        PAGE("/", ""),
        SEARCH("/search"),
        /** {@code serve}'s liveness: the process answers. */
        HEALTH("/healthz"),
        /** {@code serve}'s readiness: the site is loaded and the database answers. */
        READY("/readyz"),
        /** {@code serve}'s counters in Prometheus' text format, for the operator's scraper only. */
        METRICS("/metrics"),
        /** {@code /api/...}, answered by {@code serve}; {@link #id()} is what follows {@code /api/}. */
        API("/api/", ""),
        /** The archive of sent newsletter issues. */
        ISSUES("/newsletter/"),
        /** The RSS feed of sent newsletter issues. */
        ISSUES_RSS("/newsletter/feed.xml"),
        /** An issue as {@code serve --watch} shows it before it is sent; never published. */
        ISSUE_PREVIEW("/newsletter/preview/", ""),
        /**
         * The web version of a sent issue, {@code newsletters/{slug}.md}; the signup routes' names
         * ({@link #NEWSLETTER_ROUTES}) are not issues.
         */
        ISSUE("/newsletter/", ""),
        /** The signup routes, {@code /newsletter/subscribe}, {@code confirm} and {@code unsubscribe}. */
        NEWSLETTER("/newsletter/", ""),
        /** A link of a newsletter issue: {@code /r/{signed id}} counts the click and redirects. */
        REDIRECT("/r/", ""),
        /** The preview's live reload, {@code /_answerline/...}. */
        PREVIEW("/_answerline/", ""),
        /** The site owner's dashboard, {@code /admin/...}; {@link #id()} is what follows {@code /admin/}. */
        ADMIN("/admin/", "");

        private final String prefix;
        private final String suffix;

        Kind(String path) {
            this(path, null);
        }

        Kind(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        /** Whether every address of this kind is the one path. */
        public boolean fixed() {
            return suffix == null;
        }

        /**
         * The route spec a server mounts this kind at: the path of a fixed kind, {@code /prefix/*} for a kind
         * of dynamic paths under a folder.
         */
        public String spec() {
            return fixed() ? prefix : prefix + "*";
        }

        /** Answered by {@code serve} only: not a file of the export. */
        public boolean dynamic() {
            return this == SEARCH || this == API || this == NEWSLETTER || this == PREVIEW || this == ADMIN
                    || this == ISSUE_PREVIEW || this == REDIRECT || this == HEALTH || this == READY
                    || this == METRICS;
        }

        /**
         * A page or file made from one content file: it exists only when that file does. Not an
         * {@link #ISSUE}, which exists once it is sent: a static file may never take its path.
         */
        public boolean content() {
            return this == ANSWER || this == CATEGORY || this == AUTHOR || this == POST || this == PRODUCT
                    || this == PAGE;
        }

        /** The content folder whose files have addresses of this kind, or null. */
        public String folder() {
            return switch (this) {
                case ANSWER -> "answers";
                case CATEGORY -> "categories";
                case AUTHOR -> "authors";
                case POST -> "blog";
                case PRODUCT -> "products";
                case PAGE -> "pages";
                case ISSUE -> "newsletters";
                default -> null;
            };
        }
    }

    public Address {
        if (kind.fixed() ? !id.isEmpty() : kind != Kind.STATIC && id.isEmpty()) {
            throw new IllegalArgumentException(kind + " " + (kind.fixed() ? "has no id" : "needs an id") + ", not `" + id
                    + "`");
        }
    }

    /** The address of the one page or file of a kind, such as {@link Kind#ANSWERS}. */
    public static Address of(Kind kind) {
        return new Address(kind, "");
    }

    /** The address of an item of a kind: {@code of(Kind.ANSWER, slug)}. */
    public static Address of(Kind kind, String id) {
        return new Address(kind, id);
    }

    /** The URL path, starting with {@code /}. */
    public String path() {
        if (kind.fixed()) {
            return kind.prefix;
        }
        return kind.prefix + id + kind.suffix;
    }

    /**
     * What a path is by its shape alone: {@code /about} is a {@link Kind#PAGE} and {@code /images/x.svg} a
     * {@link Kind#STATIC} file, whether or not the site has them. Any path is something; a path with no
     * other shape is a static file's.
     */
    public static Address of(String path) {
        for (Kind kind : Kind.values()) {
            if (kind.fixed() && kind.prefix.equals(path)) {
                return of(kind);
            }
        }
        for (Kind kind : Kind.values()) {
            if (kind.fixed() || kind == Kind.STATIC || !path.startsWith(kind.prefix) || !path.endsWith(kind.suffix)
                    || path.length() < kind.prefix.length() + kind.suffix.length()) {
                continue;
            }
            String id = path.substring(kind.prefix.length(), path.length() - kind.suffix.length());
            if (matches(kind, id)) {
                return of(kind, id);
            }
        }
        return of(Kind.STATIC, path);
    }

    private static boolean matches(Kind kind, String id) {
        return switch (kind) {
            case SITEMAP_PART -> NUMBER.matcher(id).matches();
            case ASSET, API, NEWSLETTER, PREVIEW, ADMIN, REDIRECT -> !id.isEmpty();
            case ISSUE -> Slug.isSlug(id) && !NEWSLETTER_ROUTES.contains(id);
            default -> Slug.isSlug(id);
        };
    }

    /**
     * The address a content file has by its place: {@code answers/x.md} is the answer {@code x}, unless the
     * file sets another {@code slug:} (ask the {@link Site} for that); null for files that are not content.
     */
    public static Address ofFile(String file) {
        int slash = file.indexOf('/');
        if (slash < 0 || slash != file.lastIndexOf('/') || !file.endsWith(".md")) {
            return null;
        }
        String folder = file.substring(0, slash);
        String name = file.substring(slash + 1, file.length() - ".md".length());
        for (Kind kind : Kind.values()) {
            if (folder.equals(kind.folder()) && Slug.isSlug(name)) {
                return of(kind, name);
            }
        }
        return null;
    }

    /**
     * Whether {@code text} is a site path an {@code aliases} entry may keep: an address another tool served a
     * page at, such as {@code /2023/05/foam-roll-lower-back/}; plain segments, none of dots alone (which would
     * lead out of an export's folder).
     */
    public static boolean isOldPath(String text) {
        return OLD_PATH.matcher(text).matches();
    }

    /**
     * The path an alias of a page of {@code kind} redirects from: the alias itself when it is a site path
     * ({@link #isOldPath}), else the path the kind gives that slug ({@code /answers/{alias}}, {@code /blog/{alias}}).
     */
    public static String aliasPath(Kind kind, String alias) {
        return alias.startsWith("/") ? alias : of(kind, alias).path();
    }

    /**
     * Slugs a page of {@code pages/} may not have: {@code /{slug}} would be, or be the folder of, an address
     * Answerline makes itself, or a file name the export uses.
     */
    public static Set<String> reservedSlugs() {
        Set<String> slugs = new TreeSet<>(List.of("index", "404"));
        for (Kind kind : Kind.values()) {
            String first = kind.prefix.length() > 1 ? kind.prefix.substring(1).split("[/.-]")[0] : "";
            if (kind != Kind.PAGE && kind != Kind.STATIC && !first.isEmpty() && Slug.isSlug(first)
                    && (kind.fixed() ? !kind.prefix.contains(".") : kind.prefix.endsWith("/"))) {
                slugs.add(first);
            }
        }
        return slugs;
    }

    /**
     * Whether a static file at {@code path} would hide, or be hidden by, something Answerline serves there:
     * every address that is not a static file's, except content addresses whose content does not exist.
     *
     * @param exists whether the site has the content at a content address
     */
    public static boolean clashes(String path, java.util.function.Predicate<Address> exists) {
        Address address = of(path);
        if (address.kind() == Kind.STATIC) {
            return false;
        }
        return !address.kind().content() || exists.test(address);
    }

    /** Addresses in path order, for stable listings. */
    public static final Comparator<Address> BY_PATH = Comparator.comparing(Address::path);

    /** The paths of some addresses, in their order, without repeats. */
    public static List<String> paths(java.util.Collection<Address> addresses) {
        Set<String> paths = new LinkedHashSet<>();
        addresses.forEach(a -> paths.add(a.path()));
        return List.copyOf(paths);
    }
}
