package dev.answerline.search.internal;

import dev.answerline.content.Synonym;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * How text becomes terms. Words are lower-cased, stop words dropped and the rest stemmed (Porter), so that
 * "rolling" finds "rolled". Synonyms apply when searching only, so that editing synonyms.txt needs no new
 * index; they are matched before stemming, as the editor wrote them. Questions are also cut into
 * three-letter pieces, to find the closest questions when no word matches.
 */
public final class Analysis {
    /** The field with the three-letter pieces of the question. */
    public static final String GRAMS = "grams";

    /**
     * Words left out: Snowball's English list, which has the words questions are made of ("how", "should",
     * "you", "your"), without the ones that tell questions apart here ("before" or "after" a run, "more",
     * "not"), and with the pieces contractions fall into ("don't" is "don" and "t").
     */
    static final CharArraySet STOP_WORDS = stopWords();

    private Analysis() {}

    private static CharArraySet stopWords() {
        try (java.io.Reader list = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt",
                java.nio.charset.StandardCharsets.UTF_8)) {
            java.util.Set<String> words = new java.util.TreeSet<>();
            WordlistLoader.getSnowballWordSet(list).forEach(w -> words.add(new String((char[]) w)));
            for (String keep : List.of("before", "after", "during", "above", "below", "up", "down", "over", "under",
                    "again", "further", "against", "between", "off", "out", "no", "nor", "not", "more", "most", "few",
                    "same", "very", "too", "only", "once")) {
                words.remove(keep);
            }
            words.addAll(List.of("s", "t", "d", "ll", "m", "re", "ve", "don", "doesn", "isn", "can", "will", "just"));
            return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
        } catch (IOException e) {
            throw new UncheckedIOException("the stop word list is missing from Lucene's jar", e);
        }
    }

    /** For indexing: English for every field, pieces for {@link #GRAMS}. */
    public static Analyzer index() {
        return new PerFieldAnalyzerWrapper(english(null), Map.of(GRAMS, grams()));
    }

    /** For queries: English, with the site's synonyms. */
    public static Analyzer query(List<Synonym> synonyms) {
        return english(synonymMap(synonyms));
    }

    /** The terms of a text as the index has them (no synonyms). */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * Where a text has given {@code max} words (as the index cuts them), as a character offset; the text's
     * length when it has fewer. Stop words are not counted: they are dropped before a query is made.
     */
    public static int endOfWords(Analyzer analyzer, String field, String text, int max) {
        int seen = 0;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (++seen == max) {
                    return offset.endOffset();
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.length();
    }

    private static Analyzer english(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = words();
                TokenStream stream = new LowerCaseFilter(source);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = new StopFilter(stream, STOP_WORDS);
                return new TokenStreamComponents(source, new PorterStemFilter(stream));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /**
     * Words are runs of letters and digits. Simpler than Unicode's word rules (StandardTokenizer), which
     * took most of the time of indexing; "don't" becomes "don" and "t" alike in texts and queries.
     */
    private static Tokenizer words() {
        return CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
    }

    private static Analyzer grams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = words();
                TokenStream stream = new NGramTokenFilter(new LowerCaseFilter(source), 3, 3, false);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Null without synonyms: the filter would only cost time. */
    private static SynonymMap synonymMap(List<Synonym> synonyms) {
        if (synonyms.isEmpty()) {
            return null;
        }
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = words();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        for (Synonym synonym : synonyms) {
            List<String> from = synonym.terms();
            List<String> to = synonym.means().isEmpty() ? synonym.terms() : synonym.means();
            for (String input : from) {
                String[] in = terms(words, "", input).toArray(new String[0]);
                for (String output : to) {
                    String[] out = terms(words, "", output).toArray(new String[0]);
                    if (in.length > 0 && out.length > 0 && !String.join(" ", in).equals(String.join(" ", out))) {
                        // the original stays: readers' own words may be in the text too
                        builder.add(SynonymMap.Builder.join(in, new CharsRefBuilder()),
                                SynonymMap.Builder.join(out, new CharsRefBuilder()), true);
                    }
                }
            }
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
