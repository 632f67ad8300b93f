package dev.answerline.search.internal;

import dev.answerline.language.Language;
import dev.answerline.content.Suggestions;
import dev.answerline.content.Synonym;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * Turns what a reader typed into queries. Only quotes mean something ("phrase"); every other character is
 * text, so that Lucene's syntax can never make a query fail. Words are matched in every field with its
 * weight; a word the index does not know is also matched by its corrections ("lumbr" finds "lumbar").
 */
public final class Queries {
    /** Corrected words count for less than the words as typed. */
    private static final float CORRECTED_WEIGHT = 0.5f;
    /** Corrections tried per word. */
    private static final int CORRECTIONS = 2;
    /**
     * Words longer than this are not corrected: finding the words two edits from a long one costs more
     * the longer it is (a 200-character run of CJK text, one word to the tokenizer, took 0.7 s), and no
     * word that long is a typo of a word the answers use.
     */
    static final int MAX_CORRECTED_LENGTH = 24;
    /** Words corrected per search at most, so that a long query cannot multiply the work. */
    static final int MAX_CORRECTED_WORDS = 8;
    /** Where the words to correct to come from: every other field's words are nearly all in these. */
    private static final List<String> SPELLING_FIELDS = List.of(Documents.QUESTION, Documents.BODY);

    private final Analyzer analyzer;
    private final Analyzer plain;
    private final boolean synonyms;

    /**
     * @param language the site's language, for the query analyzer
     * @param synonyms the site's synonyms, for the query analyzer
     * @param plain the index analyzer, to find words the index does not know
     */
    public Queries(Language language, List<Synonym> synonyms, Analyzer plain) {
        this.analyzer = Analysis.query(language, synonyms);
        this.plain = plain;
        this.synonyms = !synonyms.isEmpty();
    }

    /** The words and phrases as typed, with synonyms; null when nothing searchable is left (e.g. "how to"). */
    public Query exact(String text) {
        return parse(analyzer, text);
    }

    /**
     * The words and phrases as typed, without synonyms: what a snippet had best show. Null on a site without
     * synonyms, where it is the same as {@link #exact}.
     */
    public Query typed(String text) {
        return synonyms ? parse(plain, text) : null;
    }

    private static Query parse(Analyzer analyzer, String text) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Documents.WEIGHTS, SimpleQueryParser.PHRASE_OPERATOR) {
            @Override
            protected Query newDefaultQuery(String words) {
                BooleanQuery.Builder fields = new BooleanQuery.Builder();
                for (Map.Entry<String, Float> field : weights.entrySet()) {
                    Query query = createBooleanQuery(field.getKey(), words, getDefaultOperator());
                    // a synonym of several words is a phrase: in long bodies of common words, checking its
                    // positions cost more than half of a search, and the words still count one by one
                    if (field.getKey().equals(Documents.BODY)) {
                        query = withoutPhrases(query);
                    }
                    if (query != null) {
                        fields.add(new BoostQuery(query, field.getValue()), BooleanClause.Occur.SHOULD);
                    }
                }
                return fields.build();
            }
        };
        parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return flat(parser.parse(text), 1f, new BooleanQuery.Builder(), true);
    }

    /**
     * The same query as one flat list of optional clauses where the parser nested one list per field:
     * scores are the same, but Lucene can skip far more of the documents that cannot make the top.
     */
    private static Query flat(Query query, float boost, BooleanQuery.Builder into, boolean top) {
        if (query instanceof BoostQuery boosted) {
            return flat(boosted.getQuery(), boost * boosted.getBoost(), into, top);
        }
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)) {
            bool.clauses().forEach(c -> flat(c.getQuery(), boost, into, false));
        } else if (query != null) {
            into.add(boost == 1f ? query : new BoostQuery(query, boost), BooleanClause.Occur.SHOULD);
        }
        return top ? into.build() : null;
    }

    /**
     * Words the index has in place of misspelt ones: for each word it does not know, or, with {@code every},
     * for every word (when the exact query finds little), the closest words of the questions and bodies.
     * Null when there is none. Matching the corrections as plain words, rather than every field by
     * spelling, keeps both the search and its highlighting fast.
     *
     * @param corrections the closest known words of a word, as {@link #corrections} finds them in the same
     *     readers: a cache of them may answer instead
     */
    public Query corrected(List<IndexReader> readers, String text, boolean every,
            Function<String, List<String>> corrections) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        int corrected = 0;
        for (String term : new java.util.LinkedHashSet<>(Analysis.terms(plain, Documents.BODY, text.replace('"', ' ')))) {
            int length = term.codePointCount(0, term.length());
            if (length < 3 || length > MAX_CORRECTED_LENGTH || !every && known(readers, term)) {
                continue;
            }
            if (++corrected > MAX_CORRECTED_WORDS) {
                break;
            }
            for (String fix : corrections.apply(term)) {
                for (Map.Entry<String, Float> field : Documents.WEIGHTS.entrySet()) {
                    query.add(new BoostQuery(new TermQuery(new Term(field.getKey(), fix)),
                            field.getValue() * CORRECTED_WEIGHT), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
        }
        return clauses == 0 ? null : query.build();
    }

    /**
     * The known words closest in spelling to {@code term}: one edit away for words of up to seven letters,
     * two for longer ones; the fewest edits first, then the most used.
     */
    public static List<String> corrections(List<IndexReader> readers, String term) {
        int edits = term.length() <= 7 ? 1 : 2;
        CompiledAutomaton automaton = FuzzyQuery.getFuzzyAutomaton(term, edits, 1, true);
        Map<String, Integer> found = new HashMap<>();
        try {
            for (LeafReaderContext leaf : readers.stream().flatMap(r -> r.leaves().stream()).toList()) {
                for (String field : SPELLING_FIELDS) {
                    Terms terms = leaf.reader().terms(field);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum matching = automaton.getTermsEnum(terms);
                    for (BytesRef word = matching.next(); word != null; word = matching.next()) {
                        found.merge(word.utf8ToString(), matching.docFreq(), Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.remove(term);
        return found.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> Suggestions.distance(term, e.getKey()))
                        .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .limit(CORRECTIONS).map(Map.Entry::getKey).toList();
    }

    /** The query without its optional phrases; null when nothing is left. */
    private static Query withoutPhrases(Query query) {
        if (query instanceof PhraseQuery || query instanceof MultiPhraseQuery) {
            return null;
        }
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)) {
            BooleanQuery.Builder kept = new BooleanQuery.Builder();
            int count = 0;
            for (BooleanClause clause : bool.clauses()) {
                Query part = withoutPhrases(clause.getQuery());
                if (part != null) {
                    kept.add(part, BooleanClause.Occur.SHOULD);
                    count++;
                }
            }
            return count == 0 ? null : kept.build();
        }
        return query;
    }

    /** Combines queries, any of which may be null; null when all are. */
    public static Query either(List<Query> queries) {
        List<Query> present = queries.stream().filter(q -> q != null).toList();
        if (present.size() <= 1) {
            return present.isEmpty() ? null : present.get(0);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        present.forEach(q -> query.add(q, BooleanClause.Occur.SHOULD));
        return query.build();
    }

    private static boolean known(List<IndexReader> readers, String term) {
        try {
            for (IndexReader reader : readers) {
                for (String field : Documents.WEIGHTS.keySet()) {
                    if (reader.docFreq(new Term(field, term)) > 0) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
