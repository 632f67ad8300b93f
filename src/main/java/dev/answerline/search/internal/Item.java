package dev.answerline.search.internal;

import java.util.function.Supplier;

/**
 * One searchable thing, as a result shows it and with the texts it is found by. The texts are made when
 * asked for, from the content in memory: a result needs them only for its snippet.
 *
 * @param id see {@link Documents#id(String, String)}
 * @param label the category's name; null for blog posts and products, which are labelled in the site's language
 *     when found
 * @param category the category's id for an answer, else null
 * @param description shown when no passage matches
 * @param lead the direct answer, the takeaways and the description, a paragraph each
 * @param body the body and the related questions with their answers
 */
public record Item(String id, String path, String title, String label, String category, String description,
        Supplier<String> lead, Supplier<String> body) {

    /** {@code answer}, {@code post} or {@code product}. */
    public String type() {
        return id.substring(0, id.indexOf(':'));
    }

    public String slug() {
        return id.substring(id.indexOf(':') + 1);
    }
}
