package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CtaTest {
    private static Cta cta(String url, Map<String, String> params) {
        return new Cta("shop", "Heading", null, "Shop", url, params, null);
    }

    private static Map<String, String> params(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void appendsParametersWithTheSlugFilledIn() {
        Cta cta = cta("https://shop.example/rollers", params("utm_source", "answers", "utm_content", "{slug}"));
        assertThat(cta.primaryUrl("lumbar-spine"))
                .isEqualTo("https://shop.example/rollers?utm_source=answers&utm_content=lumbar-spine");
    }

    @Test
    void keepsExistingParametersAndTheFragment() {
        Cta cta = cta("https://shop.example/rollers?ref=hub#top", params("utm_content", "{slug}"));
        assertThat(cta.primaryUrl("x")).isEqualTo("https://shop.example/rollers?ref=hub&utm_content=x#top");
    }

    @Test
    void aConfiguredParameterReplacesOneOfTheSameNameInTheUrl() {
        Cta cta = cta("https://shop.example/?utm_source=old&keep=1", params("utm_source", "answers"));
        assertThat(cta.primaryUrl("x")).isEqualTo("https://shop.example/?keep=1&utm_source=answers");
    }

    @Test
    void encodesEveryKeyAndValue() {
        Cta cta = cta("/products", params("utm campaign", "spring & summer/2026", "q", "a=b?c"));
        assertThat(cta.primaryUrl("x"))
                .isEqualTo("/products?utm%20campaign=spring%20%26%20summer%2F2026&q=a%3Db%3Fc");
    }

    @Test
    void withoutParametersTheUrlIsUnchanged() {
        assertThat(cta("https://shop.example/a?b=c", params()).primaryUrl("x")).isEqualTo("https://shop.example/a?b=c");
    }
}
