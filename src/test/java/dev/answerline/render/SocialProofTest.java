package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.content.SiteConfig;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SocialProofTest {
    private static final SiteConfig.Newsletter NEWSLETTER = new SiteConfig.Newsletter("Tips", "Pitch",
            "Join {count} people who <roll>.", "No spam.", 50, "ok", "fail", null, java.util.List.of());

    @Test
    void roundsDownToAFriendlyFigure() {
        assertThat(SocialProof.friendly(87, Locale.ENGLISH)).isEqualTo("80+");
        assertThat(SocialProof.friendly(50, Locale.ENGLISH)).isEqualTo("50+");
        assertThat(SocialProof.friendly(999, Locale.ENGLISH)).isEqualTo("900+");
        assertThat(SocialProof.friendly(1000, Locale.ENGLISH)).isEqualTo("1,000+");
        assertThat(SocialProof.friendly(2650, Locale.ENGLISH)).isEqualTo("2,600+");
        assertThat(SocialProof.friendly(10_432, Locale.ENGLISH)).isEqualTo("10,000+");
        assertThat(SocialProof.friendly(123_456, Locale.ENGLISH)).isEqualTo("120,000+");
        assertThat(SocialProof.friendly(7, Locale.ENGLISH)).isEqualTo("7+");
    }

    @Test
    void usesTheSitesLanguageForSeparators() {
        assertThat(SocialProof.friendly(10_432, Locale.GERMAN)).isEqualTo("10.000+");
    }

    @Test
    void isLeftOutBelowTheMinimum() {
        SocialProof proof = new SocialProof(NEWSLETTER, Locale.ENGLISH);
        assertThat(proof.html(0)).isEmpty();
        assertThat(proof.html(49)).isEmpty();
        assertThat(proof.html(50)).isEqualTo("<p class=\"newsletter-proof\">Join <strong>50+</strong> people who &lt;roll&gt;.</p>");
        assertThat(proof.html(10_432)).contains("<strong>10,000+</strong>");
    }

    @Test
    void aSiteWithoutNewsletterHasNone() {
        assertThat(new SocialProof(null, Locale.ENGLISH).html(100_000)).isEmpty();
    }
}
