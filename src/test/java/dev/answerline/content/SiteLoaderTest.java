package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SiteLoaderTest {
    private final Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);

    @Test
    void aCompleteSiteLoadsWithoutProblems() {
        assertThat(site.problems()).isEmpty();
        assertThat(site.config().baseUrl()).isEqualTo("https://answers.testroll.example");
        assertThat(site.config().newsletter().success()).isEqualTo("Almost done. Confirm with the link we just emailed you.");
        assertThat(site.config().newsletter().minCountShown()).isEqualTo(50);
    }

    @Test
    void answersAreNewestFirstAndKnowTheirPaths() {
        assertThat(site.answers()).extracting(Answer::path).containsExactly(
                "/answers/how-long-should-you-roll",
                "/answers/should-you-roll-your-lower-back",
                "/answers/can-you-roll-every-day");
    }

    @Test
    void draftsAndFutureDatedContentAreHiddenButKnown() {
        assertThat(site.answer("a-draft-answer")).isEmpty();
        assertThat(site.answer("a-future-answer")).isEmpty();
        assertThat(site.posts()).extracting(BlogPost::slug).containsExactly("why-we-roll");
        assertThat(site.products()).extracting(Product::slug).containsExactly("roller");
        assertThat(site.hidden()).extracting(Site.Hidden::path, Site.Hidden::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/answers/a-draft-answer", "draft"),
                org.assertj.core.groups.Tuple.tuple("/answers/a-future-answer", "to be published on 2026-07-01"),
                org.assertj.core.groups.Tuple.tuple("/blog/coming-soon", "to be published on 2026-12-01"),
                org.assertj.core.groups.Tuple.tuple("/products/old-roller", "draft"));
    }

    @Test
    void futureContentAppearsOnItsDay() {
        Site later = Site.load(TestSites.fixture("small"), LocalDate.of(2026, 7, 1));
        assertThat(later.answer("a-future-answer")).isPresent();
    }

    @Test
    void optionalValuesHaveTheirDefaults() {
        Answer plain = site.answer("can-you-roll-every-day").orElseThrow();
        assertThat(plain.cta()).isEqualTo("shop");
        assertThat(plain.updated()).isNull();
        assertThat(plain.lastModified()).isEqualTo(plain.published());
        assertThat(site.author("ann-writer").storyUrl()).isEqualTo("/about");
        assertThat(site.category("empty").order()).isEqualTo(Integer.MAX_VALUE);
        assertThat(site.categories()).extracting(Category::id).containsExactly("back-relief", "basics", "empty");
    }

    @Test
    void aliasesPointAtTheCurrentSlug() {
        assertThat(site.aliases()).containsEntry("roll-lower-back", "should-you-roll-your-lower-back")
                .containsEntry("lumbar-rolling", "should-you-roll-your-lower-back").hasSize(2);
    }

    @Test
    void sourcesKnowTheLineOfEveryKey() {
        Answer answer = site.answer("should-you-roll-your-lower-back").orElseThrow();
        assertThat(answer.source().lineOf("question")).isEqualTo(2);
        assertThat(answer.source().lineOf("/takeaways/2")).isEqualTo(8);
        assertThat(answer.source().lineOf("/related/1/answer")).isEqualTo(20);
        assertThat(answer.source().bodyLine()).isEqualTo(23);
        assertThat(answer.source().body()).startsWith("## Why it matters");
    }

    @Test
    void staticFilesAreServedFromTheRoot() {
        assertThat(site.staticFiles()).extracting(StaticFile::path)
                .containsExactly("/favicon.svg", "/google1234.html", "/images/ann.svg", "/images/logo.svg", "/images/roller.svg");
    }
}
