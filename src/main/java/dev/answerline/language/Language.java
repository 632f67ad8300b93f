package dev.answerline.language;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages whose words Answerline knows: search analyses them (stemming, stop words, accents) and
 * {@code check} measures them (sentences, syllables, a readability formula, the words of yes-or-no questions).
 * A site in another language gets English search and the rules that need no words of the language.
 * Switches over it list every language, so that a new one is a compile error wherever it needs a decision.
 */
public enum Language {
    ENGLISH("en", "English"),
    GERMAN("de", "German"),
    FRENCH("fr", "French"),
    SPANISH("es", "Spanish"),
    DUTCH("nl", "Dutch");

    private final String code;
    private final String name;

    Language(String code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The ISO 639-1 code, e.g. {@code de}. */
    public String code() {
        return code;
    }

    /** The language's name in English, for messages: {@code German}. */
    public String englishName() {
        return name;
    }

    /**
     * The language of a site's {@code language:} value: its first part, in any case ({@code de}, {@code de-AT}
     * and {@code DE} are German). Empty for a language Answerline does not know.
     */
    public static Optional<Language> of(String tag) {
        String code = tag == null ? "" : Locale.forLanguageTag(tag.strip()).getLanguage();
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
