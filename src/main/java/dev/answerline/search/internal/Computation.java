package dev.answerline.search.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.util.PriorityQueue;
import org.apache.lucene.util.SmallFloat;

/**
 * One computation of {@link Likeness}: every answer's similar answers from the packed terms of all, as
 * MoreLikeThis and BM25 found them. Word statistics come from all answers; answers are matched within their
 * category, one category at a time, so that only one category's postings are on the heap at once (all of
 * them, at 100,000 answers, would be hundreds of megabytes beside a served site).
 */
final class Computation {
    private static final int CANDIDATES = 12;
    private static final int QUERY_TERMS = 8;
    /** A word no other answer has says nothing about likeness; nor does one that a fifth of them have. */
    private static final int MIN_DOC_FREQ = 2;
    private static final int MAX_DOC_FREQ_PERCENT = 20;
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    /** Answers computed together on a thread; a fixed number, so that nothing depends on the thread count. */
    private static final int CHUNK = 256;
    /** The order MoreLikeThis met the fields in: a HashMap's; among terms of equal score the first met stays. */
    private static final int[] FIELD_ORDER = fieldOrder();

    /** Answers sorted by category then slug: a category is a range, and in it places follow slugs. */
    private final String[] slugs;
    private final String[] categories;
    private final byte[][] terms;
    private final Field[] fields = new Field[2];

    /** @param terms each answer's, packed as {@link Likeness} packs them with ids below {@code words} */
    Computation(String[] slugs, String[] categories, byte[][] terms, int words) {
        this.slugs = slugs;
        this.categories = categories;
        this.terms = terms;
        int n = slugs.length;
        // MoreLikeThis took a fifth of the index's documents: the answers of every category
        int maxDocFreq = (int) ((long) MAX_DOC_FREQ_PERCENT * n / 100);
        fields[0] = new Field(n, words, maxDocFreq);
        fields[1] = new Field(n, words, maxDocFreq);
        Reader in = new Reader();
        for (int d = 0; d < n; d++) {
            in.start(terms[d]);
            for (Field field : fields) {
                int distinct = field.lengthOf(d, in);
                int opened = in.number();
                for (int i = 0; i < distinct; i++) {
                    field.docFreq[in.number()]++;
                    in.number();
                    if (i < opened) {
                        in.number();
                    }
                }
            }
        }
        for (Field field : fields) {
            field.statistics();
        }
    }

    Map<String, List<String>> run(boolean parallel) {
        int n = slugs.length;
        @SuppressWarnings("unchecked")
        List<String>[] lists = new List[n];
        for (int from = 0, to; from < n; from = to) {
            for (to = from + 1; to < n && categories[to].equals(categories[from]); ) {
                to++;
            }
            int first = from;
            int end = to;
            Postings[] postings = {fields[0].postings(first, end, terms, 0), fields[1].postings(first, end, terms, 1)};
            IntStream chunks = IntStream.range(0, (end - first + CHUNK - 1) / CHUNK);
            (parallel ? chunks.parallel() : chunks).forEach(c -> {
                Scratch scratch = new Scratch(end - first);
                for (int d = first + c * CHUNK; d < Math.min(end, first + (c + 1) * CHUNK); d++) {
                    lists[d] = similar(d, first, postings, scratch);
                }
            });
        }
        Map<String, List<String>> bySlug = new HashMap<>();
        for (int d = 0; d < n; d++) {
            bySlug.put(slugs[d], lists[d]);
        }
        return bySlug;
    }

