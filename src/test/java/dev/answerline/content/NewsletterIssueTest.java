package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** newsletters/{slug}.md: loaded like other content, with its problems at file:line, under its own addresses. */
class NewsletterIssueTest {
    @TempDir
    Path dir;

    private Site site;

    private void given(String file, String text) throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve(file), text);
        site = Site.load(dir, TestSites.TODAY);
    }

    @Test
    void anIssueLoadsWithItsTextAndCardsInOrder() {
        Site small = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        assertThat(small.problems()).isEmpty();
        NewsletterIssue issue = small.issue("june-rolling").orElseThrow();
        assertThat(issue.subject()).isEqualTo("Roll your back the right way");
        assertThat(issue.preheader()).isEqualTo("One answer, one routine, and a myth checked.");
        assertThat(issue.sendAfter()).isEqualTo(OffsetDateTime.parse("2026-06-04T07:00:00+02:00"));
        assertThat(issue.parts()).extracting(p -> p.getClass().getSimpleName() + "@" + p.line())
                .containsExactly("Text@6", "Card@11", "Text@12");
        assertThat(issue.cards()).extracting(NewsletterIssue.Card::answer)
                .containsExactly("should-you-roll-your-lower-back");
        // the text after a card keeps its lines in the file: check points at the right one
        NewsletterIssue.Text last = (NewsletterIssue.Text) issue.parts().get(2);
        assertThat(last.prose().images()).extracting(i -> i.line()).containsExactly(13);
        assertThat(issue.path()).isEqualTo("/newsletter/june-rolling");
        assertThat(issue.preview().path()).isEqualTo("/newsletter/preview/june-rolling");
    }

    @Test
    void aDateAloneIsMidnightUtc() throws IOException {
        given("newsletters/dated.md", "---\nsubject: S\nsend_after: 2026-12-10\n---\nHello\n");
        assertThat(site.problems()).isEmpty();
        assertThat(site.issue("dated").orElseThrow().sendAfter())
                .isEqualTo(OffsetDateTime.parse("2026-12-10T00:00:00Z"));
    }

    @Test
    void anUnknownAnswerCardIsAnErrorAtItsLine() throws IOException {
        given("newsletters/cards.md", "---\nsubject: S\n---\nHello\n\n{{< answer should-you-roll-your-lower-bak >}}\n");
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "newsletters/cards.md:6: error: the card `{{< answer should-you-roll-your-lower-bak >}}` names no"
                        + " published answer — did you mean `should-you-roll-your-lower-back`? (unknown-answer-card)");
        // the issue is kept: the email leaves the card out
        assertThat(site.issue("cards")).isPresent();
    }

    @Test
    void aCardToADraftIsUnknownToo() throws IOException {
        given("newsletters/draft-card.md", "---\nsubject: S\n---\n{{< answer a-draft-answer >}}\n");
        assertThat(site.problems()).extracting(Problem::rule).containsExactly("unknown-answer-card");
    }

    @Test
    void aMissingSubjectABadSendTimeAndUnknownKeysAreErrors() throws IOException {
        given("newsletters/bad.md", "---\npreheader: P\nsend_after: next tuesday\n---\nHello\n");
        assertThat(site.problems()).extracting(p -> p.file() + ":" + p.line() + " " + p.rule())
                .containsExactlyInAnyOrder("newsletters/bad.md:1 missing-key", "newsletters/bad.md:3 invalid-date");
        assertThat(site.issue("bad")).isEmpty();
    }

    @Test
    void theSignupRoutesAreNoIssueSlugs() throws IOException {
        given("newsletters/confirm.md", "---\nsubject: S\n---\nHello\n");
        assertThat(site.problems()).extracting(Problem::rule).containsExactly("reserved-slug");
        assertThat(site.issue("confirm")).isEmpty();
    }

    @Test
    void issueAddressesLeaveTheSignupRoutesWhereTheyWere() {
        assertThat(Address.of("/newsletter/subscribe")).isEqualTo(Address.of(Address.Kind.NEWSLETTER, "subscribe"));
        assertThat(Address.of("/newsletter/confirm").kind()).isEqualTo(Address.Kind.NEWSLETTER);
        assertThat(Address.of("/newsletter/unsubscribe").kind()).isEqualTo(Address.Kind.NEWSLETTER);
        assertThat(Address.of("/newsletter/june-rolling")).isEqualTo(Address.of(Address.Kind.ISSUE, "june-rolling"));
        assertThat(Address.of("/newsletter/")).isEqualTo(Address.of(Address.Kind.ISSUES));
        assertThat(Address.of("/newsletter/feed.xml")).isEqualTo(Address.of(Address.Kind.ISSUES_RSS));
        assertThat(Address.of("/newsletter/preview/june-rolling"))
                .isEqualTo(Address.of(Address.Kind.ISSUE_PREVIEW, "june-rolling"));
        assertThat(Address.of("/r/abc.def")).isEqualTo(Address.of(Address.Kind.REDIRECT, "abc.def"));
        assertThat(Address.Kind.ISSUE_PREVIEW.dynamic()).isTrue();
        assertThat(Address.Kind.REDIRECT.dynamic()).isTrue();
        assertThat(Address.reservedSlugs()).contains("newsletter", "r");
    }
}
