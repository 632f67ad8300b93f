package dev.answerline.search.internal;

import dev.answerline.language.Language;
import dev.answerline.content.Synonym;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * How text becomes terms, in the site's language ({@link WordForms}). Words are lower-cased, stop words
 * dropped and the rest stemmed, so that "rolling" finds "rolled" and "Rückenschmerz" finds
 * "Rückenschmerzen", and accents and umlauts are folded. Synonyms apply when searching only, so that editing
 * synonyms.txt needs no new index; they are matched before stemming, as the editor wrote them or without
 * their accents. Questions are also cut into three-letter pieces, to find the closest questions when no word
 * matches. The same analyzer serves the index, the queries, typo correction and the similar answers.
 */
public final class Analysis {
    /** The field with the three-letter pieces of the question. */
    public static final String GRAMS = "grams";

    private Analysis() {}

    /** For indexing: the language's words for every field, pieces for {@link #GRAMS}. */
    public static Analyzer index(Language language) {
        WordForms forms = WordForms.of(language);
        return new PerFieldAnalyzerWrapper(words(forms, null), Map.of(GRAMS, grams(forms)));
    }

    /** For queries: the language's words, with the site's synonyms. */
    public static Analyzer query(Language language, List<Synonym> synonyms) {
        WordForms forms = WordForms.of(language);
        return words(forms, synonymMap(forms, synonyms));
    }

    /**
     * The analyzer an index writer is made with, standing for one that can be exchanged: an index that lives
     * through a change of the site's language (a preview) keeps its writers and adds its documents again.
     * Exchange it only while nothing writes. Searches take {@link #current()} instead of analysing through
     * this: a wrapper looks its delegate up once to find a thread's reusable token stream and again to store
     * one, and a change in between would store the old language's stream as the new one's for good.
     */
    public static final class Switchable extends DelegatingAnalyzerWrapper {
        private volatile Analyzer current;

        public Switchable(Analyzer first) {
            super(PER_FIELD_REUSE_STRATEGY);
            this.current = first;
        }

        public Analyzer current() {
            return current;
        }

        public void set(Analyzer next) {
            current = next;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return current;
        }
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

    private static Analyzer words(WordForms forms, SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = new StopFilter(stream, forms.stopWords());
                return new TokenStreamComponents(source, forms.stem().apply(stream));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return forms.fold().apply(new LowerCaseFilter(in));
            }
        };
    }

    /**
     * Words are runs of letters and digits. Simpler than Unicode's word rules (StandardTokenizer), which
     * took most of the time of indexing; "don't" becomes "don" and "t" alike in texts and queries.
     */
    private static Tokenizer tokenizer() {
        return CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
    }

    private static Analyzer grams(WordForms forms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer();
                TokenStream stream = new NGramTokenFilter(forms.fold().apply(new LowerCaseFilter(source)), 3, 3,
                        false);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Words, lower-cased and then changed by {@code then}: no stop words, no stemming. */
    static Analyzer lowerCase(UnaryOperator<TokenStream> then) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = tokenizer();
                return new TokenStreamComponents(source, then.apply(new LowerCaseFilter(source)));
            }
        };
    }

    /**
     * Null without synonyms: the filter would only cost time. Each synonym is matched as written and, where
     * that differs, without its accents, since readers often type "ruckenschmerzen" for "Rückenschmerzen".
     */
    private static SynonymMap synonymMap(WordForms forms, List<Synonym> synonyms) {
        if (synonyms.isEmpty()) {
            return null;
        }
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        try (Analyzer words = lowerCase(UnaryOperator.identity()); Analyzer folded = lowerCase(forms.fold())) {
            for (Synonym synonym : synonyms) {
                List<String> from = synonym.terms();
                List<String> to = synonym.means().isEmpty() ? synonym.terms() : synonym.means();
                for (String input : from) {
                    String[] in = terms(words, "", input).toArray(new String[0]);
                    String[] bare = terms(folded, "", input).toArray(new String[0]);
                    for (String output : to) {
                        String[] out = terms(words, "", output).toArray(new String[0]);
                        add(builder, in, out);
                        if (!Arrays.equals(bare, in)) {
                            add(builder, bare, out);
                        }
                    }
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(SynonymMap.Builder builder, String[] in, String[] out) {
        if (in.length > 0 && out.length > 0 && !Arrays.equals(in, out)) {
            // the original stays: readers' own words may be in the text too
            builder.add(SynonymMap.Builder.join(in, new CharsRefBuilder()),
                    SynonymMap.Builder.join(out, new CharsRefBuilder()), true);
        }
    }
}
