package dev.answerline.check.internal;

import dev.answerline.check.Rule;
import dev.answerline.content.Author;
import dev.answerline.content.Cta;
import dev.answerline.content.Product;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.content.Suggestions;
import dev.answerline.render.Page;
import dev.answerline.render.Pages;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors in links: to pages and files that do not exist, to sections a page does not have, to drafts; and
 * images without a description. Checked against the rendered site, so a link is good exactly when a reader
 * following it would arrive.
 */
public final class LinkRules {
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    /** Routes the server answers beside the rendered pages. */
    private static final List<String> DYNAMIC = List.of("/newsletter/", "/search", "/api/");

    private final Site site;
    private final Pages pages;
    private final Corpus corpus;
    private final Links links;
    private final Findings findings;
    private final Map<String, Set<String>> idsByPath = new ConcurrentHashMap<>();
    private final Map<String, String> hidden = new HashMap<>();
    private final List<String> allPaths;

    public LinkRules(Site site, Pages pages, Corpus corpus, Links links, Findings findings) {
        this.site = site;
        this.pages = pages;
        this.corpus = corpus;
        this.links = links;
        this.findings = findings;
        site.hidden().forEach(h -> hidden.put(h.path(), h.file()));
        this.allPaths = pages.all().stream().map(Page::path).toList();
    }

    public void run() {
        corpus.entries().parallelStream().forEach(entry -> {
            entry.links().forEach(link -> check(entry.file(), link.line(), entry.path(), link.destination()));
            entry.images().forEach(image -> {
                if (image.alt().isBlank()) {
                    findings.add(Rule.IMAGE_ALT, entry.file(), image.line(), "the image `" + image.destination()
                            + "` has no alt text", "describe what it shows between the brackets: `![A foam roller on"
                                    + " a mat](" + image.destination() + ")`");
                }
                check(entry.file(), image.line(), entry.path(), image.destination());
            });
        });
        frontMatter();
    }

    /** Site paths in front matter and site.yaml: images, calls to action, stories, Buy buttons. */
    private void frontMatter() {
        SiteConfig config = site.config();
        checkUrl("site.yaml", config.source().lineOf("logo"), config.logo());
        checkUrl("site.yaml", config.source().lineOf("image"), config.image());
        for (Cta cta : config.ctas().values()) {
            checkUrl("site.yaml", config.source().lineOf("/ctas/" + cta.id() + "/url"), cta.url());
            if (cta.secondary() != null) {
                checkUrl("site.yaml", config.source().lineOf("/ctas/" + cta.id() + "/secondary/url"), cta.secondary().url());
            }
        }
        for (Author author : site.authors()) {
            checkUrl(author.source().file(), author.source().lineOf("image"), author.image());
            checkUrl(author.source().file(), author.source().lineOf("story_url"), author.storyUrl());
        }
        for (Product product : site.products()) {
            checkUrl(product.source().file(), product.source().lineOf("image"), product.image());
            checkUrl(product.source().file(), product.source().lineOf("buy_url"), product.buyUrl());
        }
    }

    private void checkUrl(String file, int line, String url) {
        if (url != null && url.startsWith("/")) {
            check(file, line, "/", url);
        }
    }

    private void check(String file, int line, String from, String destination) {
        Links.Target target = links.internal(from, destination);
        if (target == null || DYNAMIC.stream().anyMatch(target.path()::startsWith)) {
            return;
        }
        String path = target.path();
        if (hidden.containsKey(path)) {
            findings.add(Rule.LINK_TO_DRAFT, file, line, "`" + destination + "` leads to " + hidden.get(path)
                    + ", which is not published", "publish it first, or remove the link until it is");
            return;
        }
        String redirect = pages.redirect(path);
        if (pages.get(path) == null && redirect == null) {
            findings.add(Rule.BROKEN_LINK, file, line, "`" + destination + "` leads to no page or file",
                    Suggestions.closest(path, allPaths).map(s -> "did you mean `" + s + "`?")
                            .orElse("check the address; site links start with /answers/, /blog/, /products/ or"
                                    + " a page name"));
            return;
        }
        String fragment = target.fragment();
        if (fragment != null && !fragment.isEmpty()) {
            Set<String> ids = ids(redirect != null ? redirect : path);
            if (!ids.contains(fragment)) {
                findings.add(Rule.BROKEN_ANCHOR, file, line, "`" + destination + "`: the page has no section `#"
                        + fragment + "`", Suggestions.closest(fragment, ids).map(s -> "did you mean `#" + s + "`?")
                                .orElse("link to one of its headings, written in lower case with hyphens"));
            }
        }
    }

    private Set<String> ids(String path) {
        return idsByPath.computeIfAbsent(path, p -> {
            Set<String> ids = new LinkedHashSet<>();
            Page page = pages.get(p);
            if (page != null && page.isHtml()) {
                Matcher id = ID.matcher(new String(page.body("").identity(), StandardCharsets.UTF_8));
                while (id.find()) {
                    ids.add(id.group(1));
                }
            }
            return ids;
        });
    }
}
