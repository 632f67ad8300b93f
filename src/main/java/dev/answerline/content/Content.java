package dev.answerline.content;

/**
 * What a content file becomes: a value that knows the file it came from and the address it is published at.
 * One record per kind of content file; a new kind implements this and names its {@link Address.Kind}.
 */
public sealed interface Content permits Answer, Category, Author, BlogPost, Product, InfoPage,
        NewsletterIssue {
    /** The file, with the line of every value. */
    Source source();

    /** Where it is published. */
    Address address();

    /** The URL path it is published at. */
    default String path() {
        return address().path();
    }
}
