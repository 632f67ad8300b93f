package dev.answerline.importing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SectionsTest {
    private static Element body(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }

    @Test
    void furnitureIsTakenOutByTheWordsOfItsNamesOnly() {
        Sections.Found found = new Sections().split(body("<h1>Does it stay?</h1>"
                + "<p class=\"coauthored doctable\">Kept: no class word names furniture.</p>"
                + "<div class=\"wp-block-group author-box\"><p>Dropped.</p></div>"
                + "<aside id=\"newsletter\"><p>Join us.</p></aside>"
                + "<p>See <a class=\"shop-link\" href=\"/x\">our shop</a>.</p>"
                + "<a class=\"all-questions\" href=\"/answers\">All Questions</a>"
                + "<section><h2>More Back Relief Questions</h2><ul><li>Another?</li></ul></section>"));

        // a link in a sentence is the sentence's, whatever its class; one standing alone is furniture
        assertThat(found.body().text()).isEqualTo("Kept: no class word names furniture. See our shop.");
        assertThat(found.category()).isEqualTo("Back Relief");
        assertThat(found.question()).isEqualTo("Does it stay?");
    }

    @Test
    void theLabelsOfEveryBundledLanguageNameTheParts() {
        Sections.Found found = new Sections().split(body("<h2>La réponse en bref</h2><p>Oui.</p>"
                + "<h2>À retenir :</h2><ul><li>Un.</li><li>Deux.</li></ul>"
                + "<h2>Preguntas relacionadas</h2><details><summary>¿Y?</summary><p>Sí.</p></details>"
                + "<h2>Kortom</h2><p>Ja.</p><h2>Over de rest</h2><p>Tekst.</p>"));

        assertThat(found.directAnswer()).isEqualTo("Oui.");
        assertThat(found.takeaways()).containsExactly("Un.", "Deux.");
        assertThat(found.related()).singleElement().satisfies(r -> {
            assertThat(r.question()).isEqualTo("¿Y?");
            assertThat(r.answer()).isEqualTo("Sí.");
        });
        assertThat(found.bottomLine()).isEqualTo("Ja.");
        assertThat(found.body().text()).isEqualTo("Over de rest Tekst.");
    }
}
