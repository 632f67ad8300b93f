package dev.answerline.check.internal;

import dev.answerline.markdown.Prose;
import dev.answerline.check.Rule;
import dev.answerline.content.Answer;
import dev.answerline.content.SiteConfig;
import dev.answerline.content.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes an answer win: a direct answer that answers at once and fits a snippet, a question as readers
 * ask it, a few short takeaways, a body of plain prose in short sections, links into the site and out to
 * named sources, and a recent professional review where health is concerned.
 */
public final class AnswerRules {
    /** Question marks of every script, for a language whose own is not known. */
    private static final String QUESTION_MARKS = "?\uFF1F\u061F\u037E;";
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
    private static final Pattern PUBMED_PATH = Pattern.compile("/\\d+/?");

    private final SiteConfig config;
    private final Links links;
    private final Findings findings;
    private final LocalDate today;
    private final Text measures;
    private final Wording wording;

    public AnswerRules(SiteConfig config, Links links, Findings findings, LocalDate today) {
        this.config = config;
        this.links = links;
        this.findings = findings;
        this.today = today;
        this.measures = Text.of(config.language());
        this.wording = Wording.of(measures.language());
    }

    public void check(Corpus.Entry entry) {
        Answer answer = entry.answer();
        Source source = answer.source();
        String file = source.file();
        directAnswer(answer, entry.fields().get(0), file, source.lineOf("answer"));
        int description = answer.description().length();
        int minDescription = findings.integer(Rule.DESCRIPTION_LENGTH, "min");
        int maxDescription = findings.integer(Rule.DESCRIPTION_LENGTH, "max");
        if (description < minDescription || description > maxDescription) {
            findings.add(Rule.DESCRIPTION_LENGTH, file, source.lineOf("description"), "the description has "
                    + description + " characters; search results show " + minDescription + "–" + maxDescription,
                    description < minDescription ? "say what the reader learns, in a full sentence or two"
                            : "cut it to the one promise that matters; longer ones are cut off mid-sentence");
        }
        question(answer, file, source.lineOf("question"));
        takeaways(answer, file, source);
        body(entry, file, source);
        citations(entry, file);
        review(answer, file, source);
        related(answer, file, source);
    }

    private void directAnswer(Answer answer, Scan field, String file, int line) {
        String text = String.join(" ", field.paragraphs().stream().map(Scan.Paragraph::text).toList());
        int words = Text.wordCount(text);
        int min = findings.integer(Rule.DIRECT_ANSWER_LENGTH, "min");
        int max = findings.integer(Rule.DIRECT_ANSWER_LENGTH, "max");
        if (words < min || words > max) {
            findings.add(Rule.DIRECT_ANSWER_LENGTH, file, line, "the direct answer has " + count(words, "word")
                    + "; answer engines quote " + min + "–" + max, words < min ? "add the one reason or condition that"
                            + " makes the answer useful on its own" : "keep the answer and its main reason; move the"
                                    + " rest into the body");
        }
        // the words of questions and verdicts are the language's; without them the rule cannot judge
        if (!wording.knowsQuestions()) {
            return;
        }
        if (wording.isYesNoQuestion(answer.question()) && !wording.startsWithVerdict(text)) {
            findings.add(Rule.DIRECT_ANSWER_FIRST, file, line, "the question is a yes-or-no question, but the direct"
                    + " answer does not start with " + wording.verdictNames(), wording.verdictFix());
        }
        wording.filler(text).ifPresent(filler -> findings.add(Rule.DIRECT_ANSWER_FIRST, file, line,
                "the direct answer opens with \u201C" + filler + "\u201D instead of the answer",
                "put the answer itself in the first words"));
    }

    private void question(Answer answer, String file, int line) {
        String question = answer.question();
        String example = wording.question() == null ? "" : ", e.g. " + wording.question();
        // a language the rules do not know may write its question mark otherwise: ？, ؟, or ; in Greek
        boolean asks = measures.language().isPresent() ? question.endsWith("?")
                : !question.isEmpty() && QUESTION_MARKS.indexOf(question.charAt(question.length() - 1)) >= 0;
        if (!asks) {
            findings.add(Rule.QUESTION_FORM, file, line, "the question does not end with a question mark",
                    "write it as readers ask it" + example);
        } else if (wording.openingMark() && question.indexOf('\u00BF') < 0) {
            findings.add(Rule.QUESTION_FORM, file, line, "the question has no opening question mark (\u00BF)",
                    "open it with \u00BF where the question begins" + example);
        }
        int max = findings.integer(Rule.QUESTION_LENGTH, "max");
        if (question.length() >= max) {
            findings.add(Rule.QUESTION_LENGTH, file, line, "the question has " + question.length()
                    + " characters; it should be under " + max + " to show whole in search results",
                    "drop words the reader would not type");
        }
    }

