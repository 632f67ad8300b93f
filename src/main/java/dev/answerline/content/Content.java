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

    /** Its old addresses, as written: slugs of its kind or site paths. Only answers, posts and pages have them. */
    default java.util.List<String> aliases() {
        return java.util.List.of();
    }

    /** The paths that redirect to it: its {@link #aliases()} as {@link Address#aliasPath} makes them. */
    default java.util.List<String> oldPaths() {
        return aliases().stream().map(alias -> Address.aliasPath(address().kind(), alias)).toList();
    }
}
