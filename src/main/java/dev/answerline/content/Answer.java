package dev.answerline.content;

import java.time.LocalDate;
import java.util.List;

/**
 * An answer page, {@code answers/*.md}, served at {@code /answers/{slug}}.
 * Optional values ({@code updated}, {@code reviewedBy}, {@code reviewed}) are null when not set;
 * {@code cta} is always the effective call to action id; {@code more} holds the slugs the editor picked
 * for the "More ... Questions" box, empty when the engine picks them.
 */
public record Answer(
        Source source,
        String slug,
        String question,
        String description,
        String answer,
        List<String> takeaways,
        String category,
        String author,
        LocalDate published,
        LocalDate updated,
        String reviewedBy,
        LocalDate reviewed,
        String bottomLine,
        List<Related> related,
        String cta,
        List<String> more,
        List<String> aliases,
        boolean draft) implements Content {

    public Answer {
        takeaways = List.copyOf(takeaways);
        related = List.copyOf(related);
        more = List.copyOf(more);
        aliases = List.copyOf(aliases);
    }

    /** The path of the answer with this slug. */
    public static String pathOf(String slug) {
        return Address.of(Address.Kind.ANSWER, slug).path();
    }


    @Override
    public Address address() {
        return Address.of(Address.Kind.ANSWER, slug);
    }


    /** The date the content last changed: {@code updated} when set, else {@code published}. */
    public LocalDate lastModified() {
        return updated != null ? updated : published;
    }

    /** A question with its short answer, shown under Related Questions. */
    public record Related(String question, String answer) {}
}
