package dev.answerline.search;

import java.util.List;

/**
 * What a search found: answers first, then blog posts and products; when nothing at all, the questions
 * closest to what was typed.
 *
 * @param query the query as searched: trimmed, and shortened when longer than {@link SearchIndex#MAX_QUERY}
 * @param notice a remark for the reader on the query, e.g. that it was shortened, or null
 */
public record Results(String query, String notice, List<Hit> answers, List<Hit> others, List<Hit> closest) {

    public Results {
        answers = List.copyOf(answers);
        others = List.copyOf(others);
        closest = List.copyOf(closest);
    }

    /** Whether anything matched (the closest questions do not count). */
    public boolean found() {
        return !answers.isEmpty() || !others.isEmpty();
    }

    /**
     * One thing found.
     *
     * @param type {@code answer}, {@code post} or {@code product}
     * @param snippetHtml a passage with the matching words in {@code <mark>}, everything else escaped; null
     *     when no passage matched (closest questions)
     * @param label the answer's category name, or "Blog post" or "Product" in the site's language
     */
    public record Hit(String type, String path, String title, String snippetHtml, String label) {}
}
