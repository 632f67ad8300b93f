package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    @Test
    void trimsAndLowerCasesTheDomainOnly() {
        assertThat(EmailAddress.check("  Jane.Doe@Example.COM ").address().value()).isEqualTo("Jane.Doe@example.com");
    }

    @Test
    void internationalDomainsAreStoredInTheirAsciiForm() {
        assertThat(EmailAddress.check("anna@bücher.de").address().value()).isEqualTo("anna@xn--bcher-kva.de");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last+tag@sub.example.org", "o'neil@example.ie", "x_y-z@a-b.example",
        "u@xn--bcher-kva.de"})
    void acceptsUsualAddresses(String address) {
        assertThat(EmailAddress.check(address).ok()).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "plain", "a@@b.co", "a@b@c.co", "@example.com", "a@", ".a@example.com",
        "a.@example.com", "a..b@example.com", "a b@example.com", "a@example", "a@-example.com", "a@example-.com",
        "a@exa_mple.com", "a@example.c", "a@example.123", "\"quoted\"@example.com", "a@example..com",
        "a@example.com\r\nBcc: x@evil.example", "a@example.com\n", "\ra@example.com", "<a@example.com>"})
    void refusesEverythingElse(String address) {
        assertThat(EmailAddress.check(address).ok()).as(address).isFalse();
    }

    @Test
    void refusesTooLongParts() {
        assertThat(EmailAddress.check("a".repeat(64) + "@example.com").ok()).isTrue();
        assertThat(EmailAddress.check("a".repeat(65) + "@example.com").ok()).isFalse();
        String longDomain = ("d".repeat(60) + ".").repeat(5) + "com";
        assertThat(EmailAddress.check("ab@" + longDomain).ok()).isFalse();
        assertThat(EmailAddress.check("a".repeat(64) + "@" + ("d".repeat(60) + ".").repeat(3) + "d".repeat(3) + ".com")
                .ok()).as("254 characters in all is the most").isFalse();
    }

    @Test
    void saysWhatIsWrong() {
        assertThat(EmailAddress.check("a@b@c.co").problem()).isEqualTo("it needs exactly one @");
        assertThat(EmailAddress.check("a\r\n@b.co").problem()).isEqualTo("it contains a line break");
        assertThat(EmailAddress.check("a@localhost").problem()).isEqualTo("the domain is not valid");
    }

    @Test
    void masksForLogsAndMatchesBlockedDomains() {
        EmailAddress address = EmailAddress.check("jane@mail.spam.example").address();
        assertThat(address.masked()).isEqualTo("j***@mail.spam.example");
        assertThat(address.isIn("spam.example")).isTrue();
        assertThat(address.isIn("Mail.Spam.Example")).isTrue();
        assertThat(address.isIn("am.example")).isFalse();
    }
}
