package dev.answerline.content;

import java.time.LocalDate;

/** A blog post, {@code blog/*.md}, served at {@code /blog/{slug}}; {@code updated} is null when not set. */
public record BlogPost(Source source, String slug, String title, String description, LocalDate published,
        LocalDate updated, String author, boolean draft) implements Content {

    @Override
    public Address address() {
        return Address.of(Address.Kind.POST, slug);
    }


    public LocalDate lastModified() {
        return updated != null ? updated : published;
    }
}
