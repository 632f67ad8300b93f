package dev.answerline.check.internal;

/**
 * The reading ease formulas: Flesch's, and its adaptations to other languages, each fitted to that language's
 * longer or shorter words and sentences. All have the form base − a × (words per sentence) − b × (syllables
 * per word) and read alike: 60–70 is plain prose for most adults, lower is harder.
 */
public enum Readability {
    /**
     * Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology, 32(3), 221–233:
     * 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
     */
    FLESCH("Flesch reading ease", 206.835, 1.015, 84.6),
    /**
     * Amstad, T. (1978). Wie verständlich sind unsere Zeitungen? Dissertation, Universität Zürich:
     * 180 − words per sentence − 58.5 × syllables per word (as given by leichtlesbar.ch and
     * de.wikipedia.org/wiki/Lesbarkeitsindex).
     */
    AMSTAD("Amstad reading ease", 180, 1, 58.5),
    /**
     * Fernández Huerta, J. (1959). Medidas sencillas de lecturabilidad. Consigna, 214, 29–32:
     * 206.84 − 0.60 P − 1.02 F with P the syllables per 100 words. As printed, F is the sentences per 100
     * words, which makes shorter sentences score lower; Law, G. (2011), Error in the Fernandez Huerta
     * Readability Formula, LINGUIST List 22.2332, showed F must be the words per sentence, as in Flesch's
     * formula that it adapts, and that is how it is used since (e.g. legible.es): 206.84 − 1.02 × words per
     * sentence − 60 × syllables per word.
     */
    FERNANDEZ_HUERTA("Fernández Huerta readability", 206.84, 1.02, 60),
    /**
     * Kandel, L. and Moles, A. (1958). Application de l'indice de Flesch à la langue française. Cahiers
     * d'Études de Radio-Télévision, 19: 207 − 1.015 × words per sentence − 0.736 × syllables per 100 words
     * (coefficients as given by cordial.fr/descr_technique/lisibilite.htm), i.e. 73.6 × syllables per word.
     */
    KANDEL_MOLES("Kandel-Moles reading ease", 207, 1.015, 73.6),
    /**
     * Douma, W. H. (1960). De leesbaarheid van landbouwbladen. Landbouwhogeschool Wageningen:
     * 206.8 − 0.77 × syllables per 100 words − 0.93 × words per sentence (as given in Taalbeheersing 1977,
     * dbnl.org/tekst/_taa014197701_01/_taa014197701_01_0089.php; nl.wikipedia.org/wiki/Leesbaarheid gives the
     * constant as Flesch's 206.835, which is used here), i.e. 77 × syllables per word.
     */
    DOUMA("Flesch-Douma reading ease", 206.835, 0.93, 77);

    private final String title;
    private final double base;
    private final double perWordsPerSentence;
    private final double perSyllablesPerWord;

    Readability(String title, double base, double perWordsPerSentence, double perSyllablesPerWord) {
        this.title = title;
        this.base = base;
        this.perWordsPerSentence = perWordsPerSentence;
        this.perSyllablesPerWord = perSyllablesPerWord;
    }

    /** The formula's name, for messages: {@code Amstad reading ease}. */
    public String title() {
        return title;
    }

    /** The score of a text with these counts; 100 for a text without words. */
    public double score(int words, int sentences, int syllables) {
        if (words == 0 || sentences == 0) {
            return 100;
        }
        return base - perWordsPerSentence * words / sentences - perSyllablesPerWord * syllables / words;
    }
}
