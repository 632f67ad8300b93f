package dev.answerline.content;

/** An answer category, {@code categories/*.md}, served at {@code /answers/category/{id}}. */
public record Category(Source source, String id, String name, String description, int order) implements Content {

    @Override
    public Address address() {
        return Address.of(Address.Kind.CATEGORY, id);
    }

}