    /** What MoreLikeThis asked for this answer, then the answers of its category that query found. */
    private List<String> similar(int d, int from, Postings[] postings, Scratch scratch) {
        Reader in = scratch.reader;
        in.start(terms[d]);
        int[][] opening = scratch.opening;
        int[] opened = new int[2];
        for (int f = 0; f < 2; f++) {
            int distinct = fields[f].lengthOf(-1, in);
            opened[f] = in.number();
            opening[f] = scratch.room(f, 2 * opened[f]);
            // the question's words are read to the end, to reach the body's; the body's only to its opening's
            int read = f == 0 ? distinct : opened[f];
            for (int i = 0; i < read; i++) {
                int id = in.number();
                in.number();
                if (i < opened[f]) {
                    opening[f][2 * i] = id;
                    opening[f][2 * i + 1] = in.number();
                }
            }
        }
        int limit = Math.min(QUERY_TERMS, opened[0] + opened[1]);
        if (limit == 0) {
            return List.of();
        }
        QueryTerms queue = new QueryTerms(limit);
        for (int f : FIELD_ORDER) {
            for (int i = 0; i < opened[f]; i++) {
                int id = opening[f][2 * i];
                float idf = fields[f].classicIdf(id);
                if (idf > 0) {
                    queue.offer(f, id, opening[f][2 * i + 1] * idf);
                }
            }
        }
        int size = queue.size();
        Postings[] lists = new Postings[size];
        int[] ids = new int[size];
        float[] weights = new float[size];
        float[] most = new float[size];
        // the queue gives its least term first, and MoreLikeThis took that for the "best" score
        float best = -1;
        for (int i = 0; i < size; i++) {
            QueryTerm term = queue.pop();
            if (best == -1) {
                best = term.score;
            }
            float weight = term.score / best * fields[term.field].bm25Idf(term.id);
            Postings list = postings[term.field];
            // the most the term gives an answer: BM25 grows with the denominator, float for float
            float max = list.length(term.id) == 0 ? 0 : weight - weight / list.largest()[term.id];
            int j = i;
            for (; j > 0 && most[j - 1] < max; j--) {
                lists[j] = lists[j - 1];
                ids[j] = ids[j - 1];
                weights[j] = weights[j - 1];
                most[j] = most[j - 1];
            }
            lists[j] = list;
            ids[j] = term.id;
            weights[j] = weight;
            most[j] = max;
        }
        score(lists, ids, weights, most, scratch);
        return scratch.top(d, from, slugs, CANDIDATES, Likeness.KEPT);
    }

    /**
     * Scores the query's terms, those that can give the most first. Once the answers already found have
     * {@value #CANDIDATES} scores that the remaining terms together could not reach, no other answer can
     * take a place: the remaining terms are added to the answers found only (MaxScore's idea), which spares
     * the long lists of the common words, most of the time of a large category. Scores are the same.
     */
    private static void score(Postings[] lists, int[] ids, float[] weights, float[] most, Scratch scratch) {
        boolean closed = false;
        for (int j = 0; j < lists.length; j++) {
            Postings list = lists[j];
            if (closed) {
                list.addToFound(ids[j], weights[j], scratch);
                continue;
            }
            list.score(ids[j], weights[j], scratch);
            long remaining = 0;
            double reach = 0;
            for (int k = j + 1; k < lists.length; k++) {
                remaining += lists[k].length(ids[k]);
                reach += most[k];
            }
            // the twelfth partial score bounds the twelfth final one from below; finding it costs one pass
            if (scratch.found() >= CANDIDATES && remaining > 2L * scratch.found()) {
                closed = (float) reach < (float) scratch.largest(CANDIDATES);
            }
        }
    }

    /** One field of every answer: lengths and word statistics of all, the words a query may take. */
    private static final class Field {
        final int[] length;
        final int[] docFreq;
        final int maxDocFreq;
        int docCount;
        byte[] norms;
        /** BM25's {@code 1 / (k1 * (1 - b + b * length / average))} for each encoded length, as Lucene has it. */
        final float[] normInverse = new float[256];

        Field(int n, int words, int maxDocFreq) {
            this.length = new int[n];
            this.docFreq = new int[words];
            this.maxDocFreq = maxDocFreq;
        }

        /** Reads the answer's length ({@code d} < 0: skips it) and gives its number of words. */
        int lengthOf(int d, Reader in) {
            int n = in.number();
            if (d >= 0) {
                length[d] = n;
            }
            return in.number();
        }

        void statistics() {
            long total = 0;
            norms = new byte[length.length];
            for (int d = 0; d < length.length; d++) {
                if (length[d] > 0) {
                    docCount++;
                    total += length[d];
                }
                norms[d] = SmallFloat.intToByte4(length[d]);
            }
            float average = docCount == 0 ? 1 : (float) (total / (double) docCount);
            for (int i = 0; i < 256; i++) {
                normInverse[i] = 1f / (K1 * ((1 - B) + B * SmallFloat.byte4ToInt((byte) i) / average));
            }
        }

        boolean queried(int id) {
            return docFreq[id] >= MIN_DOC_FREQ && docFreq[id] <= maxDocFreq;
        }

        /** MoreLikeThis's idf (ClassicSimilarity's), over the answers with the field; 0 for a word it skipped. */
        float classicIdf(int id) {
            return queried(id) ? (float) (Math.log((docCount + 1) / (double) (docFreq[id] + 1)) + 1.0) : 0;
        }

        float bm25Idf(int id) {
            return (float) Math.log(1 + (docCount - docFreq[id] + 0.5D) / (docFreq[id] + 0.5D));
        }

