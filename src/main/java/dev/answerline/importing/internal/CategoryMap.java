package dev.answerline.importing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.answerline.content.Slug;
import dev.answerline.importing.ImportException;
import dev.answerline.importing.Imported;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the posts of each source category become ({@code --category-map FILE}): answers (in that category or
 * another), blog posts, pages, or nothing. A post that no entry names becomes an answer when it reads as one
 * (a question for a title, a FAQ block), in its first category, and a blog post otherwise.
 *
 * <pre>
 * back-relief: answers            # answers, in the category back-relief
 * running: answers/sports         # answers, in the category sports
 * news: blog
 * legal: pages
 * old-stuff: skip
 * </pre>
 */
public final class CategoryMap {
    private static final Pattern VALUE = Pattern.compile("answers(/[a-z0-9]+(-[a-z0-9]+)*)?|blog|pages|skip");

    /** What an item becomes. */
    public enum Kind { ANSWER, POST, PAGE, SKIP }

    /** What an item becomes, and for an answer its category id (null: none). */
    public record Target(Kind kind, String category) {}

    private final Map<String, String> entries;
    private final Map<String, Imported.Category> known = new LinkedHashMap<>();
    /** The source's category pages, by its category id. */
    private final Map<String, String> oldPaths = new HashMap<>();
    /** The source's category pages that answers' categories now stand for, by the new category id. */
    private final Map<String, java.util.Set<String>> movedTo = new HashMap<>();

    private CategoryMap(Map<String, String> entries) {
        this.entries = entries;
    }

    /** No map: every post goes where it reads as going. */
    public static CategoryMap none() {
        return new CategoryMap(Map.of());
    }

    /**
     * Reads a map file.
     *
     * @throws ImportException when it is not a YAML mapping of category to {@code answers}, {@code answers/ID},
     *     {@code blog}, {@code pages} or {@code skip}
     */
    public static CategoryMap read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > 1 << 20) {
                throw new ImportException(file + " is larger than 1 MiB", "a category map has a line per category");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ImportException("cannot read the category map " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""),
                    "write it as lines of `source-category: answers` (or answers/ID, blog, pages, skip)", e);
        }
        if (root == null || !root.isObject()) {
            throw new ImportException(file + " is not a mapping of categories",
                    "write it as lines of `source-category: answers` (or answers/ID, blog, pages, skip)");
        }
        Map<String, String> entries = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String value = entry.getValue().asText("").strip();
            if (!VALUE.matcher(value).matches()) {
                throw new ImportException(file + ": `" + entry.getKey() + ": " + value + "` says neither answers,"
                        + " answers/ID, blog, pages nor skip", "use one of those, an ID in lower-case letters,"
                        + " digits and hyphens: answers/" + Slug.of(value));
            }
            entries.put(key(entry.getKey()), value);
        }
        return new CategoryMap(entries);
    }

    /**
     * Tells the map a category's name and description as the source has them.
     *
     * @param oldPath the address of the source's page of the category ({@code /category/legs}), or null
     */
    void name(String id, String name, String description, String oldPath) {
        String slug = Slug.of(id.isBlank() ? name : id);
        known.put(slug, new Imported.Category(slug, name == null || name.isBlank() ? id : name.strip(),
                description == null || description.isBlank() ? null : description.strip(), List.of()));
        if (oldPath != null) {
            oldPaths.put(slug, oldPath);
        }
    }

    /**
     * The category of answers named {@code id}: as the source has it, or named after its id; with the old
     * addresses of the source categories whose answers went into it.
     */
    Imported.Category category(String id) {
        List<String> paths = List.copyOf(movedTo.getOrDefault(id, java.util.Set.of()));
        Imported.Category category = known.get(id);
        if (category != null) {
            return new Imported.Category(id, category.name(), category.description(), paths);
        }
        String name = id.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + id.substring(1).replace('-', ' ');
        return new Imported.Category(id, name, null, paths);
    }

    /**
     * What an item in {@code categories} (the source's ids or names, first first) becomes.
     *
     * @param readsAsAnswer whether the item reads as an answer, for when no entry names its categories
     */
    Target target(List<String> categories, boolean readsAsAnswer) {
        for (String category : categories) {
            String value = entries.get(key(category));
            if (value == null && known.containsKey(Slug.of(category))) {
                Imported.Category named = known.get(Slug.of(category));
                value = entries.get(key(named.name()));
            }
            if (value != null) {
                return moved(category, switch (value) {
                    case "blog" -> new Target(Kind.POST, null);
                    case "pages" -> new Target(Kind.PAGE, null);
                    case "skip" -> new Target(Kind.SKIP, null);
                    case "answers" -> new Target(Kind.ANSWER, Slug.of(category));
                    default -> new Target(Kind.ANSWER, value.substring("answers/".length()));
                });
            }
        }
        if (!readsAsAnswer) {
            return new Target(Kind.POST, null);
        }
        return categories.isEmpty() || categories.get(0).equalsIgnoreCase("uncategorized")
                ? new Target(Kind.ANSWER, null) : moved(categories.get(0), new Target(Kind.ANSWER,
                        Slug.of(categories.get(0))));
    }

    /** {@code target}, noting that the source's page of {@code category} is now its category's. */
    private Target moved(String category, Target target) {
        String oldPath = oldPaths.get(Slug.of(category));
        if (target.kind() == Kind.ANSWER && target.category() != null && oldPath != null) {
            movedTo.computeIfAbsent(target.category(), id -> new java.util.TreeSet<>()).add(oldPath);
        }
        return target;
    }

    private static String key(String category) {
        return category.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
