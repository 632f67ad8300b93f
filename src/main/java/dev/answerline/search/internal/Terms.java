package dev.answerline.search.internal;

import dev.answerline.content.Answer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What finding similar answers needs of one answer, for its question and its body: how many words each has
 * (BM25 weighs a match by the field's length), how often each word of three letters or more occurs in all of
 * it (the answer as a document others' queries match) and in its first {@link #OPENING} words (the answer as
 * a query, which MoreLikeThis made from those alone). Immutable.
 *
 * <p>The words of the opening come first, in the order MoreLikeThis went through them: a
 * {@code java.util.HashMap}'s, into which it had put them as they came. Among words of equal scores the
 * first it met made the query, which decides many answers' lists; the order is found once, here, rather
 * than for every computation.
 */
public final class Terms {
    public static final int QUESTION = 0;
    public static final int BODY = 1;
    /** Words of each field read to find what an answer is about: its opening says that. */
    public static final int OPENING = 300;
    /** Shorter words say nothing of what an answer is about. */
    public static final int SHORTEST = 3;
    /** The format of {@link #write}, first in it, so that a cache of another format is read as missing. */
    private static final int FORMAT = 1;
    /** More than any answer has; a count past it is a corrupt file, not an answer. */
    private static final int MOST = 1 << 24;

    private final Field[] fields;

    private Terms(Field question, Field body) {
        this.fields = new Field[] {question, body};
    }

    /**
     * One field: its length in words (all of them, as Lucene counts them), its words of three letters or more,
     * how often each occurs, and how often within the opening; the words that occur there come first, so
     * {@code opening} has the counts of the first {@code opening.length} words.
     */
    record Field(int length, String[] words, int[] counts, int[] opening) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Field f && length == f.length && Arrays.equals(words, f.words)
                    && Arrays.equals(counts, f.counts) && Arrays.equals(opening, f.opening);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * length + Arrays.hashCode(words)) + Arrays.hashCode(counts);
        }
    }

    /** An answer's terms, analysed as the search index analyses its question and body. */
    public static Terms of(Analyzer analyzer, Answer answer) {
        return of(analyzer, answer.question(), Documents.body(answer));
    }

    static Terms of(Analyzer analyzer, String question, String body) {
        return new Terms(field(analyzer, Documents.QUESTION, question), field(analyzer, Documents.BODY, body));
    }

    private static Field field(Analyzer analyzer, String name, String text) {
        Map<String, int[]> seen = new HashMap<>();
        String[] words = new String[16];
        int distinct = 0;
        int opened = 0;
        int length = 0;
        try (TokenStream stream = analyzer.tokenStream(name, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                boolean opening = length++ < OPENING;
                if (term.length() < SHORTEST) {
                    continue;
                }
                String word = term.toString();
                int[] counts = seen.get(word);
                if (counts == null) {
                    counts = new int[2];
                    seen.put(word, counts);
                    if (distinct == words.length) {
                        words = Arrays.copyOf(words, 2 * distinct);
                    }
                    words[distinct++] = word;
                }
                counts[0]++;
                if (opening) {
                    opened += counts[1] == 0 ? 1 : 0;
                    counts[1]++;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the order MoreLikeThis's map gave; the words after the opening stay in the order they came
        Map<String, Integer> query = new HashMap<>();
        for (int i = 0; i < opened; i++) {
            query.put(words[i], i);
        }
        String[] ordered = Arrays.copyOf(words, distinct);
        int k = 0;
        for (String word : query.keySet()) {
            ordered[k++] = word;
        }
        words = ordered;
        int[] counts = new int[distinct];
        int[] opening = new int[opened];
        for (int i = 0; i < distinct; i++) {
            int[] c = seen.get(words[i]);
            counts[i] = c[0];
            if (i < opened) {
                opening[i] = c[1];
            }
        }
        return new Field(length, words, counts, opening);
    }

    /** {@link #QUESTION} or {@link #BODY}. */
    Field field(int field) {
        return fields[field];
    }

    /**
     * Writes the terms compactly: a word as modified UTF-8, each number in as few bytes as it needs (most
     * counts are 1). About 2 KB for an answer of a thousand words.
     */
    public void write(DataOutput out) throws IOException {
        writeNumber(out, FORMAT);
        for (Field field : fields) {
            writeNumber(out, field.length);
            writeNumber(out, field.words.length);
            writeNumber(out, field.opening.length);
            for (int i = 0; i < field.words.length; i++) {
                out.writeUTF(field.words[i]);
                writeNumber(out, field.counts[i]);
                if (i < field.opening.length) {
                    writeNumber(out, field.opening[i]);
                }
            }
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException also when the bytes are not terms of this format, so that a cache reads them as
     *     missing and analyses the answer again
     */
    public static Terms read(DataInput in) throws IOException {
        int format = readNumber(in);
        if (format != FORMAT) {
            throw new IOException("terms of format " + format + ", not " + FORMAT);
        }
        return new Terms(readField(in), readField(in));
    }

    private static Field readField(DataInput in) throws IOException {
        int length = readNumber(in);
        int distinct = readNumber(in);
        int opened = readNumber(in);
        if (distinct > length || opened > distinct) {
            throw new IOException("terms with " + distinct + " words, " + opened + " at the start, in " + length);
        }
        String[] words = new String[distinct];
        int[] counts = new int[distinct];
        int[] opening = new int[opened];
        for (int i = 0; i < distinct; i++) {
            words[i] = in.readUTF();
            counts[i] = readNumber(in);
            if (i < opened) {
                opening[i] = readNumber(in);
            }
        }
        return new Field(length, words, counts, opening);
    }

    static void writeNumber(DataOutput out, int n) throws IOException {
        while ((n & ~0x7F) != 0) {
            out.writeByte((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.writeByte(n);
    }

    static int readNumber(DataInput in) throws IOException {
        int n = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = in.readByte();
            n |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (n < 0 || n > MOST) {
                    throw new IOException("a count of " + Integer.toUnsignedString(n) + " in terms");
                }
                return n;
            }
        }
        throw new IOException("a number of more than 32 bits in terms");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Terms t && Arrays.equals(fields, t.fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        return "Terms[question " + fields[0].words.length + " words of " + fields[0].length + ", body "
                + fields[1].words.length + " of " + fields[1].length + "]";
    }
}
