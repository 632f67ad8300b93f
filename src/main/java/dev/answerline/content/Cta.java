package dev.answerline.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call to action from {@code site.yaml}: a heading, a primary link that carries tracking parameters
 * naming the answer, and an optional secondary link.
 *
 * @param text inline Markdown, or null
 * @param params query parameters appended to {@code url}; values may contain {@code {slug}}
 * @param secondary null when there is none
 */
public record Cta(String id, String heading, String text, String label, String url, Map<String, String> params,
        SiteConfig.Link secondary) {

    public Cta {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The primary link for an answer: {@code url} with every parameter appended, {@code {slug}} filled in
     * and each key and value percent-encoded. Parameters already in {@code url} are kept unless a
     * configured parameter of the same name replaces them; a {@code #fragment} stays at the end.
     */
    public String primaryUrl(String slug) {
        String base = url;
        String fragment = "";
        int hash = base.indexOf('#');
        if (hash >= 0) {
            fragment = base.substring(hash);
            base = base.substring(0, hash);
        }
        String query = "";
        int question = base.indexOf('?');
        if (question >= 0) {
            query = base.substring(question + 1);
            base = base.substring(0, question);
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String key = pair.split("=", 2)[0];
            if (!params.containsKey(decode(key))) {
                pairs.add(pair);
            }
        }
        params.forEach((key, value) -> pairs.add(encode(key) + "=" + encode(value.replace("{slug}", slug))));
        return pairs.isEmpty() ? base + fragment : base + "?" + String.join("&", pairs) + fragment;
    }

    private static String encode(String s) {
        // URLEncoder writes form encoding; %20 is what every URL parser reads as a space.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
