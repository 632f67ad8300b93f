package dev.answerline.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's own texts in a site's language: every {@link Label}, with the site's {@code strings:} over the
 * bundled translations, and the language's forms of dates and numbers. Templates and code ask it; nothing
 * else holds a text a reader sees that the site did not write.
 *
 * <pre>{@code
 * Labels labels = Labels.of("de", Map.of());
 * labels.text(Label.DIRECT_ANSWER);                    // "Die kurze Antwort"
 * labels.text(Label.MORE_QUESTIONS, "Rücken");          // "Mehr Fragen zu Rücken"
 * labels.text(Label.SEARCH_RESULTS, 2, "rolle");        // "2 Ergebnisse für „rolle“"
 * labels.date(LocalDate.of(2026, 1, 15));               // "15. Januar 2026"
 * }</pre>
 *
 * <p>Languages without a bundle get the English texts. Immutable and thread-safe.
 */
public final class Labels {
    /** The languages with bundled texts, by their ISO 639-1 code: every {@link Language}. */
    public static final List<String> BUNDLED = Arrays.stream(Language.values()).map(Language::code).toList();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Map<String, Map<String, String>> BUNDLES = new ConcurrentHashMap<>();

    private final String language;
    private final Locale locale;
    private final Map<String, String> texts;
    private final DateTimeFormatter dates;

    private Labels(String language, Map<String, String> texts) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.texts = Map.copyOf(texts);
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }

    /**
     * The texts for a language, with overrides.
     *
     * @param language a BCP 47 tag such as {@code de} or {@code de-AT}: its language picks the bundle (English
     *     when none is bundled), the whole tag the forms of dates and numbers
     * @param strings texts by text key ({@link Label#textKeys()}) that replace the bundled ones; keys must be
     *     known and texts use only their label's placeholders (site.yaml's reader checks both)
     */
    public static Labels of(String language, Map<String, String> strings) {
        Map<String, String> texts = new LinkedHashMap<>(bundle("en"));
        texts.putAll(bundle(bundledLanguage(language)));
        strings.forEach((key, text) -> {
            if (Label.ofTextKey(key).isEmpty()) {
                throw new IllegalArgumentException("no label has the key " + key);
            }
            texts.put(key, text);
        });
        return new Labels(language, texts);
    }

    /** The English texts. */
    public static Labels english() {
        return of("en", Map.of());
    }

    /** Whether a language tag's language has bundled texts. */
    public static boolean isBundled(String language) {
        return Language.of(language).isPresent();
    }

    /**
     * The placeholders a text uses that its label does not have, e.g. {@code {categroy}}: they would show as
     * written.
     */
    public static List<String> unknownPlaceholders(Label label, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        java.util.ArrayList<String> unknown = new java.util.ArrayList<>();
        while (m.find()) {
            if (!label.placeholders().contains(m.group(1))) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    /** The language tag as site.yaml gives it, for {@code lang} attributes and feeds. */
    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * A label's text with its placeholders filled in, in the order of {@link Label#placeholders()}: numbers in
     * the language's form, anything else as its text. A counted label's first value, the count, picks its text.
     */
    public String text(Label label, Object... values) {
        if (values.length != label.placeholders().size()) {
            throw new IllegalArgumentException(label + " takes " + label.placeholders() + ", not "
                    + values.length + " values");
        }
        String key = label.counted() ? label.key() + (one(((Number) values[0]).longValue()) ? ".one" : ".other")
                : label.key();
        String text = texts.get(key);
        if (values.length == 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder(text.length() + 32);
        while (m.find()) {
            int index = label.placeholders().indexOf(m.group(1));
            m.appendReplacement(filled, Matcher.quoteReplacement(index < 0 ? m.group() : format(values[index])));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /**
     * A label's text as written, placeholders and all, for a script that fills them in itself; a counted
     * label's text for {@code count}.
     */
    public String unfilled(Label label, long count) {
        return texts.get(label.counted() ? label.key() + (one(count) ? ".one" : ".other") : label.key());
    }

    /** A date as readers of the language write it: {@code January 15, 2026}, {@code 15. Januar 2026}. */
    public String date(LocalDate date) {
        return dates.format(date);
    }

    /** A whole number as readers of the language write it: {@code 10,000}, {@code 10.000}. */
    public String number(long number) {
        return NumberFormat.getIntegerInstance(locale).format(number);
    }

    private String format(Object value) {
        return value instanceof Number n ? number(n.longValue()) : String.valueOf(value);
    }

    /** Whether a count takes the singular: French says "0 question" too. */
    private boolean one(long count) {
        return count == 1 || count == 0 && locale.getLanguage().equals("fr");
    }

    private static String bundledLanguage(String language) {
        return Language.of(language).orElse(Language.ENGLISH).code();
    }

    /** The bundled texts of a language, by text key, read once from {@code labels_LANGUAGE.properties}. */
    static Map<String, String> bundle(String language) {
        return BUNDLES.computeIfAbsent(language, Labels::read);
    }

    private static Map<String, String> read(String language) {
        String name = "labels_" + language + ".properties";
        try (InputStream in = Labels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " from the jar failed", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Labels that && language.equals(that.language) && texts.equals(that.texts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(language, texts);
    }

    @Override
    public String toString() {
        return "Labels[" + language + "]";
    }
}
