package dev.answerline.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    public boolean has(String slug) {
        return answers.containsKey(slug);
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

    /** Keeps only the answers {@code keep} says to, as they were put: the others are to be put again or are gone. */
    public void retain(java.util.function.BiPredicate<String, String> keep) {
        answers.entrySet().removeIf(e -> !keep.test(e.getKey(), e.getValue().category()));
    }

    /**
     * Writes the dictionary and every answer's packed terms, for {@link #read}: a build keeps them for the
     * next, which then analyses only the answers edited since.
     */
    public void write(java.io.DataOutput out) throws java.io.IOException {
        String[] words = new String[ids.size()];
        ids.forEach((word, id) -> words[id] = word);
        out.writeInt(words.length);
        for (String word : words) {
            out.writeUTF(word);
        }
        out.writeInt(answers.size());
        for (Map.Entry<String, Kept> e : new java.util.TreeMap<>(answers).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue().category());
            out.writeInt(e.getValue().terms().length);
            out.write(e.getValue().terms());
        }
    }

    /**
     * What {@link #write} wrote.
     *
     * @throws java.io.IOException also when the bytes are not what it writes
     */
    public static Likeness read(java.io.DataInput in) throws java.io.IOException {
        Likeness likeness = new Likeness();
        int words = in.readInt();
        if (words < 0) {
            throw new java.io.IOException("a dictionary of " + words + " words");
        }
        for (int id = 0; id < words; id++) {
            likeness.ids.put(in.readUTF(), id);
        }
        for (int n = in.readInt(); n > 0; n--) {
            String slug = in.readUTF();
            String category = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length > 1 << 26) {
                throw new java.io.IOException("packed terms of " + length + " bytes");
            }
            byte[] terms = new byte[length];
            in.readFully(terms);
            likeness.answers.put(slug, new Kept(category, terms));
        }
        return likeness;
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
        List<Map.Entry<String, Kept>> sorted = new ArrayList<>(answers.entrySet());
        // by category, so that a category's answers are a range; then by slug, which breaks ties
        sorted.sort(Comparator.comparing((Map.Entry<String, Kept> e) -> e.getValue().category())
                .thenComparing(Map.Entry::getKey));
        int n = sorted.size();
        String[] slugs = new String[n];
        String[] categories = new String[n];
        byte[][] terms = new byte[n][];
        for (int d = 0; d < n; d++) {
            slugs[d] = sorted.get(d).getKey();
            categories[d] = sorted.get(d).getValue().category();
            terms[d] = sorted.get(d).getValue().terms();
        }
        return new Computation(slugs, categories, terms, ids.size()).run(parallel);
    }
}
