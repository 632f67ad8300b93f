package dev.answerline.check.internal;

import dev.answerline.language.Language;

/**
 * Syllables of a word, for the reading ease formulas. Like every readability tool, it counts groups of
 * vowels in the spelling rather than looking words up: each run of vowels is one syllable, so diphthongs
 * and long vowels ("ei", "au", "ie", "aa", "ou", "eau") count once. Then each language's exceptions:
 *
 * <ul>
 *   <li>English: silent endings (-es, -ed, -e after a consonant other than l) do not count, nor a leading y.
 *   <li>German: umlauts are vowels; no exceptions. Vowels that meet across syllables ("Muse-um", "Ide-en")
 *       are undercounted, which is rare in plain prose.
 *   <li>French: a diaeresis starts a syllable of its own ("na-ïf", "No-ël"); a final mute e or -es after a
 *       consonant does not count when the word has another syllable ("muscle" has one, "muscles" too). The
 *       verb ending -ent ("ils roulent") counts, as the spelling cannot tell it from "moment".
 *   <li>Spanish: in a run of vowels, each strong vowel (a, e, o, and í or ú with an accent) is a syllable and
 *       weak ones (i, u, ü) join them ("pie", "cuo-ta", "dí-a", "le-er", "po-e-ta"); y is a vowel at the end
 *       of a word or before a consonant ("muy", "y"), a consonant before a vowel ("ya").
 *   <li>Dutch: like German, with a diaeresis starting a syllable ("be-ëin-di-gen", "i-de-e-ën").
 * </ul>
 *
 * A word of digits is one syllable. A language Answerline does not know is counted as German is.
 */
final class Syllables {
    private static final String VOWELS = "aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüýÿ";
    /** Vowels with a diaeresis: in French and Dutch it marks a vowel said apart from the one before. */
    private static final String DIAERESIS = "äëïöüÿ";
    private static final String SPANISH_STRONG = "aeoáéóíú";

    private Syllables() {}

    /** @param language null for a language Answerline does not know */
    static int count(Language language, String word) {
        if (language == Language.ENGLISH) {
            return english(word);
        }
        StringBuilder letters = new StringBuilder(word.length());
        boolean digits = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                letters.append(Character.toLowerCase(c));
            } else if (Character.isDigit(c)) {
                digits = true;
            }
        }
        if (letters.length() == 0) {
            return digits ? 1 : 0;
        }
        int count = language == null ? groups(letters, false) : switch (language) {
            case ENGLISH, GERMAN -> groups(letters, false);
            case DUTCH -> groups(letters, true);
            case FRENCH -> french(letters);
            case SPANISH -> spanish(letters);
        };
        return Math.max(1, count);
    }

    /** Runs of vowels; with {@code diaeresis}, a vowel with one starts a run of its own. */
    private static int groups(CharSequence letters, boolean diaeresis) {
        int groups = 0;
        boolean inVowels = false;
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            boolean vowel = VOWELS.indexOf(c) >= 0;
            if (vowel && (!inVowels || diaeresis && DIAERESIS.indexOf(c) >= 0)) {
                groups++;
            }
            inVowels = vowel;
        }
        return groups;
    }

    private static int french(StringBuilder letters) {
        int groups = groups(letters, true);
        int length = letters.length();
        int end = letters.charAt(length - 1) == 's' ? length - 1 : length;
        if (groups > 1 && end >= 2 && letters.charAt(end - 1) == 'e' && VOWELS.indexOf(letters.charAt(end - 2)) < 0) {
            groups--;
        }
        return groups;
    }

    private static int spanish(StringBuilder letters) {
        int syllables = 0;
        int strong = 0;
        boolean inVowels = false;
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            boolean vowel = VOWELS.indexOf(c) >= 0;
            if (c == 'y') {
                vowel = i + 1 == letters.length() || VOWELS.indexOf(letters.charAt(i + 1)) < 0;
            }
            if (vowel) {
                strong += SPANISH_STRONG.indexOf(c) >= 0 ? 1 : 0;
                inVowels = true;
            } else if (inVowels) {
                syllables += Math.max(1, strong);
                strong = 0;
                inVowels = false;
            }
        }
        return inVowels ? syllables + Math.max(1, strong) : syllables;
    }

    /** English, by vowel groups with the usual silent endings removed. */
    private static int english(String word) {
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
}
