package dev.answerline.check.internal;

import dev.answerline.language.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Measures of prose in a site's language: words, sentences, syllables and the reading ease. Heuristics, as
 * every readability tool's are; good enough to tell a plain paragraph from a dense one. Words are counted
 * alike in every language; where sentences end, how syllables are counted and the formula are the
 * language's ({@link Syllables}, {@link Readability}). Immutable.
 */
public final class Text {
    /** English, as the rules measured it before other languages: its results must not change. */
    public static final Text ENGLISH = new Text(Language.ENGLISH,
            Pattern.compile("\\b(e\\.g|i\\.e|et al|etc|vs|approx|Dr|Mr|Mrs|Ms|St|No|Fig|cf)\\.",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("(?<=[.!?…])[\"”’)]*\\s+"), Readability.FLESCH);
    private static final Text GERMAN = other(Language.GERMAN, "z\\. ?B|z\\. ?T|d\\. ?h|u\\. ?a|u\\. ?Ä|o\\. ?Ä|s\\. ?o"
            + "|s\\. ?u|v\\. ?a|i\\. ?d\\. ?R|bzw|usw|etc|ca|vgl|evtl|ggf|inkl|bspw|sog|zzgl|Dr|med|Prof|Nr|Abb|Tab"
            + "|Kap|S|et al|Mio|Mrd", Readability.AMSTAD);
    private static final Text FRENCH = other(Language.FRENCH, "p\\. ?ex|c\\.-à-d|cf|etc|env|Dr|Pr|Mme|Mlle|vol|éd"
            + "|fig|chap|et al|et coll", Readability.KANDEL_MOLES);
    private static final Text SPANISH = other(Language.SPANISH, "p\\. ?ej|etc|aprox|Dr|Dra|Sr|Sra|Srta|Ud|Uds|núm"
            + "|pág|págs|vol|fig|cap|et al|y cols?|cf|vs|EE\\. ?UU", Readability.FERNANDEZ_HUERTA);
    private static final Text DUTCH = other(Language.DUTCH, "bijv|bv|b\\.v|d\\.w\\.z|o\\.a|o\\.m|enz|ca|dr|prof|nl"
            + "|zgn|e\\.a|m\\.b\\.t|i\\.p\\.v|t\\.o\\.v|z\\.s\\.m|et al|vs|fig|blz|mevr|dhr|resp", Readability.DOUMA);
    /** A language Answerline does not know: sentences end at . ! ? and there is no formula. */
    private static final Text UNKNOWN = new Text(null, null, ENGLISH.sentenceEnd, null);
    /** German dates: "am 3. Mai" is not the end of a sentence. */
    private static final Pattern GERMAN_DATE = Pattern.compile("(?<=\\d)\\.(?=\\s+(Januar|Februar|März|April|Mai"
            + "|Juni|Juli|August|September|Oktober|November|Dezember)\\b)");
    /** Stands in for the full stops of abbreviations while a text is split into sentences. */
    private static final char KEPT_STOP = '\u2024';

    private final Language language;
    private final Pattern abbreviations;
    private final Pattern sentenceEnd;
    private final Readability readability;

    private Text(Language language, Pattern abbreviations, Pattern sentenceEnd, Readability readability) {
        this.language = language;
        this.abbreviations = abbreviations;
        this.sentenceEnd = sentenceEnd;
        this.readability = readability;
    }

    /**
     * A language other than English: an abbreviation is a word not preceded by a letter (a look-behind
     * rather than {@code \b}, which newer JDKs match at ASCII letters only, and which would miss "éd."), and
     * a sentence never starts with a lower-case letter, so that "ca. zehn Sekunden" stays one.
     */
    private static Text other(Language language, String abbreviations, Readability readability) {
        return new Text(language, Pattern.compile("(?<![\\p{L}\\p{N}])(" + abbreviations + ")\\.",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                Pattern.compile("(?<=[.!?…])[\"”’»)]*\\s+(?!\\p{Ll})"), readability);
    }

    /** The measures of a language. */
    public static Text of(Language language) {
        return switch (language) {
            case ENGLISH -> ENGLISH;
            case GERMAN -> GERMAN;
            case FRENCH -> FRENCH;
            case SPANISH -> SPANISH;
            case DUTCH -> DUTCH;
        };
    }

    /** The measures of a site's {@code language:}; plain ones for a language Answerline does not know. */
    public static Text of(String tag) {
        return Language.of(tag).map(Text::of).orElse(UNKNOWN);
    }

    /** The language, or empty for one Answerline does not know. */
    public Optional<Language> language() {
        return Optional.ofNullable(language);
    }

    /** The language's reading ease formula; empty where none is published. */
    public Optional<Readability> readability() {
        return Optional.ofNullable(readability);
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        scan(text, words);
        return words;
    }

    public static int wordCount(String text) {
        return scan(text, null);
    }

    /**
     * Words are runs of letters and digits, with apostrophes, full stops and hyphens inside them
     * ({@code don't}, {@code l'étirement}, {@code 2.5}, {@code warm-up}). Written out by hand: this runs for
     * every sentence of every answer, and a regular expression made it the slowest part of {@code check}.
     */
    private static int scan(String text, List<String> words) {
        int count = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i >= length) {
                break;
            }
            int start = i;
            while (i < length) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019' || c == '.' || c == '-') {
                    i++;
                } else {
                    break;
                }
            }
            count++;
            if (words != null) {
                words.add(text.substring(start, i));
            }
        }
        return count;
    }

    /** Sentences of a text; the language's abbreviations ("e.g.", "z. B.", "p. ej.") do not end one. */
    public List<String> sentences(String text) {
        String kept = text;
        if (abbreviations != null) {
            kept = abbreviations.matcher(kept).replaceAll(m -> m.group(1).replace('.', KEPT_STOP) + KEPT_STOP);
        }
        if (language == Language.GERMAN) {
            kept = GERMAN_DATE.matcher(kept).replaceAll(String.valueOf(KEPT_STOP));
        }
        List<String> sentences = new ArrayList<>();
        for (String sentence : sentenceEnd.split(kept.strip())) {
            if (wordCount(sentence) > 0) {
                sentences.add(sentence.replace(KEPT_STOP, '.').strip());
            }
        }
        return sentences;
    }

    /** Syllables of a word in this language (see {@link Syllables} for how they are counted). */
    public int syllables(String word) {
        return Syllables.count(language, word);
    }

    /**
     * The reading ease of sentences by the language's formula (see {@link Readability}); 60–70 is plain
     * prose, lower is harder.
     *
     * @throws IllegalStateException for a language without a formula: ask {@link #readability()} first
     */
    public double readingEase(List<String> sentences) {
        if (readability == null) {
            throw new IllegalStateException("no reading ease formula for this language");
        }
        int words = 0;
        int syllables = 0;
        for (String sentence : sentences) {
            for (String word : words(sentence)) {
                words++;
                syllables += syllables(word);
            }
        }
        return readability.score(words, sentences.size(), syllables);
    }
}
