package dev.answerline.check.internal;

import dev.answerline.markdown.Prose;
import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.check.Rule;
import dev.answerline.content.Answer;
import dev.answerline.content.Category;
import dev.answerline.content.Site;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rules about the site as a whole: one page per question, sources cited alike everywhere, no answer without
 * a link leading to it, categories worth a page, and a disclaimer on a health site.
 */
public final class SiteRules {
    private final Site site;
    private final Corpus corpus;
    private final Links links;
    private final Findings findings;

    public SiteRules(Site site, Corpus corpus, Links links, Findings findings) {
        this.site = site;
        this.corpus = corpus;
        this.links = links;
        this.findings = findings;
    }

    public void run() {
        questions();
        citations();
        orphans();
        for (Category category : site.categories()) {
            int size = site.answersIn(category).size();
            int min = findings.integer(Rule.CATEGORY_SIZE, "min");
            if (size < min) {
                findings.add(Rule.CATEGORY_SIZE, category.source().file(), 1, "the category has " + size
                        + (size == 1 ? " answer" : " answers") + "; a category page is worth it from " + min,
                        "write more answers for it, or move its answers to a neighbouring category");
            }
        }
        if (site.config().healthContent() && site.config().disclaimer() == null) {
            findings.add(Rule.DISCLAIMER, "site.yaml", 1, "the site gives health information but has no disclaimer",
                    "add `disclaimer:` with a sentence such as `This is general information, not medical advice.`"
                            + " and write pages/disclaimer.md");
        }
    }

    /** A question asked once: by one answer, and not again as another answer's related question. */
    private void questions() {
        Map<String, Answer> byQuestion = new HashMap<>();
        List<Answer> answers = site.answers().stream()
                .sorted(java.util.Comparator.comparing(a -> a.source().file())).toList();
        for (Answer answer : answers) {
            Answer first = byQuestion.putIfAbsent(normal(answer.question()), answer);
            if (first != null) {
                findings.add(Rule.DUPLICATE_QUESTION, answer.source().file(), answer.source().lineOf("question"),
                        "the question is also asked by " + first.source().file(), "merge the two answers, and keep"
                                + " the other slug in `aliases`");
            }
        }
        for (Answer answer : answers) {
            for (int i = 0; i < answer.related().size(); i++) {
                Answer page = byQuestion.get(normal(answer.related().get(i).question()));
                if (page != null && page != answer) {
                    findings.add(Rule.RELATED_DUPLICATE, answer.source().file(),
                            answer.source().lineOf("/related/" + i + "/question"), "related question " + (i + 1)
                                    + " is the question of " + page.path(), "remove it here and link to "
                                            + page.path() + " in the body instead");
                }
            }
        }
    }

    /** One source, one way of naming it: the same link text for the same address, and the other way round. */
    private void citations() {
        Map<String, String> textOfUrl = new HashMap<>();
        Map<String, String> urlOfText = new HashMap<>();
        Map<String, String> firstPlace = new HashMap<>();
        for (Corpus.Entry entry : corpus.entries()) {
            for (Prose.Link link : entry.links().toList()) {
                if (!links.isCitation(link.destination())) {
                    continue;
                }
                String url = link.destination().strip();
                String text = link.text().strip();
                String place = entry.file() + ":" + link.line();
                String knownText = textOfUrl.putIfAbsent(url, text);
                String knownUrl = urlOfText.putIfAbsent(text, url);
                firstPlace.putIfAbsent(url, place);
                firstPlace.putIfAbsent("text:" + text, place);
                if (knownText != null && !knownText.equals(text)) {
                    findings.add(Rule.CITATION_CONSISTENCY, entry.file(), link.line(), "this source is cited as `"
                            + text + "` here and as `" + knownText + "` at " + firstPlace.get(url),
                            "name a source the same way everywhere");
                } else if (knownUrl != null && !knownUrl.equals(url)) {
                    findings.add(Rule.CITATION_CONSISTENCY, entry.file(), link.line(), "`" + text + "` links to " + url
                            + " here and to " + knownUrl + " at " + firstPlace.get("text:" + text),
                            "link a source to the same address everywhere");
                }
            }
        }
    }

    /** Every answer is linked from another answer or a blog post, not only from the indexes. */
    private void orphans() {
        Map<String, String> aliasTargets = new HashMap<>();
        aliasTargets.putAll(site.redirects());
        Set<String> linked = new HashSet<>();
        for (Corpus.Entry entry : corpus.entries()) {
            boolean counts = entry.answer() != null || Address.of(entry.path()).kind() == Kind.POST;
            if (!counts) {
                continue;
            }
            entry.links().forEach(link -> {
                Links.Target target = links.internal(entry.path(), link.destination());
                if (target != null && !target.path().equals(entry.path())) {
                    linked.add(aliasTargets.getOrDefault(target.path(), target.path()));
                }
            });
        }
        for (Answer answer : site.answers()) {
            if (!linked.contains(answer.path())) {
                findings.add(Rule.ORPHAN, answer.source().file(), answer.source().lineOf("question"), "no other answer"
                        + " or blog post links to this answer", "link to it from a related answer or post, so that"
                                + " readers and search engines find it");
            }
        }
    }

    private static String normal(String question) {
        return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
