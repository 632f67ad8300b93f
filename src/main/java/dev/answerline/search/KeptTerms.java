package dev.answerline.search;

import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.language.Language;
import dev.answerline.render.Similar;
import dev.answerline.search.internal.Likeness;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What finding the similar answers needs of every answer of a site, its words counted once, kept by a build
 * for the next. Analysing the answers is most of the cost of {@link SearchIndex#similar(Site)}; finding every
 * list from these takes a small part of a second at 10,000 answers, so a build after an edit analyses only the
 * edited answers and still finds every list exactly as from scratch.
 *
 * <pre>{@code
 * KeptTerms terms = KeptTerms.of(site, KeptTerms.read(saved), answer -> !edited.contains(answer.source().file()));
 * Similar similar = terms.similar();
 * terms.write(out);                       // for the next build
 * }</pre>
 *
 * <p>Not safe for use from several threads at once.
 */
public final class KeptTerms {
    private static final int FORMAT = 1;

    private final Language language;
    private final Likeness likeness;

    private KeptTerms(Language language, Likeness likeness) {
        this.language = language;
        this.likeness = likeness;
    }

    /**
     * The terms of every answer of {@code site}: those of {@code earlier} for the answers {@code unchanged}
     * says were not edited since it was made, the others analysed now. Takes {@code earlier} over.
     *
     * @param earlier what a build kept, or null; terms of another language are not used
     */
    public static KeptTerms of(Site site, KeptTerms earlier, Predicate<Answer> unchanged) {
        Language language = SearchIndex.languageOf(site);
        Likeness likeness = earlier != null && earlier.language == language ? earlier.likeness : new Likeness();
        Set<String> kept = new HashSet<>();
        for (Answer answer : site.answers()) {
            if (unchanged.test(answer)) {
                kept.add(answer.slug() + "\n" + answer.category());
            }
        }
        // what is left is the unchanged answers' terms, each with its category as it is now
        likeness.retain((slug, category) -> kept.contains(slug + "\n" + category));
        List<Answer> again = site.answers().stream().filter(a -> !likeness.has(a.slug())).toList();
        SearchIndex.analyse(likeness, again, SearchIndex.analyzer(site));
        return new KeptTerms(language, likeness);
    }

    /** Every answer's most similar answers, as {@link SearchIndex#similar(Site)} finds them. */
    public Similar similar() {
        return SearchIndex.similar(likeness);
    }

    /** Writes these terms for {@link #read}. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        out.writeUTF(language.name());
        likeness.write(out);
    }

    /** Terms {@link #write} wrote, or null when they cannot be read (another format, a damaged file). */
    public static KeptTerms read(byte[] saved) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved));
            if (in.readInt() != FORMAT) {
                return null;
            }
            Language language = Language.valueOf(in.readUTF());
            return new KeptTerms(language, Likeness.read(in));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
