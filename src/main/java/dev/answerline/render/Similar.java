package dev.answerline.render;

import java.util.List;
import java.util.Map;

/**
 * For each answer, the answers of its category most like it, most similar first: what the
 * "More ... Questions" box shows when the answer names none of its own ({@code more} in front matter).
 * The search index makes it; without one, the box falls back to the newest answers of the category.
 *
 * @param bySlug similar answers' slugs by answer slug
 */
public record Similar(Map<String, List<String>> bySlug) {
    /** No similarities known: every box shows the newest answers of its category. */
    public static final Similar NONE = new Similar(Map.of());

    public Similar {
        bySlug = Map.copyOf(bySlug);
    }

    /** The slugs of the answers most like the one with this slug; empty when unknown. */
    public List<String> to(String slug) {
        return bySlug.getOrDefault(slug, List.of());
    }
}
