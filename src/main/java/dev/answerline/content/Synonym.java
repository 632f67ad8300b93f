package dev.answerline.content;

import java.util.List;

/**
 * One line of the site's {@code synonyms.txt}: words or phrases that readers use for the same thing, so that
 * search finds an answer written with the other one.
 *
 * @param line the line in synonyms.txt, for messages
 * @param terms the words or phrases of the group (before {@code =>} in a one-way line)
 * @param means for a one-way line ({@code doms => muscle soreness}), what the terms are read as; empty
 *     when all terms mean the same as each other
 */
public record Synonym(int line, List<String> terms, List<String> means) {
    /** The file in the site folder that holds the synonyms; it is optional. */
    public static final String FILE = "synonyms.txt";

    public Synonym {
        terms = List.copyOf(terms);
        means = List.copyOf(means);
    }
}
