package dev.answerline.search.internal;

import dev.answerline.language.Language;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * How the words of a language become index terms, after the tokenizer and lower-casing: which words are left
 * out, how the rest are stemmed, and how accents are folded. Each language takes Lucene's own pieces, the
 * ones its analyzer for the language uses (checked with javap against lucene-analysis-common 9.12.3), and
 * the same order for all: stop words on the words as written, then the stemmer, which reads accents
 * ("-ième", "-ère" in French), then {@link ASCIIFoldingFilter}, so that a word typed without its accents or
 * umlauts ("ruckenschmerzen", "etirement") meets the one in the text.
 *
 * <p>Stop lists are Snowball's (the ones Lucene's analyzers load), changed as for English: words that tell
 * questions apart are kept ("vor" or "nach" dem Training, "sin", "pas"), question words are added ("wann",
 * "comment", "cómo"), and each word is also listed without its accents, since readers type "fur" for "für".
 * The tokenizer splits at apostrophes, so French elision ("l'étirement") leaves the article as a word of its
 * own: Lucene's list of elided articles ({@link FrenchAnalyzer#DEFAULT_ARTICLES}) is added to the stop words,
 * which does what its ElisionFilter would.
 *
 * <p>Compound words are not split (Lucene's decompounders need a dictionary or hyphenation grammar it does
 * not ship): "Rückenschmerz" finds "Rückenschmerzen", but "Schmerzen" does not find "Rückenschmerzen". A
 * site's synonyms.txt can join them.
 *
 * @param stopWords left out, matched on the lower-cased word before stemming
 * @param stem the stemmer and the folding that follows it
 * @param fold the folding alone, for the three-letter pieces and for matching synonyms typed without accents
 */
record WordForms(CharArraySet stopWords, UnaryOperator<TokenStream> stem, UnaryOperator<TokenStream> fold) {

    /**
     * English: the stop words and Porter's stemmer it had before other languages came, then ASCII folding,
     * which costs nothing measurable on English text (README, Search).
     */
    static final WordForms ENGLISH = new WordForms(english(), s -> new ASCIIFoldingFilter(new PorterStemFilter(s)),
            ASCIIFoldingFilter::new);
    static final WordForms GERMAN = new WordForms(
            stopWords(GermanAnalyzer.getDefaultStopSet(),
                    // before, after, during, over, under, against, between, behind, again, further, not, no,
                    // none, without, very, only, once, much: a question turns on them
                    List.of("vor", "nach", "während", "über", "unter", "gegen", "zwischen", "hinter", "wieder",
                            "weiter", "nicht", "nichts", "kein", "keine", "keinem", "keinen", "keiner", "keines",
                            "ohne", "sehr", "nur", "einmal", "viel"),
                    List.of("wann", "warum", "wieso", "weshalb", "wer", "wem", "wen", "sollten", "sollst", "müssen",
                            "musst", "darf", "dürfen", "kannst", "könnten", "man"),
                    GermanNormalizationFilter::new),
            // the normalization first: the light stemmer expects "ue", "ß" and umlauts already folded
            s -> new ASCIIFoldingFilter(new GermanLightStemFilter(new GermanNormalizationFilter(s))),
            s -> new ASCIIFoldingFilter(new GermanNormalizationFilter(s)));
    static final WordForms FRENCH = new WordForms(
            stopWords(FrenchAnalyzer.getDefaultStopSet(), List.of("pas", "sans", "même"),
                    union(FrenchAnalyzer.DEFAULT_ARTICLES, List.of("est", "faut", "peut", "doit", "dois",
                            "comment", "quand", "pourquoi", "combien", "quoi")),
                    ASCIIFoldingFilter::new),
            s -> new ASCIIFoldingFilter(new FrenchLightStemFilter(s)), ASCIIFoldingFilter::new);
    static final WordForms SPANISH = new WordForms(
            stopWords(SpanishAnalyzer.getDefaultStopSet(), List.of("no", "ni", "sin", "más", "muy", "antes",
                    "durante", "contra", "entre", "sobre", "poco"),
                    List.of("cómo", "cuándo", "cuánto", "cuánta", "cuántos", "cuántas", "dónde", "puedo", "puede",
                            "debo", "debe"),
                    ASCIIFoldingFilter::new),
            s -> new ASCIIFoldingFilter(new SpanishLightStemFilter(s)), ASCIIFoldingFilter::new);
    static final WordForms DUTCH = new WordForms(
            stopWords(DutchAnalyzer.getDefaultStopSet(), List.of("niet", "geen", "voor", "na", "over", "onder",
                    "tegen", "zonder", "meer", "veel"),
                    List.of("wanneer", "waarom", "welke", "mag", "moeten", "kun", "kunt", "jouw"),
                    ASCIIFoldingFilter::new),
            // Snowball's Dutch stemmer, as Lucene's DutchAnalyzer uses (without its four-word override list)
            s -> new ASCIIFoldingFilter(new SnowballFilter(s, new DutchStemmer())), ASCIIFoldingFilter::new);

    /** A site's language's forms; English for a language Answerline does not know. */
    static WordForms of(Language language) {
        return switch (language) {
            case ENGLISH -> ENGLISH;
            case GERMAN -> GERMAN;
            case FRENCH -> FRENCH;
            case SPANISH -> SPANISH;
            case DUTCH -> DUTCH;
        };
    }

    /**
     * Snowball's English list, which has the words questions are made of ("how", "should", "you", "your"),
     * without the ones that tell questions apart here ("before" or "after" a run, "more", "not"), and with the
     * pieces contractions fall into ("don't" is "don" and "t").
     */
    private static CharArraySet english() {
        try (Reader list = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt",
                StandardCharsets.UTF_8)) {
            Set<String> words = new TreeSet<>();
            WordlistLoader.getSnowballWordSet(list).forEach(w -> words.add(new String((char[]) w)));
            words.removeAll(List.of("before", "after", "during", "above", "below", "up", "down", "over", "under",
                    "again", "further", "against", "between", "off", "out", "no", "nor", "not", "more", "most", "few",
                    "same", "very", "too", "only", "once"));
            words.addAll(List.of("s", "t", "d", "ll", "m", "re", "ve", "don", "doesn", "isn", "can", "will", "just"));
            return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
        } catch (IOException e) {
            throw new UncheckedIOException("the stop word list is missing from Lucene's jar", e);
        }
    }

    /** A Snowball list without {@code kept}, with {@code added}, and each word also as {@code fold} makes it. */
    private static CharArraySet stopWords(CharArraySet snowball, Collection<String> kept, Collection<String> added,
            UnaryOperator<TokenStream> fold) {
        Set<String> words = new TreeSet<>();
        snowball.forEach(w -> words.add(new String((char[]) w)));
        words.removeAll(kept);
        words.addAll(added);
        Set<String> folded = new TreeSet<>(words);
        try (Analyzer folding = Analysis.lowerCase(fold)) {
            for (String word : words) {
                folded.addAll(Analysis.terms(folding, "", word));
            }
        }
        return CharArraySet.unmodifiableSet(new CharArraySet(folded, false));
    }

    private static List<String> union(CharArraySet set, List<String> more) {
        List<String> all = new java.util.ArrayList<>(more);
        set.forEach(w -> all.add(new String((char[]) w)));
        return all;
    }
}
