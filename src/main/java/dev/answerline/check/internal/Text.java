package dev.answerline.check.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Measures of English prose: words, sentences, syllables and the Flesch reading ease. Heuristics, as every
 * readability tool's are; good enough to tell a plain paragraph from a dense one.
 */
public final class Text {
    private static final Pattern ABBREVIATIONS = Pattern.compile(
            "\\b(e\\.g|i\\.e|et al|etc|vs|approx|Dr|Mr|Mrs|Ms|St|No|Fig|cf)\\.", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])[\"”’)]*\\s+");

    private Text() {}

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
     * ({@code don't}, {@code 2.5}, {@code warm-up}). Written out by hand: this runs for every sentence of
     * every answer, and a regular expression made it the slowest part of {@code check}.
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
        StringBuilder letters = new StringBuilder(word.length());
        boolean digits = false;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            } else if (Character.isDigit(c)) {
                digits = true;
            }
        }
        int length = letters.length();
        if (length == 0) {
            return digits ? 1 : 0;
        }
        if (length <= 3) {
            return 1;
        }
        // silent endings: -es, -ed and -e after a consonant other than l (makes, hoped, rolle)
        if (endsSilently(letters, "es") || endsSilently(letters, "ed")) {
            length -= 2;
        } else if (endsSilently(letters, "e")) {
            length -= 1;
        }
        int start = letters.charAt(0) == 'y' ? 1 : 0;
        int groups = 0;
        boolean inVowels = false;
        for (int i = start; i < length; i++) {
            boolean vowel = "aeiouy".indexOf(letters.charAt(i)) >= 0;
            if (vowel && !inVowels) {
                groups++;
            }
            inVowels = vowel;
        }
        return Math.max(1, groups);
    }

    private static boolean endsSilently(StringBuilder letters, String ending) {
        int at = letters.length() - ending.length();
        return at >= 1 && letters.indexOf(ending, at) == at && "laeiouy".indexOf(letters.charAt(at - 1)) < 0;
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
