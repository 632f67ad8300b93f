package dev.answerline.render;

import java.util.List;

/**
 * What the search page shows, made at request time by the search feature and rendered in the site's frame by
 * {@link Pages#search(SearchPage)}; never indexed by search engines.
 *
 * @param query what was searched for, as used (shortened when too long); empty before a search
 * @param notice a remark on the query, e.g. that it was shortened, or null
 * @param answers the answers found, best first
 * @param others blog posts and products found, best first
 * @param closest when nothing was found: the questions closest to the query
 */
public record SearchPage(String query, String notice, List<Result> answers, List<Result> others,
        List<Result> closest) {

    public SearchPage {
        answers = List.copyOf(answers);
        others = List.copyOf(others);
        closest = List.copyOf(closest);
    }

    /**
     * One thing found.
     *
     * @param snippetHtml a passage with the matching words in {@code <mark>}; everything else escaped
     * @param label what kind of thing or which category, e.g. "Back Relief" or "Blog post"
     */
    public record Result(String href, String title, String snippetHtml, String label) {}
}
