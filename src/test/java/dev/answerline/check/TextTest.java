package dev.answerline.check;

import dev.answerline.markdown.Markdown;
import dev.answerline.markdown.Prose;
import dev.answerline.memory.TextStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.answerline.check.internal.Scan;
import dev.answerline.check.internal.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void countsWordsWithHyphensApostrophesAndNumbers() {
        assertThat(Text.words("Roll your glutes for 60 seconds, don't rush the warm-up."))
                .containsExactly("Roll", "your", "glutes", "for", "60", "seconds", "don't", "rush", "the", "warm-up.");
        assertThat(Text.wordCount("")).isZero();
    }

    @Test
    void sentencesDoNotEndAtAbbreviationsOrDecimals() {
        assertThat(Text.sentences("Roll slowly, e.g. one inch per second. Behm et al. found 2.5 times more. Stop!"
                + " Why? Because."))
                .containsExactly("Roll slowly, e.g. one inch per second.", "Behm et al. found 2.5 times more.",
                        "Stop!", "Why?", "Because.");
        assertThat(Text.sentences("A list item without a full stop")).hasSize(1);
    }

    @Test
    void syllablesFollowTheUsualEnglishRules() {
        assertThat(Text.syllables("roll")).isEqualTo(1);
        assertThat(Text.syllables("muscle")).isEqualTo(2);
        assertThat(Text.syllables("recovery")).isEqualTo(4);
        assertThat(Text.syllables("physiological")).isEqualTo(5);
        assertThat(Text.syllables("used")).isEqualTo(1);
        assertThat(Text.syllables("60")).isEqualTo(1);
    }

    @Test
    void readingEaseTellsPlainFromDense() {
        double plain = Text.readingEase(List.of("Roll your calves.", "Keep it light.", "Stop if it hurts."));
        double dense = Text.readingEase(List.of("Physiological considerations necessitate individualised"
                + " evaluation of biomechanical characteristics."));
        assertThat(plain).isGreaterThan(90);
        assertThat(dense).isLessThan(0);
        // 11 words of one syllable in one sentence: 206.835 - 1.015 * 11 - 84.6 * 1
        assertThat(Text.readingEase(List.of("The cat sat on the mat and ate a big fish."))).isCloseTo(111.07,
                within(0.01));
    }

    @Test
    void aScanKnowsTheLinesOfLinksImagesAndSections() {
        Scan scan = Scan.of(Markdown.block("Intro text.\n\n## First part\n\nSee [the post](/blog/x).\n\n![](/a.png)\n",
                10, null, TextStore.HEAP, true));
        assertThat(scan.links()).containsExactly(new Prose.Link("/blog/x", "the post", 14));
        assertThat(scan.images()).containsExactly(new Prose.Image("/a.png", "", 16));
        assertThat(scan.sections()).extracting(Scan.Section::heading, Scan.Section::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 10),
                        org.assertj.core.groups.Tuple.tuple("First part", 12));
        assertThat(scan.words()).isEqualTo(2 + 2 + 3);
    }
}
