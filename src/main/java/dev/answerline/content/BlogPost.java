package dev.answerline.content;

import java.time.LocalDate;

/**
 * A blog post, {@code blog/*.md}, served at {@code /blog/{slug}}; {@code updated} is null when not set;
 * {@code aliases} are old slugs (under {@code /blog/}) or old site paths that redirect to it.
 */
public record BlogPost(Source source, String slug, String title, String description, LocalDate published,
        LocalDate updated, String author, java.util.List<String> aliases, boolean draft) implements Content {
    public BlogPost {
        aliases = java.util.List.copyOf(aliases);
    }

    @Override
    public Address address() {
        return Address.of(Address.Kind.POST, slug);
    }


    public LocalDate lastModified() {
        return updated != null ? updated : published;
    }
}
