package dev.answerline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.CompositeReader;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;

/**
 * A reader that remembers how many documents have each word, and how often it occurs in all. MoreLikeThis
 * asks the first for every word of every answer, and scoring a split index asks both for every query word:
 * finding the similar answers of 10,000 spent half its time looking the same common words up in every segment
 * again. Read-only and for one computation: it does not follow index changes.
 */
final class FrequencyCache extends CompositeReader {
    private final IndexReader in;
    private final List<LeafReader> leaves;
    /** Documents with the word, then occurrences in all. */
    private final Map<Term, long[]> counts = new ConcurrentHashMap<>();

    FrequencyCache(IndexReader in) {
        this.in = in;
        this.leaves = in.leaves().stream().map(LeafReaderContext::reader).toList();
    }

    @Override
    public int docFreq(Term term) {
        return (int) counts(term)[0];
    }

    private long[] counts(Term term) {
        return counts.computeIfAbsent(term, t -> {
            try {
                return new long[] {in.docFreq(t), in.totalTermFreq(t)};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    protected List<? extends IndexReader> getSequentialSubReaders() {
        return leaves;
    }

    @Override
    public long totalTermFreq(Term term) {
        return counts(term)[1];
    }

    @Override
    public long getSumDocFreq(String field) throws IOException {
        return in.getSumDocFreq(field);
    }

    @Override
    public int getDocCount(String field) throws IOException {
        return in.getDocCount(field);
    }

    @Override
    public long getSumTotalTermFreq(String field) throws IOException {
        return in.getSumTotalTermFreq(field);
    }

    @Override
    @Deprecated
    public Fields getTermVectors(int doc) throws IOException {
        return in.termVectors().get(doc);
    }

    @Override
    public TermVectors termVectors() throws IOException {
        return in.termVectors();
    }

    @Override
    public int numDocs() {
        return in.numDocs();
    }

    @Override
    public int maxDoc() {
        return in.maxDoc();
    }

    @Override
    @Deprecated
    public void document(int doc, StoredFieldVisitor visitor) throws IOException {
        in.storedFields().document(doc, visitor);
    }

    @Override
    public StoredFields storedFields() throws IOException {
        return in.storedFields();
    }

    @Override
    protected void doClose() {
        // the wrapped reader belongs to the searcher manager
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }
}