    private void takeaways(Answer answer, String file, Source source) {
        int count = answer.takeaways().size();
        int min = findings.integer(Rule.TAKEAWAY_COUNT, "min");
        int max = findings.integer(Rule.TAKEAWAY_COUNT, "max");
        if (count < min || count > max) {
            findings.add(Rule.TAKEAWAY_COUNT, file, source.lineOf("takeaways"), "there " + (count == 1 ? "is " : "are ")
                    + count(count, "takeaway") + "; " + min + "–" + max + " are read and remembered", count < min
                            ? "add the points a reader should act on" : "keep the strongest and merge the rest");
        }
        int maxWords = findings.integer(Rule.TAKEAWAY_LENGTH, "max");
        for (int i = 0; i < count; i++) {
            int words = Text.wordCount(answer.takeaways().get(i));
            if (words >= maxWords) {
                findings.add(Rule.TAKEAWAY_LENGTH, file, source.lineOf("/takeaways/" + i), "takeaway " + (i + 1)
                        + " has " + words + " words; keep each under " + maxWords,
                        "one point per takeaway, without the reasons: those belong in the body");
            }
        }
    }

    private void body(Corpus.Entry entry, String file, Source source) {
        Scan body = entry.body();
        int min = findings.integer(Rule.BODY_LENGTH, "min");
        int max = findings.integer(Rule.BODY_LENGTH, "max");
        if (body.words() < min) {
            findings.add(Rule.BODY_LENGTH, file, source.bodyLine(), "the body has " + count(body.words(), "word")
                    + "; " + min + " or more show the depth answer engines look for", "explain the why, the how and the"
                            + " exceptions, each in a `##` section");
        } else if (body.words() > max) {
            findings.add(Rule.BODY_LENGTH, file, source.bodyLine(), "the body has " + count(body.words(), "word")
                    + "; past " + max + " a page answers more than its question, and readers stop before the end",
                    "keep what answers this question; give each other question an answer of its own and link it");
        }
        int maxSection = findings.integer(Rule.SECTION_LENGTH, "max");
        for (Scan.Section section : body.sections()) {
            if (section.words() > maxSection) {
                findings.add(Rule.SECTION_LENGTH, file, section.line(), (section.heading() == null
                        ? "the text before the first heading" : "the section \u201C" + section.heading() + "\u201D")
                        + " runs " + section.words() + " words without a subheading", "split it with `###`"
                                + " subheadings that say what each part is about");
            }
        }
        int maxParagraph = findings.integer(Rule.PARAGRAPH_LENGTH, "max");
        for (Scan.Paragraph paragraph : body.paragraphs()) {
            int words = Text.wordCount(paragraph.text());
            if (words >= maxParagraph) {
                findings.add(Rule.PARAGRAPH_LENGTH, file, paragraph.line(), "this paragraph has " + words
                        + " words; keep paragraphs under " + maxParagraph, "break it where the thought changes");
            }
        }
        List<String> sentences = body.sentences(measures);
        if (!sentences.isEmpty()) {
            int longWords = findings.integer(Rule.LONG_SENTENCES, "words");
            long longOnes = sentences.stream().filter(s -> Text.wordCount(s) > longWords).count();
            double share = 100.0 * longOnes / sentences.size();
            double maxShare = findings.get(Rule.LONG_SENTENCES, "max-share");
            if (share > maxShare) {
                findings.add(Rule.LONG_SENTENCES, file, source.bodyLine(), Math.round(share) + "% of the sentences"
                        + " have more than " + longWords + " words; keep it at " + Math.round(maxShare) + "% or less",
                        wording.conjunctions() == null ? "split the longest sentences in two"
                                : "split sentences joined by " + wording.conjunctions());
            }
            // a language without a published formula has no reading ease (docs/checks.md, Languages)
            measures.readability().ifPresent(formula -> {
                double ease = measures.readingEase(sentences);
                double minEase = findings.get(Rule.READING_EASE, "min");
                if (ease < minEase) {
                    findings.add(Rule.READING_EASE, file, source.bodyLine(), "the body's " + formula.title() + " is "
                            + Math.round(ease) + "; plain " + measures.language().orElseThrow().englishName() + " is "
                            + Math.round(minEase) + " or more", "use shorter sentences and everyday words ("
                                    + wording.plainWords() + ")");
                }
            });
        }
        long internal = entry.links().filter(l -> {
            Links.Target target = links.internal(entry.path(), l.destination());
            return target != null && !target.path().equals(entry.path());
        }).count();
        if (internal < findings.integer(Rule.INTERNAL_LINK, "min")) {
            findings.add(Rule.INTERNAL_LINK, file, source.bodyLine(), "the answer links to no other page of the"
                    + " site", "link to the blog post, product or answer that goes deeper, e.g."
                            + " `[how to roll your glutes](/answers/...)`");
        }
    }

