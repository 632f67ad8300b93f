package dev.answerline.check;

import dev.answerline.check.internal.AnswerRules;
import dev.answerline.check.internal.Corpus;
import dev.answerline.check.internal.Findings;
import dev.answerline.check.internal.IssueRules;
import dev.answerline.check.internal.LinkRules;
import dev.answerline.check.internal.Links;
import dev.answerline.check.internal.SiteRules;
import dev.answerline.check.internal.ThemeRules;
import dev.answerline.language.Language;
import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.render.LinkTargets;
import dev.answerline.render.Renderer;
import dev.answerline.render.Templates;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code answerline check}: everything the loader rejects, plus the rules of {@link Rule} that catch what
 * readers and answer engines would stumble on: broken links, answers that do not answer first, walls of
 * text, uncited claims, stale medical reviews, orphan pages.
 *
 * <pre>{@code
 * List<Problem> problems = Checker.check(Site.load(Path.of("demo")));
 * }</pre>
 */
public final class Checker {
    private Checker() {}

    /**
     * What the editor should know about how the site is checked: for a {@code language:} Answerline has no
     * rules for, which rules are off. Empty for the languages it knows.
     */
    public static List<Note> notes(SiteConfig config) {
        if (Language.of(config.language()).isPresent()) {
            return List.of();
        }
        return List.of(new Note("site.yaml", config.source().lineOf("language"), "`language: " + config.language()
                + "` is not one of the languages Answerline has rules for (en, de, fr, es, nl): `reading-ease` and"
                + " `direct-answer-first` are off, sentences end at . ! and ? only, and search reads words as"
                + " English does — see docs/checks.md, Languages"));
    }

    /** Checks a site; pages are rendered only where a link needs one of their sections. */
    public static List<Problem> check(Site site) {
        return check(site, Renderer.linkTargets(site));
    }

    /**
     * Checks a site against where its links can lead.
     *
     * @return the loader's problems and the rules' findings, by file and line
     */
    public static List<Problem> check(Site site, LinkTargets pages) {
        if (site.answers().stream().anyMatch(a -> !a.source().prose().facts())) {
            // our own mistake, not the user's: a caller loaded the site for publishing
            throw new IllegalArgumentException("check needs a site loaded with Keeping.ALL, as Site.load(dir) does");
        }
        Findings findings = Findings.of(site.config());
        Corpus corpus = Corpus.of(site);
        Links links = new Links(site.config());
        new LinkRules(site, pages, corpus, links, findings).run();
        AnswerRules answers = new AnswerRules(site.config(), links, findings, site.today());
        corpus.answers().parallel().forEach(answers::check);
        new SiteRules(site, corpus, links, findings).run();
        new ThemeRules(site.config(), findings).run();
        new IssueRules(site, findings).run();
        List<Problem> all = new ArrayList<>(site.problems());
        all.addAll(Templates.of(site.templates()).problems());
        // like the loader's problems, a file's findings are listed twenty and a count (issue 14)
        all.addAll(Problem.listable(findings.problems()));
        all.sort(Problem.BY_PLACE);
        return List.copyOf(all);
    }
}
