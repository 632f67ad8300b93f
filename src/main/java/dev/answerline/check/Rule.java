package dev.answerline.check;

import dev.answerline.content.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules of {@code answerline check}, each with its id, severity and default thresholds. Each is
 * explained in docs/checks.md; warnings can be tuned or switched off in site.yaml under {@code checks:}.
 */
public enum Rule {
    BROKEN_LINK("broken-link", Severity.ERROR),
    BROKEN_ANCHOR("broken-anchor", Severity.ERROR),
    UNSAFE_LINK("unsafe-link", Severity.ERROR),
    THEME_CONTRAST("theme-contrast", Severity.ERROR),
    LINK_TO_DRAFT("link-to-draft", Severity.ERROR),
    IMAGE_ALT("image-alt", Severity.ERROR),
    DUPLICATE_QUESTION("duplicate-question", Severity.ERROR),
    DIRECT_ANSWER_LENGTH("direct-answer-length", Severity.WARNING, "min", 40, "max", 60),
    DIRECT_ANSWER_FIRST("direct-answer-first", Severity.WARNING),
    DESCRIPTION_LENGTH("description-length", Severity.WARNING, "min", 120, "max", 156),
    QUESTION_FORM("question-form", Severity.WARNING),
    QUESTION_LENGTH("question-length", Severity.WARNING, "max", 70),
    TAKEAWAY_COUNT("takeaway-count", Severity.WARNING, "min", 3, "max", 5),
    TAKEAWAY_LENGTH("takeaway-length", Severity.WARNING, "max", 20),
    BODY_LENGTH("body-length", Severity.WARNING, "min", 300, "max", 3000),
    SECTION_LENGTH("section-length", Severity.WARNING, "max", 300),
    PARAGRAPH_LENGTH("paragraph-length", Severity.WARNING, "max", 150),
    LONG_SENTENCES("long-sentences", Severity.WARNING, "words", 20, "max-share", 25),
    READING_EASE("reading-ease", Severity.WARNING, "min", 60),
    INTERNAL_LINK("internal-link", Severity.WARNING, "min", 1),
    CITATION("citation", Severity.WARNING, "min", 1),
    CITATION_FORMAT("citation-format", Severity.WARNING),
    PUBMED_LINK("pubmed-link", Severity.WARNING),
    CITATION_CONSISTENCY("citation-consistency", Severity.WARNING),
    REVIEW_AGE("review-age", Severity.WARNING, "months", 12),
    DISCLAIMER("disclaimer", Severity.WARNING),
    ORPHAN("orphan", Severity.WARNING),
    CATEGORY_SIZE("category-size", Severity.WARNING, "min", 3),
    RELATED_COUNT("related-count", Severity.WARNING, "max", 5),
    RELATED_ANSWER_LENGTH("related-answer-length", Severity.WARNING, "min", 2, "max", 4),
    RELATED_DUPLICATE("related-duplicate", Severity.WARNING),
    ISSUE_SUBJECT_LENGTH("issue-subject-length", Severity.WARNING, "max", 60),
    ISSUE_PREHEADER("issue-preheader", Severity.WARNING);

    private final String id;
    private final Severity severity;
    private final Map<String, Double> defaults;

    Rule(String id, Severity severity, Object... defaults) {
        this.id = id;
        this.severity = severity;
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < defaults.length; i += 2) {
            map.put((String) defaults[i], ((Number) defaults[i + 1]).doubleValue());
        }
        this.defaults = java.util.Collections.unmodifiableMap(map);
    }

    /** The id used in messages, site.yaml and docs/checks.md, e.g. {@code direct-answer-length}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** The thresholds a site may change, with their defaults. */
    public Map<String, Double> defaults() {
        return defaults;
    }

    /** The rule with this id, or null. */
    public static Rule of(String id) {
        for (Rule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        return null;
    }
}
