package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.MutableClock;
import dev.answerline.server.RateLimiter;
import dev.answerline.newsletter.internal.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensAndLimitsTest {
    @Test
    void tokensCarry32RandomBytesAndAreStoredAsTheirHash() {
        Tokens.Token token = Tokens.create();
        assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
        assertThat(token.hash()).hasSize(64).isEqualTo(Tokens.hash(token.value())).doesNotContain(token.value());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(Tokens.create().value())).isTrue();
        }
    }

    @Test
    void onlyWellFormedTokensAreLookedUp() {
        assertThat(Tokens.wellFormed(Tokens.create().value())).isTrue();
        assertThat(Tokens.wellFormed(null)).isFalse();
        assertThat(Tokens.wellFormed("short")).isFalse();
        assertThat(Tokens.wellFormed("'; DROP TABLE subscriber; --" + "x".repeat(15))).isFalse();
    }

    @Test
    void theRateLimitCountsPerClientAndWindow() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = RateLimiter.inMemory(3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1")).isZero();
        }
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(600);
        assertThat(limiter.acquire("10.0.0.2")).isZero();
        clock.advance(Duration.ofMinutes(4));
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(360);
        clock.advance(Duration.ofMinutes(6));
        assertThat(limiter.acquire("10.0.0.1")).isZero();
    }

    @Test
    void aLimitOfZeroAllowsEverything() {
        RateLimiter limiter = RateLimiter.inMemory(0, Duration.ofMinutes(1), Clock.systemUTC());
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.acquire("x")).isZero();
        }
    }

    @Test
    void mailSettingsComeFromTheEnvironmentAndHideThePassword() {
        assertThat(MailSettings.fromEnvironment(Map.of())).isNull();
        MailSettings mail = MailSettings.fromEnvironment(Map.of("ANSWERLINE_SMTP_HOST", "smtp.example.com",
                "ANSWERLINE_SMTP_USER", "robot", "ANSWERLINE_SMTP_PASSWORD", "hunter2"));
        assertThat(mail.port()).isEqualTo(587);
        assertThat(mail.security()).isEqualTo(MailSettings.Security.STARTTLS);
        assertThat(mail.toString()).isEqualTo("smtp://robot@smtp.example.com:587 (starttls, password set)")
                .doesNotContain("hunter2");
        assertThat(MailSettings.fromEnvironment(Map.of("ANSWERLINE_SMTP_HOST", "h", "ANSWERLINE_SMTP_SECURITY", "tls"))
                .port()).isEqualTo(465);
    }

    @Test
    void csvCellsCannotBecomeFormulas() {
        assertThat(SubscriberCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(SubscriberCsv.cell("+1")).isEqualTo("'+1");
        assertThat(SubscriberCsv.cell("-2")).isEqualTo("'-2");
        assertThat(SubscriberCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SubscriberCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(SubscriberCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(SubscriberCsv.cell("plain@example.com")).isEqualTo("plain@example.com");
    }
}