    private void citations(Corpus.Entry entry, String file) {
        List<Prose.Link> cited = entry.links().filter(l -> links.isCitation(l.destination())).toList();
        if (cited.size() < findings.integer(Rule.CITATION, "min")) {
            findings.add(Rule.CITATION, file, entry.answer().source().bodyLine(), "the answer cites no source outside"
                    + " the site", "link the study or guideline behind the answer, e.g. `[Wiewelhove et al.,"
                            + " Frontiers in Physiology, 2019](https://pubmed.ncbi.nlm.nih.gov/31024339/)`");
        }
        for (Prose.Link link : cited) {
            String text = link.text();
            boolean namesAuthorAndOutlet = wording.namesOthers(text)
                    || text.chars().filter(c -> c == ',').count() >= 2;
            if (!YEAR.matcher(text).find() || !namesAuthorAndOutlet) {
                findings.add(Rule.CITATION_FORMAT, file, link.line(), "the citation `" + text + "` does not name"
                        + " its author, journal or outlet, and year", "write them as the link text, e.g."
                                + " `Behm et al., Sports Medicine, 2022`");
            }
            String host = Links.host(link.destination());
            if (host.equals("pubmed.ncbi.nlm.nih.gov") || host.equals("ncbi.nlm.nih.gov")
                    && link.destination().contains("/pubmed")) {
                String path = java.net.URI.create(link.destination().strip()).getPath();
                if (!host.equals("pubmed.ncbi.nlm.nih.gov") || path == null || !PUBMED_PATH.matcher(path).matches()) {
                    findings.add(Rule.PUBMED_LINK, file, link.line(), "`" + link.destination() + "` is not a"
                            + " PubMed article link", "use https://pubmed.ncbi.nlm.nih.gov/ followed by the PMID"
                                    + " and a slash, e.g. https://pubmed.ncbi.nlm.nih.gov/31024339/");
                }
            }
        }
    }

    private void review(Answer answer, String file, Source source) {
        if (!config.healthContent()) {
            return;
        }
        int months = findings.integer(Rule.REVIEW_AGE, "months");
        if (answer.reviewed() == null) {
            findings.add(Rule.REVIEW_AGE, file, 1, "the answer gives health advice but has no review", "have a"
                    + " qualified professional review it, and add `reviewed_by:` and `reviewed:` with the date");
        } else if (answer.reviewed().isBefore(today.minusMonths(months))) {
            findings.add(Rule.REVIEW_AGE, file, source.lineOf("reviewed"), "the last review, on "
                    + answer.reviewed() + ", is more than " + months + " months old", "have it reviewed again and"
                            + " update `reviewed:`");
        }
    }

    private void related(Answer answer, String file, Source source) {
        int most = findings.integer(Rule.RELATED_COUNT, "max");
        if (answer.related().size() > most) {
            findings.add(Rule.RELATED_COUNT, file, source.lineOf("related"), "there are "
                    + count(answer.related().size(), "related question") + "; " + most + " at most are read before"
                            + " the reader moves on", "keep the questions readers ask next; answer the others in"
                                    + " answers of their own and link them from the body");
        }
        int min = findings.integer(Rule.RELATED_ANSWER_LENGTH, "min");
        int max = findings.integer(Rule.RELATED_ANSWER_LENGTH, "max");
        for (int i = 0; i < answer.related().size(); i++) {
            int sentences = measures.sentences(answer.related().get(i).answer()).size();
            if (sentences < min || sentences > max) {
                findings.add(Rule.RELATED_ANSWER_LENGTH, file, source.lineOf("/related/" + i + "/answer"),
                        "related answer " + (i + 1) + " has " + count(sentences, "sentence") + "; " + min + "–" + max
                                + " answer it without becoming a page of its own",
                        sentences < min ? "add the reason or the condition" : "keep the answer and one reason");
            }
        }
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
