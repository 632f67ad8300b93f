package dev.answerline.render.internal;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.content.Answer;
import dev.answerline.content.Author;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Category;
import dev.answerline.content.InfoPage;
import dev.answerline.content.Product;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The sitemap of every public page, with {@code lastmod} where the content has a date (a list page takes
 * the newest date of what it lists), split under a sitemap index past 50,000 URLs as the protocol asks,
 * and the robots.txt that points to it.
 */
public final class Sitemaps {
    public static final String SITEMAP = Address.of(Kind.SITEMAP).path();
    public static final String ROBOTS = Address.of(Kind.ROBOTS).path();
    /** The protocol's limit of URLs per sitemap file. */
    public static final int MAX_URLS = 50_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private final Site site;
    private final SiteConfig config;
    private Map<String, String> files;

    private final List<String> issues;

    public Sitemaps(Site site) {
        this(site, List.of());
    }

    /** @param issues the paths of the newsletter issues sent so far, newest first */
    public Sitemaps(Site site, List<String> issues) {
        this.site = site;
        this.issues = List.copyOf(issues);
        this.config = site.config();
    }

    /** A URL path and the date its content last changed, or null. */
    record Url(String path, LocalDate lastmod) {}

    private List<Url> urls;

    /** Every public page, in a stable order. */
    synchronized List<Url> urls() {
        if (urls == null) {
            urls = List.copyOf(collect());
        }
        return urls;
    }

    /** How many URLs {@link #urls()} has, counted without making them. */
    private int count() {
        long categories = site.categories().stream().filter(c -> !site.answersIn(c).isEmpty()).count();
        return (int) (2 + categories + site.answers().size() + 1 + site.authors().size()
                + (site.posts().isEmpty() ? 0 : 1 + site.posts().size())
                + (site.products().isEmpty() ? 0 : 1 + site.products().size()) + site.pages().size() + (issues.isEmpty() ? 0 : 1 + issues.size()));
    }

    private List<Url> collect() {
        List<Url> urls = new ArrayList<>();
        List<Answer> answers = site.answers();
        urls.add(new Url("/", newest(Stream.concat(answers.stream().map(Answer::lastModified),
                site.posts().stream().map(BlogPost::lastModified)))));
        urls.add(new Url(Address.of(Kind.ANSWERS).path(), newest(answers.stream().map(Answer::lastModified))));
        for (Category category : site.categories()) {
            List<Answer> in = site.answersIn(category);
            if (!in.isEmpty()) {
                urls.add(new Url(category.path(), newest(in.stream().map(Answer::lastModified))));
            }
        }
        answers.stream().sorted(java.util.Comparator.comparing(Answer::slug))
                .forEach(a -> urls.add(new Url(a.path(), a.lastModified())));
        urls.add(new Url(Address.of(Kind.AUTHORS).path(), null));
        Map<String, LocalDate> newestByAuthor = new java.util.HashMap<>();
        answers.forEach(a -> newestByAuthor.merge(a.author(), a.lastModified(), Sitemaps::later));
        site.posts().forEach(p -> newestByAuthor.merge(p.author(), p.lastModified(), Sitemaps::later));
        for (Author author : site.authors()) {
            urls.add(new Url(author.path(), newestByAuthor.get(author.id())));
        }
        if (!site.posts().isEmpty()) {
            urls.add(new Url(Address.of(Kind.BLOG).path(), newest(site.posts().stream().map(BlogPost::lastModified))));
            site.posts().forEach(p -> urls.add(new Url(p.path(), p.lastModified())));
        }
        if (!site.products().isEmpty()) {
            urls.add(new Url(Address.of(Kind.PRODUCTS).path(), null));
            site.products().forEach((Product p) -> urls.add(new Url(p.path(), null)));
        }
        site.pages().forEach((InfoPage p) -> urls.add(new Url(p.path(), null)));
        if (!issues.isEmpty()) {
            urls.add(new Url(Address.of(Kind.ISSUES).path(), null));
            issues.forEach(path -> urls.add(new Url(path, null)));
        }
        return urls;
    }

    /** The sitemap files by path: one {@code /sitemap.xml}, or an index there and {@code /sitemap-N.xml}. */
    public synchronized Map<String, String> files() {
        if (files == null) {
            files = files(urls(), MAX_URLS);
        }
        return files;
    }

    /** The paths {@link #files()} will have, known without writing them. */
    public List<String> paths() {
        int count = count();
        List<String> paths = new ArrayList<>();
        paths.add(SITEMAP);
        if (count > MAX_URLS) {
            for (int n = 1; n <= (count + MAX_URLS - 1) / MAX_URLS; n++) {
                paths.add(Address.of(Kind.SITEMAP_PART, String.valueOf(n)).path());
            }
        }
        return paths;
    }

    Map<String, String> files(List<Url> urls, int perFile) {
        Map<String, String> files = new LinkedHashMap<>();
        if (urls.size() <= perFile) {
            files.put(SITEMAP, urlset(urls));
            return files;
        }
        List<String> parts = new ArrayList<>();
        for (int from = 0, n = 1; from < urls.size(); from += perFile, n++) {
            String path = Address.of(Kind.SITEMAP_PART, String.valueOf(n)).path();
            List<Url> part = urls.subList(from, Math.min(urls.size(), from + perFile));
            files.put(path, urlset(part));
            parts.add(path);
        }
        LocalDate newest = newest(urls.stream().map(Url::lastmod));
        files.put(SITEMAP, Feeds.write(xml -> {
            xml.setDefaultNamespace(NS);
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(NS);
            for (String part : parts) {
                xml.writeStartElement("sitemap");
                Feeds.element(xml, "loc", config.absolute(part));
                if (newest != null) {
                    Feeds.element(xml, "lastmod", newest.toString());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }));
        return files;
    }

    private String urlset(List<Url> urls) {
        return Feeds.write(xml -> {
            xml.setDefaultNamespace(NS);
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NS);
            for (Url url : urls) {
                xml.writeStartElement("url");
                Feeds.element(xml, "loc", config.absolute(url.path()));
                if (url.lastmod() != null) {
                    Feeds.element(xml, "lastmod", url.lastmod().toString());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** Lets every crawler in and says where the sitemap is. */
    public String robots() {
        // search results are pages made for one reader's words: search engines ask not to index them
        return "User-agent: *\nAllow: /\nDisallow: /newsletter/\nDisallow: /search\nDisallow: /api/\n\nSitemap: "
                + config.absolute(SITEMAP) + "\n";
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate newest(Stream<LocalDate> dates) {
        return dates.filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }
}
