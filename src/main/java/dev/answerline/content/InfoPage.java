package dev.answerline.content;

/** A stand-alone page such as about or disclaimer, {@code pages/*.md}, served at {@code /{slug}}. */
public record InfoPage(Source source, String slug, String title, String description, boolean draft) {

    public String path() {
        return "/" + slug;
    }
}
