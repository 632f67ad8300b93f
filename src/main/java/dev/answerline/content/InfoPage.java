package dev.answerline.content;

/**
 * A stand-alone page such as about or disclaimer, {@code pages/*.md}, served at {@code /{slug}}; {@code aliases}
 * are old slugs or old site paths that redirect to it.
 */
public record InfoPage(Source source, String slug, String title, String description, java.util.List<String> aliases,
        boolean draft) implements Content {
    public InfoPage {
        aliases = java.util.List.copyOf(aliases);
    }

    @Override
    public Address address() {
        return Address.of(Address.Kind.PAGE, slug);
    }

}
