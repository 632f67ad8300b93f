package dev.answerline.content;

import java.time.LocalDate;

/** A blog post, {@code blog/*.md}, served at {@code /blog/{slug}}; {@code updated} is null when not set. */
public record BlogPost(Source source, String slug, String title, String description, LocalDate published,
        LocalDate updated, String author, boolean draft) {

    public String path() {
        return "/blog/" + slug;
    }

    public LocalDate lastModified() {
        return updated != null ? updated : published;
    }
}
