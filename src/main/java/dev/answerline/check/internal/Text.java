package dev.answerline.check.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Measures of English prose: words, sentences, syllables and the Flesch reading ease. Heuristics, as every
 * readability tool's are; good enough to tell a plain paragraph from a dense one.
 */
public final class Text {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");
    private static final Pattern ABBREVIATIONS = Pattern.compile(
            "\\b(e\\.g|i\\.e|et al|etc|vs|approx|Dr|Mr|Mrs|Ms|St|No|Fig|cf)\\.", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"”’)]*\\s+");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    private Text() {}

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    public static int wordCount(String text) {
        return words(text).size();
    }

    /** Sentences of a text; abbreviations such as "e.g." and "et al." do not end one. */
    public static List<String> sentences(String text) {
        String protectedText = ABBREVIATIONS.matcher(text).replaceAll(m -> m.group(1).replace(".", "\u2024") + "\u2024");
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(protectedText.strip())) {
            if (wordCount(sentence) > 0) {
                sentences.add(sentence.replace('\u2024', '.').strip());
            }
        }
        return sentences;
    }

    /** Syllables of an English word, by vowel groups with the usual silent endings removed. */
    public static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return word.chars().anyMatch(Character::isDigit) ? 1 : 0;
        }
        if (w.length() <= 3) {
            return 1;
        }
        w = w.replaceAll("(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "").replaceAll("^y", "");
        var groups = VOWELS.matcher(w);
        int count = 0;
        while (groups.find()) {
            count++;
        }
        return Math.max(1, count);
    }

    /**
     * Flesch reading ease of sentences: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
     * 60–70 is plain English; lower is harder.
     */
    public static double readingEase(List<String> sentences) {
        int words = 0;
        int syllables = 0;
        for (String sentence : sentences) {
            for (String word : words(sentence)) {
                words++;
                syllables += syllables(word);
            }
        }
        if (words == 0 || sentences.isEmpty()) {
            return 100;
        }
        return 206.835 - 1.015 * words / sentences.size() - 84.6 * syllables / words;
    }
}
