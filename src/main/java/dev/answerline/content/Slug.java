package dev.answerline.content;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs: lower-case letters and digits in words joined by single hyphens. */
public final class Slug {
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** Plain segments, at least one, none of dots alone (which would lead out of an export's folder). */
    private static final java.util.regex.Pattern OLD_PATH =
            java.util.regex.Pattern.compile("(/(?!\\.+(?:/|$))[A-Za-z0-9._~-]+)+/?");

    private Slug() {}

    /** Whether {@code text} is a slug as {@link #of} makes them. */
    public static boolean isSlug(String text) {
        return SLUG.matcher(text).matches();
    }

    /**
     * Whether {@code text} is a site path an answer's {@code aliases} may keep: an address another tool served
     * it at, such as {@code /2023/05/foam-roll-lower-back/}.
     */
    public static boolean isOldPath(String text) {
        return OLD_PATH.matcher(text).matches();
    }

    /** The slug for a title or question: {@code "Should you roll your IT band?"} is {@code should-you-roll-your-it-band}. */
    public static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "page" : slug;
    }
}
