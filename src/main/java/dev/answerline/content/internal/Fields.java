package dev.answerline.content.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.answerline.content.Problem;
import dev.answerline.content.Suggestions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed, validated access to one YAML mapping of a content file. Every accessor that finds a missing,
 * mistyped or invalid value records a {@link Problem} at the value's line and returns a placeholder;
 * callers build their record and then ask {@link #failed()} whether to keep it.
 *
 * <p>Values are the texts the editor wrote ({@link YamlTree}); numbers, dates and true/false are read from
 * that text here, strictly: {@code 0x1F} is no whole number and {@code on} is not true. A key whose value is
 * {@code ~} or {@code null} has no value: an optional key is as if absent, a required one is reported.
 *
 * <p>Not thread-safe: one instance reads one file.
 */
public final class Fields {
    /** Whole numbers in decimal digits; {@code 010} is ten, as an editor means it, not YAML 1.1's eight. */
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    /** Numbers in decimal digits with an optional fraction: no exponents, hexadecimal, infinity or NaN. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");

    private final String file;
    private final String pointer;
    private final String prefix;
    private final ObjectNode node;
    private final Map<String, Integer> lines;
    private final int line;
    private final List<Problem> problems;
    private final int[] errors;
    /** Known keys that an unknown key looked like: their absence is that typo, reported once. */
    private final java.util.Set<String> misspelled = new java.util.HashSet<>();

    private Fields(String file, String pointer, String prefix, ObjectNode node, Map<String, Integer> lines,
            int line, List<Problem> problems, int[] errors) {
        this.file = file;
        this.pointer = pointer;
        this.prefix = prefix;
        this.node = node;
        this.lines = lines;
        this.line = line;
        this.problems = problems;
        this.errors = errors;
    }

    /** The top-level mapping of a file; problems go to {@code problems}. */
    public static Fields of(String file, YamlTree tree, List<Problem> problems) {
        return new Fields(file, "", "", tree.root(), tree.lines(), 1, problems, new int[1]);
    }

    /** True once any accessor (here or in a nested mapping) has recorded an error. */
    public boolean failed() {
        return errors[0] > 0;
    }

    public String file() {
        return file;
    }

    /** The file line of a key in this mapping, or the mapping's own line when the key is absent. */
    public int line(String key) {
        return lines.getOrDefault(pointer + "/" + key, line);
    }

    /** Records an error about a key of this mapping. */
    public void error(String key, String rule, String what, String fix) {
        errors[0]++;
        problems.add(Problem.error(file, line(key), rule, what, fix));
    }

    /** Rejects keys not in {@code known}, suggesting the closest known one. */
    public void allowOnly(Collection<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                java.util.Optional<String> closest = Suggestions.closest(key, known);
                closest.ifPresent(misspelled::add);
                String fix = closest.map(s -> "did you mean `" + prefix + s + "`? Rename it, or remove the line")
                        .orElse("remove it; the keys allowed here are " + String.join(", ", known));
                error(key, "unknown-key", "unknown key `" + prefix + key + "`", fix);
            }
        });
    }

    /** The keys of this mapping, in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Whether the value of a key is a single value (not a list or group). */
    public boolean isScalar(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isValueNode();
    }

    /** A number, or null after recording an error when it is not one. */
    public Double number(String key) {
        JsonNode value = node.get(key);
        String text = value == null || !value.isValueNode() || value.isNull() ? "" : value.asText().strip();
        if (DECIMAL.matcher(text).matches()) {
            return Double.valueOf(text);
        }
        error(key, "wrong-type", "`" + prefix + key + ": " + text + "` must be a number",
                "write a number in digits such as `" + key + ": 40` or `" + key + ": 2.5`");
        return null;
    }

    public boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** A required text value, trimmed; "" after recording an error when missing or not text. */
    public String text(String key) {
        String value = optionalText(key);
        if (value == null && !has(key)) {
            missing(key, "a short text");
            return "";
        }
        if (value != null && value.isEmpty()) {
            error(key, "empty-value", "`" + prefix + key + "` is empty", "write the text after `" + key + ": `");
        }
        return value == null ? "" : value;
    }

    /** An optional text value, trimmed, or null. */
    public String optionalText(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            error(key, "wrong-type", "`" + prefix + key + "` must be a single text, not a " + kind(value),
                    "write it on one line as `" + key + ": your text`");
            return null;
        }
        return value.asText().strip();
    }

    /** A required date written YYYY-MM-DD; null after recording an error. */
    public LocalDate date(String key) {
        if (!has(key)) {
            missing(key, "a date such as 2025-03-14");
            return null;
        }
        return optionalDate(key);
    }

    /** An optional date written YYYY-MM-DD, or null. */
    public LocalDate optionalDate(String key) {
        String value = optionalText(key);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(key, "invalid-date", "`" + prefix + key + ": " + value + "` is not a valid date",
                    "write it as YYYY-MM-DD, e.g. `" + key + ": 2025-03-14`");
            return null;
        }
    }

    /** A list of texts; an empty list after recording an error when required and missing. */
    public List<String> textList(String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                missing(key, "a list, one `- item` per line");
            }
            return List.of();
        }
        if (!value.isArray()) {
            error(key, "wrong-type", "`" + prefix + key + "` must be a list, not a single " + kind(value),
                    "write each item on its own line under `" + key + ":` starting with `  - `");
            return List.of();
        }
        List<String> items = new ArrayList<>();
        int errorsBefore = errors[0];
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isNull()) {
                errors[0]++;
                problems.add(Problem.error(file, lines.getOrDefault(pointer + "/" + key + "/" + i, line(key)),
                        "empty-value", "item " + (i + 1) + " of `" + prefix + key + "` has no value (`~` and `null`"
                                + " mean none in YAML)", "write its text after `- `; to show `~` or `null` as text,"
                                        + " put it in quotes"));
            } else if (!item.isValueNode()) {
                errors[0]++;
                problems.add(Problem.error(file, lines.getOrDefault(pointer + "/" + key + "/" + i, line(key)),
                        "wrong-type", "item " + (i + 1) + " of `" + prefix + key + "` must be a text",
                        "write it as `- your text`"));
            } else if (!item.asText().isBlank()) {
                items.add(item.asText().strip());
            }
        }
        if (required && items.isEmpty() && errors[0] == errorsBefore) {
            error(key, "empty-value", "`" + prefix + key + "` has no items", "add at least one `- item` line");
        }
        return items;
    }

    /** Records an error when the list at {@code key} has more than {@code max} items; {@code fix} says why. */
    public void atMost(String key, int max, String fix) {
        JsonNode value = node.get(key);
        if (value != null && value.isArray() && value.size() > max) {
            error(key, "too-many-items", String.format(java.util.Locale.ROOT, "`%s%s` has %,d items; %d at most are"
                    + " accepted", prefix, key, value.size(), max), fix);
        }
    }

    /** A true/false value (true, false, yes or no, in any case), false when absent. */
    public boolean flag(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        String text = value.asText().strip().toLowerCase(java.util.Locale.ROOT);
        if (text.equals("true") || text.equals("yes")) {
            return true;
        }
        if (!text.equals("false") && !text.equals("no")) {
            error(key, "wrong-type", "`" + prefix + key + ": " + value.asText() + "` must be true or false",
                    "write `" + key + ": true` or `" + key + ": false`");
        }
        return false;
    }

    /** A whole number, {@code otherwise} when absent. */
    public int integer(String key, int otherwise) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        String text = value.isValueNode() ? value.asText().strip() : "";
        if (WHOLE.matcher(text).matches()) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                error(key, "wrong-type", "`" + prefix + key + ": " + text + "` is too large a number",
                        "write a whole number below 2,147,483,648, such as `" + key + ": 10`");
                return otherwise;
            }
        }
        error(key, "wrong-type", "`" + prefix + key + ": " + (value.isValueNode() ? text : "...") + "` must be a whole"
                + " number", "write it in decimal digits, such as `" + key + ": 10`");
        return otherwise;
    }

    /** An optional id or slug (a-z, 0-9, single hyphens), or null. */
    public String optionalSlug(String key) {
        String value = optionalText(key);
        if (value != null && !dev.answerline.content.Slug.isSlug(value)) {
            error(key, "invalid-slug", "`" + prefix + key + ": " + value + "` is not a valid id",
                    "use lower-case letters, digits and single hyphens, e.g. `" + slugify(value) + "`");
            return null;
        }
        return value;
    }

    /** A required id referring to another file; validated for form only. */
    public String slug(String key) {
        if (!has(key)) {
            missing(key, "the id of the file it refers to (its name without .md)");
            return "";
        }
        String value = optionalSlug(key);
        return value == null ? "" : value;
    }

    /** A list of ids or slugs, each validated for form. */
    public List<String> slugList(String key) {
        List<String> slugs = new ArrayList<>();
        for (String value : textList(key, false)) {
            if (dev.answerline.content.Slug.isSlug(value)) {
                slugs.add(value);
            } else {
                error(key, "invalid-slug", "`" + value + "` in `" + prefix + key + "` is not a valid slug",
                        "use lower-case letters, digits and single hyphens, e.g. `" + slugify(value) + "`");
            }
        }
        return slugs;
    }

    /**
     * Old addresses of a page: slugs ({@code foam-roll-lower-back}, under {@code /answers/}), or whole site paths
     * another tool served it at ({@code /2023/05/foam-roll-lower-back/}), kept without their final slash.
     */
    public List<String> aliasList(String key) {
        List<String> aliases = new ArrayList<>();
        for (String value : textList(key, false)) {
            if (dev.answerline.content.Slug.isSlug(value)) {
                aliases.add(value);
            } else if (dev.answerline.content.Address.isOldPath(value)) {
                aliases.add(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            } else {
                error(key, "invalid-alias", "`" + value + "` in `" + prefix + key + "` is neither a slug nor a site path",
                        "use a slug such as `" + slugify(value) + "`, or a path of letters, digits, `.`, `_`, `~`"
                                + " and `-` between slashes, such as `/2023/05/" + slugify(value) + "/`");
            }
        }
        return aliases;
    }

    /** A link target: an absolute http(s) URL or a site path starting with one {@code /}. */
    public String url(String key, boolean required) {
        String value = required ? text(key) : optionalText(key);
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (!isSafeUrl(value)) {
            error(key, "invalid-url", "`" + prefix + key + ": " + value + "` is not a usable link",
                    "use a full address starting with https:// or a site path starting with /");
            return null;
        }
        return value;
    }

    /** A list of absolute http(s) URLs. */
    public List<String> urlList(String key) {
        List<String> urls = new ArrayList<>();
        for (String value : textList(key, false)) {
            if (isSafeUrl(value) && !value.startsWith("/")) {
                urls.add(value);
            } else {
                error(key, "invalid-url", "`" + value + "` in `" + prefix + key + "` is not a full web address",
                        "use an address starting with https://");
            }
        }
        return urls;
    }

    /** A nested mapping, or null (after recording an error if it is not a mapping). */
    public Fields object(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            error(key, "wrong-type", "`" + prefix + key + "` must be a group of `key: value` lines, not a " + kind(value),
                    "indent its keys under `" + key + ":`");
            return null;
        }
        return new Fields(file, pointer + "/" + key, prefix + key + ".", (ObjectNode) value, lines, line(key),
                problems, errors);
    }

    /** A mapping whose values are mappings (e.g. calls to action by id), in file order. */
    public Map<String, Fields> objects(String key) {
        Map<String, Fields> result = new LinkedHashMap<>();
        Fields outer = object(key);
        if (outer == null) {
            return result;
        }
        outer.node.fieldNames().forEachRemaining(name -> {
            Fields inner = outer.object(name);
            if (inner != null) {
                result.put(name, inner);
            }
        });
        return result;
    }

    /** A list of mappings (e.g. related questions); each item's keys are reported as {@code key[n].name}. */
    public List<Fields> objectList(String key) {
        JsonNode value = node.get(key);
        List<Fields> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            error(key, "wrong-type", "`" + prefix + key + "` must be a list", "start each item with `  - `");
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            String itemPointer = pointer + "/" + key + "/" + i;
            int itemLine = lines.getOrDefault(itemPointer, line(key));
            if (!value.get(i).isObject()) {
                errors[0]++;
                problems.add(Problem.error(file, itemLine, "wrong-type",
                        "item " + (i + 1) + " of `" + prefix + key + "` must be a group of `key: value` lines",
                        "write it as `- question: ...` with `answer: ...` indented below"));
                continue;
            }
            result.add(new Fields(file, itemPointer, prefix + key + "[" + (i + 1) + "].", (ObjectNode) value.get(i),
                    lines, itemLine, problems, errors));
        }
        return result;
    }

    /** A mapping of text to text (e.g. query parameters), in file order. */
    public Map<String, String> textMap(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        Fields inner = object(key);
        if (inner == null) {
            return result;
        }
        inner.node.fieldNames().forEachRemaining(name -> {
            String value = inner.optionalText(name);
            if (value != null) {
                result.put(name, value);
            }
        });
        return result;
    }

    private void missing(String key, String example) {
        if (node.has(key)) {
            error(key, "empty-value", "`" + prefix + key + "` has no value (`~` and `null` mean none in YAML)",
                    "write " + example + " after `" + key + ": `; to show `~` or `null` as text, put it in quotes");
            return;
        }
        errors[0]++;
        if (misspelled.contains(key)) {
            return;
        }
        problems.add(Problem.error(file, line, "missing-key", "the required key `" + prefix + key + "` is missing",
                "add a line `" + key + ": ...` with " + example));
    }

    static boolean isSafeUrl(String value) {
        if (value.startsWith("/")) {
            return !value.startsWith("//") && value.chars().noneMatch(Character::isWhitespace);
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A valid slug resembling {@code text}, for fix suggestions and the {@code new} command. */
    public static String slugify(String text) {
        return dev.answerline.content.Slug.of(text);
    }

    private static String kind(JsonNode value) {
        if (value.isArray()) {
            return "list";
        }
        return value.isObject() ? "group of keys" : "value";
    }
}