        /** The answers from {@code from} to {@code to} that have each word a query may take. */
        Postings postings(int from, int to, byte[][] terms, int field) {
            int[] start = new int[docFreq.length + 1];
            Reader in = new Reader();
            for (int pass = 0; pass < 2; pass++) {
                float[] tf = pass == 0 ? null : new float[start[docFreq.length]];
                float[] largest = pass == 0 ? null : new float[docFreq.length];
                int[] docs = pass == 0 ? null : new int[tf.length];
                int[] next = pass == 0 ? start : java.util.Arrays.copyOf(start, docFreq.length);
                for (int d = from; d < to; d++) {
                    in.start(terms[d]);
                    for (int f = 0; f < field; f++) {
                        in.skipField();
                    }
                    in.number();
                    int distinct = in.number();
                    int opened = in.number();
                    for (int i = 0; i < distinct; i++) {
                        int id = in.number();
                        int count = in.number();
                        if (i < opened) {
                            in.number();
                        }
                        if (!queried(id)) {
                            continue;
                        }
                        if (pass == 0) {
                            start[id + 1]++;
                        } else {
                            docs[next[id]] = d - from;
                            // Lucene's BM25 has 1 + freq / norm in float too: the same float, found once
                            tf[next[id]] = 1f + count * normInverse[norms[d] & 0xFF];
                            largest[id] = Math.max(largest[id], tf[next[id]++]);
                        }
                    }
                }
                if (pass == 0) {
                    for (int id = 0; id < docFreq.length; id++) {
                        start[id + 1] += start[id];
                    }
                } else {
                    return new Postings(start, docs, tf, largest);
                }
            }
            throw new AssertionError();
        }
    }

    /**
     * A category's answers with each word, by their place in it, BM25's denominator for each, and the largest
     * denominator of each word.
     */
    private record Postings(int[] start, int[] places, float[] denominators, float[] largest) {
        int length(int id) {
            return start[id + 1] - start[id];
        }

        /** Adds one query term's BM25 score to every answer of the category that has it. */
        void score(int id, float weight, Scratch scratch) {
            for (int p = start[id]; p < start[id + 1]; p++) {
                scratch.add(places[p], weight - weight / denominators[p]);
            }
        }

        /** The same, for the answers already found only. */
        void addToFound(int id, float weight, Scratch scratch) {
            int found = scratch.found();
            if (8L * found < length(id)) {
                for (int t = 0; t < found; t++) {
                    int place = scratch.foundAt(t);
                    int p = java.util.Arrays.binarySearch(places, start[id], start[id + 1], place);
                    if (p >= 0) {
                        scratch.addToFound(place, weight - weight / denominators[p]);
                    }
                }
            } else {
                for (int p = start[id]; p < start[id + 1]; p++) {
                    if (scratch.isFound(places[p])) {
                        scratch.addToFound(places[p], weight - weight / denominators[p]);
                    }
                }
            }
        }
    }

    /** Reads the numbers {@link Likeness} packed. */
    static final class Reader {
        private byte[] bytes;
        private int at;

        void start(byte[] packed) {
            bytes = packed;
            at = 0;
        }

        int number() {
            int n = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                n |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return n;
                }
            }
        }

        void skipField() {
            number();
            int distinct = number();
            int opened = number();
            for (int i = 0; i < distinct; i++) {
                number();
                number();
                if (i < opened) {
                    number();
                }
            }
        }
    }

    private static int[] fieldOrder() {
        Map<String, Integer> fields = new HashMap<>();
        fields.put(Documents.QUESTION, Terms.QUESTION);
        fields.put(Documents.BODY, Terms.BODY);
        return fields.values().stream().mapToInt(Integer::intValue).toArray();
    }

    private static final class QueryTerm {
        int field;
        int id;
        float score;
    }

    /** MoreLikeThis's queue: Lucene's own, so that terms of equal scores are kept and dropped as it did. */
    private static final class QueryTerms extends PriorityQueue<QueryTerm> {
        private final int limit;

        QueryTerms(int limit) {
            super(limit);
            this.limit = limit;
        }

        @Override
        protected boolean lessThan(QueryTerm a, QueryTerm b) {
            return a.score < b.score;
        }

        void offer(int field, int id, float score) {
            if (size() < limit) {
                QueryTerm term = new QueryTerm();
                term.field = field;
                term.id = id;
                term.score = score;
                add(term);
            } else {
                QueryTerm least = top();
                if (least.score < score) {
                    least.field = field;
                    least.id = id;
                    least.score = score;
                    updateTop();
                }
            }
        }
    }
}
