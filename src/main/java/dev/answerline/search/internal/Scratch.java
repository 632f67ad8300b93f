package dev.answerline.search.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * One thread's working memory for {@link Likeness}: one answer's query at a time, reused for the next, so that
 * scoring allocates nothing per matching answer.
 */
final class Scratch {
    /** Scores are rounded to this before ties are broken by slug, as the Lucene query's were. */
    private static final MathContext ROUNDING = new MathContext(5);

    /** Each answer of the category's score, by its place in the category; zero for none, since none is zero. */
    private final double[] sums;
    private final int[] touched;
    private int count;
    final Computation.Reader reader = new Computation.Reader();
    /** The opening words of the answer's question and body: id, then count, for each. */
    final int[][] opening = new int[2][64];

    Scratch(int category) {
        this.sums = new double[category];
        this.touched = new int[category];
    }

    /** {@link #opening}'s array of field {@code f}, with room for {@code size} numbers. */
    int[] room(int f, int size) {
        if (opening[f].length < size) {
            opening[f] = new int[size];
        }
        return opening[f];
    }

    void add(int place, float score) {
        if (sums[place] == 0) {
            touched[count++] = place;
        }
        // a double holds the sum of a few floats exactly, so the order they come in cannot show, as in Lucene
        sums[place] += score;
    }

    int found() {
        return count;
    }

    int foundAt(int t) {
        return touched[t];
    }

    boolean isFound(int place) {
        return sums[place] != 0;
    }

    /** Adds to the score of an answer already found. */
    void addToFound(int place, float score) {
        sums[place] += score;
    }

    /** The {@code k}th largest score so far, of at least {@code k} found. */
    double largest(int k) {
        double[] top = new double[k];
        int size = 0;
        for (int t = 0; t < count; t++) {
            double sum = sums[touched[t]];
            if (size == k && sum <= top[k - 1]) {
                continue;
            }
            int i = size < k ? size++ : k - 1;
            for (; i > 0 && top[i - 1] < sum; i--) {
                top[i] = top[i - 1];
            }
            top[i] = sum;
        }
        return top[k - 1];
    }

    /**
     * The answers with the best scores, most alike first, without answer {@code self}; then clears the
     * scores. As the Lucene query: the best {@value Likeness#KEPT} + the answer itself by score, then by slug,
     * the answer left out, scores rounded and sorted again. Places in a category are in the order of slugs.
     */
    List<String> top(int self, int from, String[] slugs, int candidates, int kept) {
        int[] places = new int[candidates];
        float[] scores = new float[candidates];
        int size = 0;
        for (int t = 0; t < count; t++) {
            int place = touched[t];
            float score = (float) sums[place];
            sums[place] = 0;
            int i = size < candidates ? size++ : candidates;
            while (i > 0 && (score > scores[i - 1] || score == scores[i - 1] && place < places[i - 1])) {
                if (i < candidates) {
                    places[i] = places[i - 1];
                    scores[i] = scores[i - 1];
                }
                i--;
            }
            if (i < candidates) {
                places[i] = place;
                scores[i] = score;
            }
        }
        count = 0;
        // the answer left out, the rest rounded and sorted again, by rounded score and then by slug
        int found = 0;
        long[] rounded = new long[size];
        for (int i = 0; i < size; i++) {
            int answer = from + places[i];
            if (answer != self) {
                long score = rounded(scores[i]);
                int j = found++;
                while (j > 0 && (score > rounded[j - 1] || score == rounded[j - 1] && answer < places[j - 1])) {
                    rounded[j] = rounded[j - 1];
                    places[j] = places[j - 1];
                    j--;
                }
                rounded[j] = score;
                places[j] = answer;
            }
        }
        String[] like = new String[Math.min(kept, found)];
        for (int i = 0; i < like.length; i++) {
            like[i] = slugs[places[i]];
        }
        return List.of(like);
    }

    /**
     * A positive score rounded to five significant digits, half up, as a number that orders as the rounded
     * scores do: {@code (exponent + 1000) * 10^6 + digits}, the digits from 10000 to 99999. Found with doubles,
     * which are exact enough but near a half or a power of ten, where BigDecimal decides: that took a third of
     * the time of finding all lists when it did them all.
     */
    static long rounded(float score) {
        double x = score;
        int exponent = (int) Math.floor(Math.log10(x)) - 4;
        if (Math.abs(exponent) < POWERS.length - 1) {
            for (int tries = 0; tries < 2; tries++) {
                double scaled = exponent >= 0 ? x / POWERS[exponent] : x * POWERS[-exponent];
                if (scaled < 10_000) {
                    exponent--;
                } else if (scaled >= 100_000) {
                    exponent++;
                } else {
                    double fraction = scaled - Math.floor(scaled);
                    if (Math.abs(fraction - 0.5) < 1e-6 || scaled - 10_000 < 1e-6 || 100_000 - scaled < 1e-6) {
                        break;
                    }
                    long digits = (long) Math.floor(scaled + 0.5);
                    return digits == 100_000 ? key(exponent + 1, 10_000) : key(exponent, digits);
                }
            }
        }
        BigDecimal exact = new BigDecimal(x).round(ROUNDING);
        long digits = exact.unscaledValue().longValueExact();
        exponent = -exact.scale();
        while (digits < 10_000) {
            digits *= 10;
            exponent--;
        }
        return key(exponent, digits);
    }

    /** Powers of ten that doubles hold exactly. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private static long key(int exponent, long digits) {
        return (exponent + 1000) * 1_000_000L + digits;
    }
}
