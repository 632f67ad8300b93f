package dev.answerline.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.content.SiteChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results and spellings a search index remembers (issue 20): never other than a fresh search's, bounded. */
class SearchCacheTest {
    private static final List<String> QUERIES = List.of("foam roll lumbar spine", "lumbr spine", "hamstrngs",
            "\"massage ball\"", "strech vs roll", "zzqx nothing", "doms", "foam roll", "trigger point");
    private static Site site;
    private static SearchIndex index;

    @BeforeAll
    static void build() {
        site = Site.load(TestSites.demo());
        index = SearchIndex.build(site);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void aRememberedResultIsTheOneASearchAfreshFinds() {
        // the same index, not another one built alike: documents added from several threads get other numbers
        // there, and results of equal score come in another order
        for (String query : QUERIES) {
            for (int limit : new int[] {1, 10, 50}) {
                Results first = index.search(query, limit);
                Results again = index.search(query, limit);
                index.forget();
                assertThat(again).as(query).isEqualTo(first).isEqualTo(index.search(query, limit));
            }
        }
    }

    @Test
    void theNoticeFollowsWhatWasTypedNotWhatWasRemembered() {
        String words = "spine back ".repeat(18);
        Results shortened = index.search(words, 10);
        assertThat(shortened.notice()).isNotNull();
        Results typed = index.search(shortened.query(), 10);
        assertThat(typed.notice()).isNull();
        assertThat(typed.answers()).isEqualTo(shortened.answers());
        assertThat(index.search(words, 10).notice()).isEqualTo(shortened.notice());
    }

    @Test
    void anUpdateDropsWhatWasRemembered(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyDemo(dir);
        Site before = Site.load(copy);
        try (SearchIndex live = SearchIndex.build(before)) {
            // remembered before the update: no result for the word, and no known word close to its misspelling
            assertThat(live.search("quokka", 10).found()).isFalse();
            assertThat(live.search("quokkaa", 10).found()).isFalse();
            List<String> foamRoll = paths(live.search("foam roll", 50));
            assertThat(foamRoll).contains("/answers/how-fast-should-you-foam-roll");
            String takeaway = "The IT band is tough <mark>connective</mark> <mark>tissue</mark> that rolling will not"
                    + " lengthen.";
            assertThat(live.search("connective tissue", 10).answers().get(0).snippetHtml()).isEqualTo(takeaway);

            Path file = copy.resolve("answers/should-you-foam-roll-your-it-band.md");
            Files.writeString(file, Files.readString(file).replace("Should you foam roll your IT band?",
                    "Should you foam roll your quokka band?").replace("is a thick strip of connective",
                    "is a thick strip of quokka-like connective"));
            Files.delete(copy.resolve("answers/how-fast-should-you-foam-roll.md"));
            live.update(SiteChange.between(before, Site.load(copy), Set.of()));

            // the snippet is cut from the lead as it is now, at the places the index has now: the takeaway comes
            // after the edited direct answer, so a lead remembered from before would be cut in the wrong places
            assertThat(live.search("connective tissue", 10).answers().get(0).snippetHtml()).isEqualTo(takeaway);
            assertThat(paths(live.search("quokka", 10))).startsWith("/answers/should-you-foam-roll-your-it-band");
            assertThat(paths(live.search("quokkaa", 10))).startsWith("/answers/should-you-foam-roll-your-it-band");
            assertThat(paths(live.search("foam roll", 50))).doesNotContain("/answers/how-fast-should-you-foam-roll");
        }
    }

    @Test
    void aSearchCutShortIsNotRemembered() {
        try (SearchIndex spent = SearchIndex.build(site)) {
            spent.budget(0);
            assertThat(spent.search("foam roll", 50).answers()).isEmpty();
            assertThat(spent.cached()[0]).isZero();
        }
    }

    @Test
    void aFloodOfDistinctQueriesCannotGrowTheCacheBeyondItsBounds() {
        try (SearchIndex flooded = SearchIndex.build(site)) {
            String[] words = {"foam", "roll", "spine", "back", "calf", "glute", "knot", "ball", "hurt", "stretch"};
            for (int i = 0; i < 3 * SearchIndex.CACHED_RESULTS; i++) {
                // distinct texts that still find answers, so that each result has snippets to weigh
                String query = words[i % words.length] + " " + words[(i / words.length) % words.length] + " q" + i;
                flooded.search(query, 50);
            }
            long[] cached = flooded.cached();
            assertThat(cached[0]).isPositive().isLessThanOrEqualTo(SearchIndex.CACHED_RESULTS);
            assertThat(cached[1]).isLessThanOrEqualTo(SearchIndex.CACHED_RESULT_BYTES);
        }
    }

    private static List<String> paths(Results results) {
        return results.answers().stream().map(Results.Hit::path).toList();
    }
}
