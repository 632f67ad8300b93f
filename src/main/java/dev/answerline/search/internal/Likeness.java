package dev.answerline.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The term data of a site's answers, kept in little heap, and the answers most like each, within its
 * category: what Lucene's MoreLikeThis found over the question and the body, scored with BM25 within the
 * category and the word statistics of all answers, computed here without an index. It took 7.8 s at 10,000
 * answers with Lucene (2.6 s building an index per category, the rest one query per answer); this takes a
 * small part of a second, so every list is found again after each edit, the same as a build finds it.
 *
 * <p>Words are ids of one dictionary and counts are variable-length numbers, about 4 bytes a distinct word of
 * an answer: a served site of 100,000 answers keeps them all for its updates. Not safe for concurrent changes;
 * {@link #similar} may run on several threads and gives the same lists however many.
 */
public final class Likeness {
    /** Kept per answer: the box shows four, and the editor's picks may take some places. */
    static final int KEPT = 6;
    /** Found before rounding and sorting, as the Lucene query did. */
    private static final int CANDIDATES = 12;
    private static final int QUERY_TERMS = 8;
    /** A word no other answer has says nothing about likeness; nor does one that a fifth of them have. */
    private static final int MIN_DOC_FREQ = 2;
    private static final int MAX_DOC_FREQ_PERCENT = 20;
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    /** Answers computed together on a thread; a fixed number, so that nothing depends on the thread count. */
    private static final int CHUNK = 256;
    /**
     * The order MoreLikeThis met the fields in: a HashMap's, and among terms of equal score the first met
     * stays in its queue.
     */
    private static final int[] FIELD_ORDER = fieldOrder();

    /** Every word ever put, with its id: a word no answer has any more costs a hundred bytes, and no time. */
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Kept> answers = new HashMap<>();

    /** One answer: its category and its terms, packed (see {@link #pack}). */
    private record Kept(String category, byte[] terms) {}

    /** Adds or replaces an answer's terms. */
    public void put(String slug, String category, Terms terms) {
        answers.put(slug, new Kept(category, pack(terms)));
    }

    public void remove(String slug) {
        answers.remove(slug);
    }

    /** The answers kept. */
    public int size() {
        return answers.size();
    }

    /** Per field: length, words, words in the opening, then each word's id, count and opening count. */
    private byte[] pack(Terms terms) {
        Terms.Field question = terms.field(Terms.QUESTION);
        Terms.Field body = terms.field(Terms.BODY);
        Packed out = new Packed(5 * (question.words().length + body.words().length) + 30);
        for (Terms.Field field : List.of(question, body)) {
            out.number(field.length());
            out.number(field.words().length);
            out.number(field.opening().length);
            for (int i = 0; i < field.words().length; i++) {
                out.number(id(field.words()[i]));
                out.number(field.counts()[i]);
                if (i < field.opening().length) {
                    out.number(field.opening()[i]);
                }
            }
        }
        return Arrays.copyOf(out.bytes, out.size);
    }

    /** Numbers in as few bytes as they need, as {@link Terms#write} writes them. */
    private static final class Packed {
        byte[] bytes;
        int size;

        Packed(int capacity) {
            bytes = new byte[capacity];
        }

        void number(int n) {
            if (size + 5 > bytes.length) {
                bytes = Arrays.copyOf(bytes, 2 * bytes.length + 5);
            }
            while ((n & ~0x7F) != 0) {
                bytes[size++] = (byte) ((n & 0x7F) | 0x80);
                n >>>= 7;
            }
            bytes[size++] = (byte) n;
        }
    }

    private int id(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            id = ids.size();
            ids.put(word, id);
        }
        return id;
    }

    /** An estimate of the heap this takes: the packed terms, and about 100 bytes a word of the dictionary. */
    public long bytes() {
        long bytes = 0;
        for (Map.Entry<String, Kept> e : answers.entrySet()) {
            bytes += 120 + 2L * e.getKey().length() + e.getValue().terms.length;
        }
        for (String word : ids.keySet()) {
            bytes += 100 + word.length();
        }
        return bytes;
    }

    /** The slugs of the answers most like each answer, most alike first, by slug. */
    public Map<String, List<String>> similar(boolean parallel) {
        return new Computation(this).run(parallel);
    }

    /** One computation over the kept answers, unpacked into arrays. */
    private static final class Computation {
        private final String[] slugs;
        /** The first answer of each answer's category, and the one after its last: answers sorted by those. */
        private final int[] from;
        private final int[] to;
        private final Field[] fields = new Field[2];
        private final int maxDocFreq;

        Computation(Likeness kept) {
            List<Map.Entry<String, Kept>> sorted = new ArrayList<>(kept.answers.entrySet());
            // by category, so that a category's answers are a range; then by slug, which breaks ties
            sorted.sort(Comparator.comparing((Map.Entry<String, Kept> e) -> e.getValue().category())
                    .thenComparing(Map.Entry::getKey));
            int n = sorted.size();
            this.slugs = new String[n];
            this.from = new int[n];
            this.to = new int[n];
            for (int d = 0; d < n; d++) {
                slugs[d] = sorted.get(d).getKey();
                boolean first = d == 0 || !sorted.get(d - 1).getValue().category().equals(
                        sorted.get(d).getValue().category());
                from[d] = first ? d : from[d - 1];
            }
            for (int d = n - 1; d >= 0; d--) {
                to[d] = d == n - 1 || from[d + 1] != from[d] ? d + 1 : to[d + 1];
            }
            fields[0] = new Field(n, kept.ids.size());
            fields[1] = new Field(n, kept.ids.size());
            int[] at = new int[1];
            for (int d = 0; d < n; d++) {
                byte[] packed = sorted.get(d).getValue().terms();
                at[0] = 0;
                fields[0].read(d, packed, at);
                fields[1].read(d, packed, at);
            }
            // MoreLikeThis took a fifth of the index's documents, the answers of every category
            this.maxDocFreq = (int) ((long) MAX_DOC_FREQ_PERCENT * n / 100);
            for (Field field : fields) {
                field.invert(maxDocFreq);
            }
        }

        Map<String, List<String>> run(boolean parallel) {
            int n = slugs.length;
            @SuppressWarnings("unchecked")
            List<String>[] lists = new List[n];
            IntStream chunks = IntStream.range(0, (n + CHUNK - 1) / CHUNK);
            int largest = IntStream.range(0, n).map(d -> to[d] - from[d]).max().orElse(0);
            (parallel ? chunks.parallel() : chunks).forEach(c -> {
                Scratch scratch = new Scratch(largest);
                for (int d = c * CHUNK; d < Math.min(n, (c + 1) * CHUNK); d++) {
                    lists[d] = similar(d, scratch);
                }
            });
            Map<String, List<String>> bySlug = new HashMap<>();
            for (int d = 0; d < n; d++) {
                bySlug.put(slugs[d], lists[d]);
            }
            return bySlug;
        }

        /** What MoreLikeThis asked for this answer, then the answers of its category that query found. */
        private List<String> similar(int d, Scratch scratch) {
            int limit = Math.min(QUERY_TERMS, fields[0].opened(d) + fields[1].opened(d));
            if (limit == 0) {
                return List.of();
            }
            QueryTerms queue = new QueryTerms(limit);
            for (int f : FIELD_ORDER) {
                fields[f].chooseTerms(d, f, maxDocFreq, queue);
            }
            int terms = queue.size();
            if (terms == 0) {
                return List.of();
            }
            // the queue gives its least term first, and MoreLikeThis took that for the "best" score
            float best = -1;
            for (int i = 0; i < terms; i++) {
                QueryTerm term = queue.pop();
                if (best == -1) {
                    best = term.score;
                }
                float boost = term.score / best;
                fields[term.field].score(term.id, boost, from[d], to[d], scratch);
            }
            return scratch.top(d, from[d], slugs, CANDIDATES, KEPT);
        }
    }

    /** One field of every answer: its terms as arrays, then as each word's answers. */
    private static final class Field {
        final int[] length;
        final int[] start;
        final int[] opened;
        int[] ids = new int[1024];
        int[] counts = new int[1024];
        int[] opening = new int[1024];
        final int[] docFreq;
        int docCount;
        /**
         * Answers with each word, in order, and for each BM25's {@code 1 + count / norm}, which depends on the
         * answer alone; only words a query may take.
         */
        int[] postingsStart;
        int[] postingDocs;
        float[] postingTerms;
        byte[] norms;
        /** BM25's {@code 1 / (k1 * (1 - b + b * length / average))} for each encoded length, as Lucene has it. */
        final float[] normInverse = new float[256];

        Field(int n, int words) {
            this.length = new int[n];
            this.start = new int[n + 1];
            this.opened = new int[n];
            this.docFreq = new int[words];
        }

        void read(int d, byte[] packed, int[] at) {
            length[d] = number(packed, at);
            int distinct = number(packed, at);
            opened[d] = number(packed, at);
            int s = start[d];
            if (s + distinct > ids.length) {
                int size = Math.max(2 * ids.length, s + distinct);
                ids = Arrays.copyOf(ids, size);
                counts = Arrays.copyOf(counts, size);
                opening = Arrays.copyOf(opening, size);
            }
            for (int i = 0; i < distinct; i++) {
                int id = number(packed, at);
                ids[s + i] = id;
                counts[s + i] = number(packed, at);
                opening[s + i] = i < opened[d] ? number(packed, at) : 0;
                docFreq[id]++;
            }
            start[d + 1] = s + distinct;
        }

        int opened(int d) {
            return opened[d];
        }

        void invert(int maxDocFreq) {
            int n = length.length;
            long total = 0;
            norms = new byte[n];
            for (int d = 0; d < n; d++) {
                if (length[d] > 0) {
                    docCount++;
                    total += length[d];
                }
                norms[d] = org.apache.lucene.util.SmallFloat.intToByte4(length[d]);
            }
            float average = docCount == 0 ? 1 : (float) (total / (double) docCount);
            for (int i = 0; i < 256; i++) {
                normInverse[i] = 1f / (K1 * ((1 - B) + B * org.apache.lucene.util.SmallFloat.byte4ToInt((byte) i)
                        / average));
            }
            postingsStart = new int[docFreq.length + 1];
            for (int id = 0; id < docFreq.length; id++) {
                postingsStart[id + 1] = postingsStart[id] + (queried(id, maxDocFreq) ? docFreq[id] : 0);
            }
            postingDocs = new int[postingsStart[docFreq.length]];
            postingTerms = new float[postingDocs.length];
            int[] next = Arrays.copyOf(postingsStart, docFreq.length);
            for (int d = 0; d < n; d++) {
                for (int i = start[d]; i < start[d + 1]; i++) {
                    int id = ids[i];
                    if (queried(id, maxDocFreq)) {
                        postingDocs[next[id]] = d;
                        postingTerms[next[id]++] = 1f + counts[i] * normInverse[norms[d] & 0xFF];
                    }
                }
            }
        }

        private boolean queried(int id, int maxDocFreq) {
            return docFreq[id] >= MIN_DOC_FREQ && docFreq[id] <= maxDocFreq;
        }

        /** MoreLikeThis's terms of this field, in the order it met them, offered to the queue. */
        void chooseTerms(int d, int f, int maxDocFreq, QueryTerms queue) {
            for (int i = start[d]; i < start[d] + opened[d]; i++) {
                int id = ids[i];
                if (!queried(id, maxDocFreq)) {
                    continue;
                }
                // ClassicSimilarity's idf, over the answers with the field
                float idf = (float) (Math.log((docCount + 1) / (double) (docFreq[id] + 1)) + 1.0);
                queue.offer(f, id, opening[i] * idf);
            }
        }

        /** Adds one query term's BM25 score to every answer of the category that has it. */
        void score(int id, float boost, int from, int to, Scratch scratch) {
            int df = docFreq[id];
            float idf = (float) Math.log(1 + (docCount - df + 0.5D) / (df + 0.5D));
            float weight = boost * idf;
            int end = postingsStart[id + 1];
            int p = Arrays.binarySearch(postingDocs, postingsStart[id], end, from);
            for (p = p < 0 ? -p - 1 : p; p < end && postingDocs[p] < to; p++) {
                // as Lucene's BM25 computes it, float for float
                scratch.add(postingDocs[p] - from, weight - weight / postingTerms[p]);
            }
        }
    }

    private static int number(byte[] packed, int[] at) {
        int n = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = packed[at[0]++];
            n |= (b & 0x7F) << shift;
            if (b >= 0) {
                return n;
            }
        }
    }

    private static int[] fieldOrder() {
        Map<String, Integer> fields = new HashMap<>();
        fields.put(Documents.QUESTION, Terms.QUESTION);
        fields.put(Documents.BODY, Terms.BODY);
        return fields.values().stream().mapToInt(Integer::intValue).toArray();
    }

    static final class QueryTerm {
        int field;
        int id;
        float score;
    }

    /** MoreLikeThis's queue: Lucene's own, so that terms of equal scores are kept and dropped as it did. */
    private static final class QueryTerms extends org.apache.lucene.util.PriorityQueue<QueryTerm> {
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
