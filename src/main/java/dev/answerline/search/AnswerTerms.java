package dev.answerline.search;

import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.language.Language;
import dev.answerline.search.internal.Analysis;
import dev.answerline.search.internal.Terms;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;

/**
 * What finding similar answers needs of one answer, its words counted once: analysing the text is most of
 * the cost of {@link SearchIndex#similar(Site)}, and finding every list from these takes a small part of a
 * second even at 10,000 answers. A build can keep them, e.g. by the answer file's content hash and the site's
 * language (they depend on both), so that after an edit only the edited answer is analysed again and
 * {@link SearchIndex#similar(Site, Map)} still finds every list exactly as from scratch.
 *
 * <pre>{@code
 * AnswerTerms terms = AnswerTerms.of(site, answer);
 * terms.write(out);                       // a kilobyte or two
 * AnswerTerms again = AnswerTerms.read(in);
 * }</pre>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class AnswerTerms {
    /** An analyzer keeps its stemmer and stop words; one per language serves every thread. */
    private static final Map<Language, Analyzer> ANALYZERS = new ConcurrentHashMap<>();

    private final Terms terms;

    private AnswerTerms(Terms terms) {
        this.terms = terms;
    }

    /** The terms of an answer of {@code site}, in the site's language. */
    public static AnswerTerms of(Site site, Answer answer) {
        return new AnswerTerms(Terms.of(analyzer(site), answer));
    }

    /** Writes these terms in a compact binary form that {@link #read} reads back. */
    public void write(DataOutput out) throws IOException {
        terms.write(out);
    }

    /**
     * Reads terms that {@link #write} wrote.
     *
     * @throws IOException when the input fails, ends early, or holds something else (or another format),
     *     so that a cache can treat the entry as missing
     */
    public static AnswerTerms read(DataInput in) throws IOException {
        return new AnswerTerms(Terms.read(in));
    }

    Terms terms() {
        return terms;
    }

    static Analyzer analyzer(Site site) {
        return ANALYZERS.computeIfAbsent(SearchIndex.languageOf(site), Analysis::index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnswerTerms other && terms.equals(other.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return terms.toString();
    }
}
