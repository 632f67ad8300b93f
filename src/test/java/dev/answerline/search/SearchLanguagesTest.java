package dev.answerline.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.content.SiteChange;
import dev.answerline.render.Similar;
import dev.answerline.sample.SampleSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search in the site's language: the German demo, a preview whose language changes, and a language without rules. */
class SearchLanguagesTest {
    private static Site site;
    private static SearchIndex index;

    @BeforeAll
    static void build() {
        site = Site.load(TestSites.demoDe());
        index = SearchIndex.build(site);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static String top(SearchIndex in, String query) {
        List<Results.Hit> answers = in.search(query, 5).answers();
        return answers.isEmpty() ? "(nothing)" : answers.get(0).path().substring("/answers/".length());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Rückenschmerzen                        | rueckenschmerzen-nicht-mehr-rollen
            ruckenschmerzen                        | rueckenschmerzen-nicht-mehr-rollen
            Rueckenschmerzen                       | rueckenschmerzen-nicht-mehr-rollen
            Rückenschmerz                          | rueckenschmerzen-nicht-mehr-rollen
            Lendenwirbelsaule                      | lendenwirbelsaeule-rollen
            Brustwirbelsaeule                      | oberen-ruecken-rollen
            Faszienrollen Härte                    | welche-haerte-fuer-einsteiger
            Muskelkatr                             | hilft-faszienrolle-gegen-muskelkater
            Lendenwirbelsäle                       | lendenwirbelsaeule-rollen
            Wie lange sollte ich die Waden rollen  | wie-lange-pro-muskel
            LWS                                    | lendenwirbelsaeule-rollen
            DOMS                                   | hilft-faszienrolle-gegen-muskelkater
            """)
    void germanReadersFindTheAnswerTheyMean(String query, String expected) {
        assertThat(top(index, query)).isEqualTo(expected);
    }

    /**
     * Words too far from the text's for a typo's correction (one edit for words of up to seven letters), which
     * only folding ("ue" and "ü", "ss" and "ß") and stemming ("Übungen" is "Übung") bring together.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Fuesse   | oberen-ruecken-rollen, darf-faszienrollen-wehtun
            Gesaess  | lendenwirbelsaeule-rollen, beste-zeit-zum-rollen, wie-oft-faszienrollen
            Übung    | beste-zeit-zum-rollen, rueckenschmerzen-nicht-mehr-rollen, welche-haerte-fuer-einsteiger
            """)
    void foldingAndStemmingFindWhatNoTypoCorrectionWould(String query, String expected) {
        assertThat(index.search(query, 10).answers()).extracting(h -> h.path().substring("/answers/".length()))
                .contains(expected.split(", "));
    }

    @Test
    void aSearchOfGermanStopWordsAloneFindsNoAnswer() {
        assertThat(index.search("und oder aber", 5).answers()).isEmpty();
    }

    @Test
    void theGermanSynonymsComeFromTheSiteFolder(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyTree(TestSites.demoDe(), dir);
        Files.delete(copy.resolve("synonyms.txt"));
        try (SearchIndex without = SearchIndex.build(Site.load(copy))) {
            // the control: demo-de's synonyms.txt is what makes these two right
            assertThat(top(without, "LWS")).isNotEqualTo("lendenwirbelsaeule-rollen");
            assertThat(top(without, "DOMS")).isNotEqualTo("hilft-faszienrolle-gegen-muskelkater");
        }
    }

    @Test
    void similarAnswersOfAGermanSiteAgreeHoweverTheyAreFound(@TempDir Path dir) {
        SampleSite.write(TestSites.demoDe(), dir.resolve("sample"), 200, 7);
        Site large = Site.load(dir.resolve("sample"));
        assertThat(large.config().language()).isEqualTo("de");
        try (SearchIndex full = SearchIndex.build(large)) {
            Similar split = SearchIndex.similar(large);
            assertThat(split).isEqualTo(full.similar());
            assertThat(split.bySlug().values()).allSatisfy(like -> assertThat(like).isNotEmpty());
        }
    }

    @Test
    void aPreviewWhoseLanguageChangesAnalysesEverythingAgain(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyTree(TestSites.demoDe(), dir);
        Path yaml = copy.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("language: de", "language: en"));
        Site english = Site.load(copy);
        try (SearchIndex live = SearchIndex.build(english)) {
            // read as English, "und", "oder" and "aber" are words like any other
            assertThat(live.search("und oder aber", 5).answers()).isNotEmpty();
            Files.writeString(yaml, Files.readString(yaml).replace("language: en", "language: de"));
            Site german = Site.load(copy);
            live.update(SiteChange.between(english, german, Set.of()));
            assertThat(live.search("und oder aber", 5).answers()).isEmpty();
            assertThat(top(live, "Rückenschmerz")).isEqualTo("rueckenschmerzen-nicht-mehr-rollen");
            assertThat(live.similar()).isEqualTo(SearchIndex.similar(german));
        }
    }

    @Test
    void aLanguageWithoutRulesIsSearchedAsEnglish(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyDemo(dir);
        Path yaml = copy.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("language: en", "language: pt-BR"));
        try (SearchIndex portuguese = SearchIndex.build(Site.load(copy))) {
            assertThat(top(portuguese, "rolling hamstrings")).isEqualTo("how-do-you-foam-roll-your-hamstrings");
            assertThat(portuguese.search("how should you", 5).answers()).isEmpty();
        }
    }
}
