package dev.answerline.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.content.Product;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class LabelsTest {
    static final java.util.List<String> LANGUAGES = Labels.BUNDLED;

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void everyBundleGivesEveryLabelAndNothingElse(String language) {
        assertThat(Labels.bundle(language).keySet()).containsExactlyInAnyOrderElementsOf(Label.allTextKeys());
        Labels.bundle(language).values().forEach(text -> assertThat(text).as(language).isNotBlank());
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void bundlesUseOnlyTheirLabelsPlaceholders(String language) {
        Labels.bundle(language).forEach((key, text) -> assertThat(Labels.unknownPlaceholders(
                Label.ofTextKey(key).orElseThrow(), text)).as("%s in %s: %s", key, language, text).isEmpty());
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void translationsFillInTheSamePlaceholdersAsEnglish(String language) {
        Map<String, String> english = Labels.bundle("en");
        Labels.bundle(language).forEach((key, text) -> {
            Label label = Label.ofTextKey(key).orElseThrow();
            for (String name : label.placeholders()) {
                assertThat(text.contains("{" + name + "}")).as("{%s} in %s (%s)", name, key, language)
                        .isEqualTo(english.get(key).contains("{" + name + "}"));
            }
        });
    }

    @Test
    void everyAvailabilityOfAProductHasItsLabel() {
        Arrays.stream(Product.Availability.values())
                .forEach(a -> assertThat(Label.valueOf(a.name()).key()).isEqualTo("product." + a.key()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en    | January 15, 2026
            de    | 15. Januar 2026
            fr    | 15 janvier 2026
            es    | 15 de enero de 2026
            nl    | 15 januari 2026
            de-AT | 15. Jänner 2026
            en-GB | 15 January 2026
            """)
    void datesAreWrittenAsReadersOfTheLanguageWriteThem(String language, String date) {
        assertThat(Labels.of(language, Map.of()).date(LocalDate.of(2026, 1, 15))).isEqualTo(date);
    }

    @Test
    void placeholdersAreFilledInWithNumbersInTheLanguagesForm() {
        Labels german = Labels.of("de", Map.of());
        assertThat(german.text(Label.MORE_QUESTIONS, "Rücken")).isEqualTo("Weitere Fragen zu Rücken");
        assertThat(german.text(Label.SEARCH_RESULTS, 1, "rolle")).isEqualTo("1 Ergebnis für „rolle“");
        assertThat(german.text(Label.SEARCH_RESULTS, 12_000, "rolle")).isEqualTo("12.000 Ergebnisse für „rolle“");
        assertThat(Labels.english().text(Label.SEARCH_RESULTS, 12_000, "roll"))
                .isEqualTo("12,000 results for \u201Croll\u201D");
        assertThat(Labels.of("fr", Map.of()).text(Label.CATEGORY_COUNT, 0)).isEqualTo("0 question");
    }

    @Test
    void whatAReaderTypedIsFilledInAsText() {
        assertThat(Labels.english().text(Label.SEARCH_NONE, "$1 {query} \\"))
                .isEqualTo("No answers match \u201C$1 {query} \\\u201D");
    }

    @Test
    void aRegionalTagUsesItsLanguagesTexts() {
        assertThat(Labels.of("de-CH", Map.of()).text(Label.DIRECT_ANSWER)).isEqualTo("Die kurze Antwort");
        assertThat(Labels.isBundled("nl-BE")).isTrue();
    }

    @Test
    void aLanguageWithoutABundleGetsEnglishTextsAndItsOwnDates() {
        Labels portuguese = Labels.of("pt", Map.of());
        assertThat(Labels.isBundled("pt")).isFalse();
        assertThat(portuguese.text(Label.DIRECT_ANSWER)).isEqualTo("Direct Answer");
        assertThat(portuguese.date(LocalDate.of(2026, 1, 15))).isEqualTo("15 de janeiro de 2026");
        assertThat(portuguese.language()).isEqualTo("pt");
    }

    @Test
    void stringsReplaceTheBundledTextsByKey() {
        Labels labels = Labels.of("de", Map.of("answer.direct_answer", "Direkte Antwort",
                "search.results.other", "{count} Treffer"));
        assertThat(labels.text(Label.DIRECT_ANSWER)).isEqualTo("Direkte Antwort");
        assertThat(labels.text(Label.SEARCH_RESULTS, 3, "x")).isEqualTo("3 Treffer");
        assertThat(labels.text(Label.SEARCH_RESULTS, 1, "x")).isEqualTo("1 Ergebnis für „x“");
        assertThat(labels).isNotEqualTo(Labels.of("de", Map.of()));
        assertThatThrownBy(() -> Labels.of("de", Map.of("answer.direct", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTextKeyNamesItsLabel() {
        assertThat(Label.ofTextKey("search.results.one")).contains(Label.SEARCH_RESULTS);
        assertThat(Label.ofTextKey("search.results")).isEmpty();
        assertThat(Label.ofTextKey("answer.direct_answer.one")).isEmpty();
    }
}
