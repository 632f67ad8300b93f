package dev.answerline.content;

import dev.answerline.content.internal.Fields;
import dev.answerline.language.Label;
import dev.answerline.language.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code strings:} of site.yaml over the bundled texts of the site's language: the site's {@link Labels}. */
final class LabelsReader {
    private LabelsReader() {}

    /**
     * The engine's texts: the bundle of {@code language} with {@code strings:} over it. A language without a
     * bundle gets English, and a warning until {@code strings:} gives every text.
     */
    static Labels read(Fields site, String language, List<Problem> found) {
        Map<String, String> strings = new LinkedHashMap<>();
        Fields f = site.object("strings");
        List<String> keys = Label.allTextKeys();
        List<String> newsletterKeys = List.of(Label.NEWSLETTER_SUCCESS.key(), Label.NEWSLETTER_FAILURE.key());
        for (String key : f == null ? List.<String>of() : f.keys()) {
            Optional<Label> label = Label.ofTextKey(key);
            if (label.isEmpty()) {
                String fix = Suggestions.closest(key, keys).map(k -> "did you mean `strings." + k + "`? Rename it,"
                        + " or remove the line").orElse("remove it; the keys are listed in docs/content-format.md"
                                + " (Labels)");
                f.error(key, "unknown-key", "unknown key `strings." + key + "`", fix);
                continue;
            }
            if (label.get() == Label.NEWSLETTER_SUCCESS || label.get() == Label.NEWSLETTER_FAILURE) {
                String name = key.substring(key.indexOf('.') + 1);
                f.error(key, "misplaced-key", "`strings." + key + "` is set in the newsletter block",
                        "move it to `newsletter:` as `" + name + ": ...`");
                continue;
            }
            String text = f.text(key);
            List<String> unknown = Labels.unknownPlaceholders(label.get(), text);
            if (!unknown.isEmpty()) {
                List<String> known = label.get().placeholders().stream().map(p -> "{" + p + "}").toList();
                f.error(key, "unknown-placeholder", "`strings." + key + "` has " + String.join(", ", unknown)
                        + ", which is not filled in", known.isEmpty() ? "this text takes no placeholders: remove it"
                                : "use " + String.join(" or ", known) + ", or remove it");
            } else if (!text.isEmpty()) {
                strings.put(key, text);
            }
        }
        if (!Labels.isBundled(language)) {
            List<String> own = keys.stream().filter(k -> !newsletterKeys.contains(k)).toList();
            long missing = own.stream().filter(k -> !strings.containsKey(k)).count();
            if (missing > 0) {
                found.add(new Problem(site.file(), site.line("language"), Severity.WARNING, "untranslated",
                        "Answerline has no texts in `language: " + language + "`, so " + missing + " of its "
                                + own.size() + " labels show in English", "give each of them in your language under"
                                + " `strings:` (keys in docs/content-format.md, Labels) and the newsletter's `success`"
                                + " and `failure`, or use one of " + String.join(", ", Labels.BUNDLED)));
            }
        }
        return Labels.of(language, strings);
    }

}
