package dev.answerline.content;

import java.util.List;

/** A person who writes or reviews, {@code authors/*.md} (body = bio), served at {@code /authors/{id}}. */
public record Author(Source source, String id, String name, String role, String image, List<String> sameAs,
        String storyUrl) {

    public Author {
        sameAs = List.copyOf(sameAs);
    }

    public String path() {
        return "/authors/" + id;
    }
}
