package dev.answerline.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.render.Similar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the "More ... Questions" box shows: the editor's picks, then similar answers, then the newest. */
class MoreCardsTest {
    private static final String LUMBAR = "should-you-foam-roll-your-lumbar-spine";

    private static List<String> box(Site site, Similar similar, String slug) {
        return MoreCards.of(site, similar, site.answer(slug).orElseThrow()).stream().map(Answer::slug).toList();
    }

    @Test
    void withoutSimilarAnswersTheNewestOfTheCategoryShow() {
        Site site = Site.load(TestSites.demo());
        List<String> newest = site.answersIn(site.category("back-relief")).stream().map(Answer::slug)
                .filter(s -> !s.equals(LUMBAR)).limit(4).toList();
        assertThat(box(site, Similar.NONE, LUMBAR)).isEqualTo(newest);
    }

    @Test
    void similarAnswersComeFirstThenTheNewestFillTheBox() {
        Site site = Site.load(TestSites.demo());
        Similar similar = new Similar(Map.of(LUMBAR, List.of("how-do-you-roll-your-glutes-for-back-relief",
                "is-foam-rolling-good-for-runners", "no-such-answer")));
        List<String> box = box(site, similar, LUMBAR);
        // an answer of another category (a stale preview) and one that is gone are passed over
        assertThat(box).hasSize(4).first().isEqualTo("how-do-you-roll-your-glutes-for-back-relief");
        assertThat(box).doesNotContain("is-foam-rolling-good-for-runners", LUMBAR).doesNotHaveDuplicates();
    }

    @Test
    void theEditorsPicksComeFirstByAliasOrSlugAndDraftsWaitUntilPublished(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyDemo(dir);
        Path runners = copy.resolve("answers/is-foam-rolling-good-for-runners.md");
        Files.writeString(copy.resolve("answers/a-draft-to-come.md"), Files.readString(runners)
                .replaceFirst("---\n", "---\ndraft: true\n")
                .replace("question: Is foam rolling good for runners?", "question: Is this still a draft?"));
        Path file = copy.resolve("answers/" + LUMBAR + ".md");
        Files.writeString(file, Files.readString(file).replace("category: back-relief", """
                category: back-relief
                more: [is-foam-rolling-good-for-runners, a-draft-to-come, foam-rolling-for-doms]"""));
        Site site = Site.load(copy);
        assertThat(site.problems()).filteredOn(p -> p.file().contains(LUMBAR)).isEmpty();
        List<String> box = box(site, Similar.NONE, LUMBAR);
        assertThat(box).hasSize(4).startsWith("is-foam-rolling-good-for-runners", "does-foam-rolling-help-sore-muscles")
                .doesNotContain("a-draft-to-come");
    }
}
