package dev.answerline.content.internal;

import dev.answerline.content.Problem;
import dev.answerline.content.Synonym;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@code synonyms.txt}: a group of comma-separated words or phrases per line, meaning the same
 * ({@code lower back, lumbar}), or a one-way line ({@code doms => muscle soreness}); {@code #} starts a
 * comment. A bad line is reported and skipped; the others still count.
 */
public final class SynonymsFile {
    private SynonymsFile() {}

    public static List<Synonym> parse(String text, List<Problem> problems) {
        List<Synonym> synonyms = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String content = lines[i];
            int hash = content.indexOf('#');
            if (hash >= 0) {
                content = content.substring(0, hash);
            }
            if (content.isBlank()) {
                continue;
            }
            String[] sides = content.split("=>", -1);
            if (sides.length > 2) {
                problems.add(error(line, "the line has more than one `=>`",
                        "write one rule per line, e.g. `doms => muscle soreness`"));
                continue;
            }
            List<String> terms = terms(sides[0]);
            List<String> means = sides.length == 2 ? terms(sides[1]) : List.of();
            if (sides.length == 2 && (terms.isEmpty() || means.isEmpty())) {
                problems.add(error(line, "one side of `=>` is empty",
                        "write the reader's words on the left and what they mean on the right, e.g."
                                + " `doms => muscle soreness`"));
            } else if (sides.length == 1 && terms.size() < 2) {
                problems.add(error(line, "`" + content.strip() + "` has nothing to mean the same as",
                        "separate words that mean the same with commas, e.g. `lower back, lumbar`"));
            } else {
                synonyms.add(new Synonym(line, terms, means));
            }
        }
        return synonyms;
    }

    private static List<String> terms(String side) {
        return Arrays.stream(side.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.replaceAll("\\s+", " ")).toList();
    }

    private static Problem error(int line, String what, String fix) {
        return Problem.error(Synonym.FILE, line, "synonyms", what, fix);
    }
}
