package dev.answerline.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.language.Language;
import dev.answerline.content.Synonym;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each language's analysis: one stemming and one folding case each, and what stop words and synonyms do. */
class AnalysisTest {
    private static List<String> terms(Language language, String text) {
        return Analysis.terms(Analysis.index(language), Documents.BODY, text);
    }

    /** The one term each of the texts becomes: they meet in the index. */
    private static void sameTerm(Language language, String... texts) {
        String first = terms(language, texts[0]).get(0);
        for (String text : texts) {
            assertThat(terms(language, text)).as(text).containsExactly(first);
        }
    }

    @Test
    void englishStemsWithPorterAndFoldsAccents() {
        sameTerm(Language.ENGLISH, "rolling", "rolled", "rolls");
        sameTerm(Language.ENGLISH, "café", "cafe");
        assertThat(terms(Language.ENGLISH, "how long should you roll")).containsExactly("long", "roll");
    }

    @Test
    void germanFoldsUmlautsBothWaysAndStemsLightly() {
        sameTerm(Language.GERMAN, "Rückenschmerzen", "ruckenschmerzen", "Rueckenschmerzen", "Rückenschmerz");
        sameTerm(Language.GERMAN, "Faszienrollen", "Faszienrolle");
        sameTerm(Language.GERMAN, "Füße", "Fuesse", "Fusse");
    }

    @Test
    void germanStopWordsKeepWhatTellsQuestionsApartAndMatchWithoutUmlauts() {
        assertThat(terms(Language.GERMAN, "vor dem Training")).containsExactly("vor", "training");
        assertThat(terms(Language.GERMAN, "nach dem Training")).containsExactly("nach", "training");
        assertThat(terms(Language.GERMAN, "für fur und oder aber wann")).isEmpty();
    }

    @Test
    void frenchStemsLightlyFoldsAccentsAndDropsElidedArticles() {
        sameTerm(Language.FRENCH, "étirements", "étirement", "etirement", "l'étirement", "d’étirement");
        sameTerm(Language.FRENCH, "récupération", "recuperation");
    }

    @Test
    void spanishStemsPluralsAndFoldsAccents() {
        sameTerm(Language.SPANISH, "estiramientos", "estiramiento");
        sameTerm(Language.SPANISH, "músculos", "musculo");
        assertThat(terms(Language.SPANISH, "¿Es bueno sin calentar?")).contains("sin");
    }

    @Test
    void dutchStemsWithSnowballAndFoldsTheDiaeresis() {
        sameTerm(Language.DUTCH, "spieren", "spier");
        sameTerm(Language.DUTCH, "ideeën", "ideeen");
        // "voor" (before) and "na" (after) are kept, as "before" and "after" are in English
        assertThat(terms(Language.DUTCH, "voor of na het sporten")).containsExactly("vor", "na", "sport");
    }

    @Test
    void aSynonymIsAlsoMatchedWhenTypedWithoutItsUmlauts() {
        Synonym synonym = new Synonym(1, List.of("Lendenwirbelsäule", "LWS"), List.of());
        List<String> asTyped = Analysis.terms(Analysis.query(Language.GERMAN, List.of(synonym)), Documents.BODY,
                "lendenwirbelsaule");
        assertThat(asTyped).contains("lws", "lendenwirbelsaul");
    }
}
