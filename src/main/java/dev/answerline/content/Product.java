package dev.answerline.content;

/** One of the brand's products, {@code products/*.md}, served at {@code /products/{slug}}. */
public record Product(Source source, String slug, String name, String description, String image, String buyUrl,
        boolean draft) {

    public String path() {
        return "/products/" + slug;
    }
}
