package dev.answerline.content;

import java.util.List;

/** A person who writes or reviews, {@code authors/*.md} (body = bio), served at {@code /authors/{id}}. */
public record Author(Source source, String id, String name, String role, String image, List<String> sameAs,
        String storyUrl) implements Content {

    public Author {
        sameAs = List.copyOf(sameAs);
    }

    @Override
    public Address address() {
        return Address.of(Address.Kind.AUTHOR, id);
    }

}
