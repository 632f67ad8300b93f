package dev.answerline.content;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs: lower-case letters and digits in words joined by single hyphens. */
public final class Slug {
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Slug() {}

    /** Whether {@code text} is a slug as {@link #of} makes them. */
    public static boolean isSlug(String text) {
        return SLUG.matcher(text).matches();
    }

    /** The slug for a title or question: {@code "Should you roll your IT band?"} is {@code should-you-roll-your-it-band}. */
    public static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "page" : slug;
    }
}
