package dev.answerline.content;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for mistyped keys, ids and names in editors' files. */
public final class Suggestions {
    private Suggestions() {}

    /** The candidate closest to {@code typed}, if it is close enough to be a likely typo. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // a third of the word may differ: catches "takeaway", "publshed", "bottomline", not "cta" for "tag"
        int allowed = Math.max(1, Math.min(typed.length(), best == null ? 0 : best.length()) / 3);
        boolean prefix = best != null && typed.length() >= 3
                && (best.startsWith(typed) || typed.startsWith(best));
        return best != null && (bestDistance <= allowed || prefix) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance, treating an adjacent swap as one edit. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
