package dev.answerline.content;

import dev.answerline.content.internal.Fields;
import java.util.Locale;

/**
 * What no content file should have, whoever wrote it: past these a file is rejected when the site loads
 * (issue 14: a 5 MB body and 20,000 related questions passed without a word). They sit far above what
 * {@code answerline check} advises, so that they only ever stop a mistake or an attack, never an answer.
 */
final class Limits {
    /**
     * The size of a content file, site.yaml or synonyms.txt. A long answer (3,000 words, with its front matter) is about 25 KB: 1 MiB is
     * forty times that, and every page is held in memory rendered three ways. Past it, the file is a pasted
     * image, log or export.
     */
    static final long FILE_BYTES = 1 << 20;

    /**
     * Items of each list of an answer. The page shows every related question and takeaway, and each alias is
     * a page of its own; check advises at most 5 related questions and 5 takeaways, and the More box shows 4.
     */
    static final int LIST_ITEMS = 50;

    private Limits() {}

    /** The error for a file over {@link #FILE_BYTES}, or null when it is not. */
    static Problem fileSize(String file, long bytes) {
        if (bytes <= FILE_BYTES) {
            return null;
        }
        return Problem.error(file, 1, "file-too-large", String.format(Locale.ROOT,
                "the file has %,d KB; a file of the site may have at most %,d KB", (bytes + 1023) / 1024,
                FILE_BYTES / 1024), "take out what does not belong in it (a pasted image, log or export); a page"
                        + " this long is better split into several answers or posts");
    }

    /** Rejects an answer whose lists are longer than {@link #LIST_ITEMS}. */
    static void answerLists(Fields f) {
        f.atMost("related", LIST_ITEMS, "keep the questions readers ask next (answerline check advises 5 at most), and"
                + " answer the others in answers of their own");
        f.atMost("takeaways", LIST_ITEMS, "keep the points a reader should act on (answerline check advises 3 to 5)");
        f.atMost("aliases", LIST_ITEMS, "keep the old slugs that still get visits; each one is a redirect page");
        f.atMost("more", LIST_ITEMS, "the box shows 4 answers: list the ones that matter most");
    }
}
