package dev.answerline.check;

import dev.answerline.language.Language;
import dev.answerline.markdown.Markdown;
import dev.answerline.markdown.Prose;
import dev.answerline.memory.TextStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.answerline.check.internal.Readability;
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
        assertThat(Text.ENGLISH.sentences("Roll slowly, e.g. one inch per second. Behm et al. found 2.5 times more. Stop!"
                + " Why? Because."))
                .containsExactly("Roll slowly, e.g. one inch per second.", "Behm et al. found 2.5 times more.",
                        "Stop!", "Why?", "Because.");
        assertThat(Text.ENGLISH.sentences("A list item without a full stop")).hasSize(1);
    }

    @Test
    void syllablesFollowTheUsualEnglishRules() {
        assertThat(Text.ENGLISH.syllables("roll")).isEqualTo(1);
        assertThat(Text.ENGLISH.syllables("muscle")).isEqualTo(2);
        assertThat(Text.ENGLISH.syllables("recovery")).isEqualTo(4);
        assertThat(Text.ENGLISH.syllables("physiological")).isEqualTo(5);
        assertThat(Text.ENGLISH.syllables("used")).isEqualTo(1);
        assertThat(Text.ENGLISH.syllables("60")).isEqualTo(1);
    }

    @Test
    void readingEaseTellsPlainFromDense() {
        double plain = Text.ENGLISH.readingEase(List.of("Roll your calves.", "Keep it light.", "Stop if it hurts."));
        double dense = Text.ENGLISH.readingEase(List.of("Physiological considerations necessitate individualised"
                + " evaluation of biomechanical characteristics."));
        assertThat(plain).isGreaterThan(90);
        assertThat(dense).isLessThan(0);
        // 11 words of one syllable in one sentence: 206.835 - 1.015 * 11 - 84.6 * 1
        assertThat(Text.ENGLISH.readingEase(List.of("The cat sat on the mat and ate a big fish."))).isCloseTo(111.07,
                within(0.01));
    }

    @Test
    void germanSentencesDoNotEndAtItsAbbreviationsOrDates() {
        Text german = Text.of(Language.GERMAN);
        assertThat(german.sentences("Rolle z. B. die Waden, d. h. langsam und ca. 60 Sekunden lang. Waden, Gesäß"
                + " usw. reichen. Am 3. Mai war es kalt. Warum? Darum."))
                .containsExactly("Rolle z. B. die Waden, d. h. langsam und ca. 60 Sekunden lang.",
                        "Waden, Gesäß usw. reichen.", "Am 3. Mai war es kalt.", "Warum?", "Darum.");
    }

    @Test
    void frenchSpanishAndDutchSentencesKnowTheirAbbreviations() {
        assertThat(Text.of(Language.FRENCH).sentences("Roulez p. ex. les mollets, c.-à-d. le bas. Puis arrêtez."))
                .containsExactly("Roulez p. ex. les mollets, c.-à-d. le bas.", "Puis arrêtez.");
        assertThat(Text.of(Language.SPANISH).sentences("Rueda p. ej. los gemelos. ¿Duele? Sí, un poco."))
                .containsExactly("Rueda p. ej. los gemelos.", "¿Duele?", "Sí, un poco.");
        assertThat(Text.of(Language.DUTCH).sentences("Rol bijv. de kuiten, d.w.z. langzaam. Stop dan."))
                .containsExactly("Rol bijv. de kuiten, d.w.z. langzaam.", "Stop dan.");
    }

    @Test
    void syllablesAreVowelGroupsWithEachLanguagesExceptions() {
        Text german = Text.of(Language.GERMAN);
        assertThat(german.syllables("Rückenschmerzen")).isEqualTo(4);
        assertThat(german.syllables("Schulterblätter")).isEqualTo(4);
        assertThat(german.syllables("Füße")).isEqualTo(2);
        assertThat(german.syllables("Faszienrolle")).as("i-e across syllables counts once").isEqualTo(4);
        Text french = Text.of(Language.FRENCH);
        assertThat(french.syllables("muscles")).as("mute -es").isEqualTo(1);
        assertThat(french.syllables("naïf")).as("the diaeresis parts vowels").isEqualTo(2);
        assertThat(french.syllables("été")).isEqualTo(2);
        assertThat(french.syllables("eau")).isEqualTo(1);
        Text spanish = Text.of(Language.SPANISH);
        assertThat(spanish.syllables("poeta")).as("two strong vowels").isEqualTo(3);
        assertThat(spanish.syllables("cuota")).as("weak and strong vowel").isEqualTo(2);
        assertThat(spanish.syllables("día")).as("accented weak vowel").isEqualTo(2);
        assertThat(spanish.syllables("muy")).isEqualTo(1);
        assertThat(spanish.syllables("ayuda")).isEqualTo(3);
        Text dutch = Text.of(Language.DUTCH);
        assertThat(dutch.syllables("ideeën")).isEqualTo(3);
        assertThat(dutch.syllables("beëindigen")).isEqualTo(4);
        assertThat(dutch.syllables("rijden")).isEqualTo(2);
    }

    /** Each language's formula against the value worked out by hand from its published coefficients. */
    @Test
    void eachLanguageHasItsReadingEaseFormula() {
        // Amstad: Mü-de Fü-ße brau-chen Ru-he | Rol-le lang-sam = 8 + 4 = 12 syllables in 6 words:
        // 180 - 6/2 - 58.5 * 12/6 = 60
        assertThat(Text.of(Language.GERMAN).readingEase(List.of("Müde Füße brauchen Ruhe.", "Rolle langsam.")))
                .isCloseTo(60.0, within(0.001));
        // Kandel-Moles: Le muscle se dé-tend | Rou-lez dou-ce-ment = 5 + 5 = 10 syllables in 6 words:
        // 207 - 1.015 * 6/2 - 73.6 * 10/6 = 81.2883
        assertThat(Text.of(Language.FRENCH).readingEase(List.of("Le muscle se détend.", "Roulez doucement.")))
                .isCloseTo(81.2883, within(0.001));
        // Fernández Huerta: El dí-a es lar-go | Muy bien = 6 + 2 = 8 syllables in 6 words:
        // 206.84 - 1.02 * 6/2 - 60 * 8/6 = 123.78
        assertThat(Text.of(Language.SPANISH).readingEase(List.of("El día es largo.", "Muy bien.")))
                .isCloseTo(123.78, within(0.001));
        // Douma: De spie-ren ont-span-nen | Rol rus-tig = 6 + 3 = 9 syllables in 5 words:
        // 206.835 - 0.93 * 5/2 - 77 * 9/5 = 65.91
        assertThat(Text.of(Language.DUTCH).readingEase(List.of("De spieren ontspannen.", "Rol rustig.")))
                .isCloseTo(65.91, within(0.001));
    }

    @Test
    void aLanguageWithoutRulesHasNoFormulaAndSplitsAtFullStopsOnly() {
        Text italian = Text.of("it");
        assertThat(italian.language()).isEmpty();
        assertThat(italian.readability()).isEmpty();
        assertThat(Text.of("de-AT").readability()).hasValue(Readability.AMSTAD);
        assertThat(italian.sentences("Per es. i polpacci. Poi basta.")).containsExactly("Per es.", "i polpacci.",
                "Poi basta.");
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
