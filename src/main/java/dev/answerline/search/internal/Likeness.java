package dev.answerline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;

/**
 * The answers most like an answer, within its category: Lucene's MoreLikeThis over the question and the
 * body. The result is the same for the same content however the index was built: scores are rounded before
 * ties are broken by slug, so that the order in which threads added documents cannot show.
 */
public final class Likeness {
    /** Kept per answer: the box shows four, and the editor's picks may take some places. */
    public static final int KEPT = 6;
    /** Candidates read before rounding and sorting. */
    private static final int CANDIDATES = 12;
    private static final MathContext ROUNDING = new MathContext(5);
    private static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE,
            new SortField(Documents.ID, SortField.Type.STRING));
    /** Words of each field read to find what an answer is about: its opening says that. */
    private static final int TOKENS = 300;

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final IndexReader frequencies;
    /** Each category's own index, scored with the statistics of all; empty when the index is not split. */
    private final Map<String, IndexSearcher> categories;

    /** For finding the similar answers of many answers at once, from several threads, in one index state. */
    public Likeness(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.frequencies = new FrequencyCache(searcher.getIndexReader());
        this.categories = Map.of();
    }

    /**
     * As {@link #Likeness(IndexSearcher, Analyzer)}, over an index split by category: a query then reads
     * only its own category's postings instead of every answer's, which makes finding the similar answers of
     * all answers grow with the square of a category's size rather than of the site's. Word frequencies and
     * lengths still come from all answers, so the scores, and the answers found, are the same.
     *
     * @param byCategory each category's index, by category id
     */
    public Likeness(Map<String, IndexReader> byCategory, Analyzer analyzer) throws IOException {
        this.analyzer = analyzer;
        this.searcher = new IndexSearcher(new MultiReader(byCategory.values().toArray(IndexReader[]::new), false));
        this.frequencies = new FrequencyCache(searcher.getIndexReader());
        Map<String, IndexSearcher> split = new java.util.HashMap<>();
        byCategory.forEach((category, reader) -> split.put(category, new WithStatisticsOf(reader, searcher,
                frequencies)));
        this.categories = Map.copyOf(split);
    }

    /** The slugs of the answers most like this answer, most alike first. */
    public List<String> of(Item answer) {
        try {
            MoreLikeThis mlt = new MoreLikeThis(frequencies);
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {Documents.QUESTION, Documents.BODY});
            mlt.setMinTermFreq(1);
            // a word no other answer has says nothing about likeness; nor does one that a fifth of them have
            mlt.setMinDocFreq(2);
            mlt.setMaxDocFreqPct(20);
            mlt.setMinWordLen(3);
            mlt.setMaxNumTokensParsed(TOKENS);
            mlt.setMaxQueryTerms(8);
            mlt.setBoost(true);
            Map<String, Collection<Object>> texts = Map.of(Documents.QUESTION, List.of(answer.title()),
                    Documents.BODY, List.of(answer.body().get()));
            IndexSearcher target = categories.isEmpty() ? searcher : categories.get(answer.category());
            Query within = !categories.isEmpty() ? mlt.like(texts) : new BooleanQuery.Builder()
                    .add(mlt.like(texts), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(Documents.CATEGORY, answer.category())), BooleanClause.Occur.FILTER)
                    .build();
            IndexReader reader = target.getIndexReader();
            // ties broken by id, not by document number: that depends on how threads filled the index
            ScoreDoc[] hits = target.search(within, CANDIDATES, BY_SCORE_THEN_ID, true).scoreDocs;
            List<Candidate> candidates = new ArrayList<>();
            for (ScoreDoc hit : hits) {
                String id = Documents.id(reader, hit.doc);
                if (!id.equals(answer.id())) {
                    candidates.add(new Candidate(id.substring(id.indexOf(':') + 1),
                            new BigDecimal(hit.score).round(ROUNDING)));
                }
            }
            candidates.sort(Comparator.comparing(Candidate::score).reversed().thenComparing(Candidate::slug));
            return candidates.stream().limit(KEPT).map(Candidate::slug).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Candidate(String slug, BigDecimal score) {}

    /** A searcher over one category that scores with the word statistics of every category. */
    private static final class WithStatisticsOf extends IndexSearcher {
        private final IndexSearcher all;
        private final IndexReader frequencies;

        WithStatisticsOf(IndexReader category, IndexSearcher all, IndexReader frequencies) {
            super(category);
            this.all = all;
            this.frequencies = frequencies;
        }

        @Override
        public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
            int everywhere = frequencies.docFreq(term);
            return everywhere == 0 ? null
                    : new TermStatistics(term.bytes(), everywhere, frequencies.totalTermFreq(term));
        }

        @Override
        public CollectionStatistics collectionStatistics(String field) throws IOException {
            return all.collectionStatistics(field);
        }
    }
}
