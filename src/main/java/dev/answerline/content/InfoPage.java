package dev.answerline.content;

/** A stand-alone page such as about or disclaimer, {@code pages/*.md}, served at {@code /{slug}}. */
public record InfoPage(Source source, String slug, String title, String description, boolean draft) implements Content {

    @Override
    public Address address() {
        return Address.of(Address.Kind.PAGE, slug);
    }

}
