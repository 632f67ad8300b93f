package dev.answerline.check.internal;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.check.Rule;
import dev.answerline.content.Author;
import dev.answerline.content.Cta;
import dev.answerline.content.Product;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.content.Suggestions;
import dev.answerline.render.LinkTargets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Errors in links: to pages and files that do not exist, to sections a page does not have, to drafts; and
 * images without a description. Checked against the rendered site, so a link is good exactly when a reader
 * following it would arrive.
 */
public final class LinkRules {

    private final Site site;
    private final LinkTargets pages;
    private final Corpus corpus;
    private final Links links;
    private final Findings findings;
    private final Map<String, String> hidden = new HashMap<>();
    private final List<String> allPaths;

    public LinkRules(Site site, LinkTargets pages, Corpus corpus, Links links, Findings findings) {
        this.site = site;
        this.pages = pages;
        this.corpus = corpus;
        this.links = links;
        this.findings = findings;
        site.hidden().forEach(h -> hidden.put(h.path(), h.file()));
        this.allPaths = List.copyOf(pages.paths());
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
            entry.dropped().forEach(link -> findings.add(Rule.UNSAFE_LINK, entry.file(), link.line(), "`"
                    + link.destination() + "` is left out of the page: only http, https and mailto addresses and the"
                    + " site's own paths are links there, so readers see just `" + link.text() + "`",
                    "link to a web address (https://...) or a path of the site (/...), or remove the link"));
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

    /** Paths in the same folder and of about the same length: the likely meant ones, and few to compare. */
    private List<String> near(String path) {
        int slash = path.indexOf('/', 1);
        String folder = slash < 0 ? "/" : path.substring(0, slash + 1);
        return allPaths.stream().filter(p -> p.startsWith(folder) && Math.abs(p.length() - path.length()) <= 8)
                .toList();
    }

    private void checkUrl(String file, int line, String url) {
        if (url != null && url.startsWith("/")) {
            check(file, line, "/", url);
        }
    }

    private void check(String file, int line, String from, String destination) {
        Links.Target target = links.internal(from, destination);
        if (target == null || Address.of(target.path()).kind().dynamic()) {
            return;
        }
        String path = target.path();
        if (hidden.containsKey(path)) {
            findings.add(Rule.LINK_TO_DRAFT, file, line, "`" + destination + "` leads to " + hidden.get(path)
                    + ", which is not published", "publish it first, or remove the link until it is");
            return;
        }
        String redirect = pages.redirect(path);
        if (!pages.exists(path) && redirect == null) {
            findings.add(Rule.BROKEN_LINK, file, line, "`" + destination + "` leads to no page or file",
                    Suggestions.closest(path, near(path)).map(s -> "did you mean `" + s + "`?")
                            .orElse("check the address; site links start with /answers/, /blog/, /products/ or"
                                    + " a page name"));
            return;
        }
        String fragment = target.fragment();
        if (fragment != null && !fragment.isEmpty()) {
            Set<String> ids = pages.ids(redirect != null ? redirect : path);
            if (!ids.contains(fragment)) {
                findings.add(Rule.BROKEN_ANCHOR, file, line, "`" + destination + "`: the page has no section `#"
                        + fragment + "`", Suggestions.closest(fragment, ids).map(s -> "did you mean `#" + s + "`?")
                                .orElse("link to one of its headings, written in lower case with hyphens"));
            }
        }
    }
}
