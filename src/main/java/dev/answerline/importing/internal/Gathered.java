package dev.answerline.importing.internal;

import dev.answerline.importing.Finding;
import dev.answerline.importing.Imported;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a reader has found so far; {@link #done} makes it an {@link Imported}. */
final class Gathered {
    final List<Imported.Answer> answers = new ArrayList<>();
    final List<Imported.Post> posts = new ArrayList<>();
    final List<Imported.Page> pages = new ArrayList<>();
    final Map<String, Imported.Author> authors = new LinkedHashMap<>();
    /** The ids of the answers' categories, in the order first met. */
    final java.util.Set<String> categories = new java.util.LinkedHashSet<>();
    final Map<String, Imported.Media> media = new LinkedHashMap<>();
    final List<Finding> findings = new ArrayList<>();

    void finding(String where, String what, String fix) {
        findings.add(new Finding(where, what, fix));
    }

    void media(String url, String usedBy) {
        media.putIfAbsent(url, new Imported.Media(url, usedBy));
    }

    /** What was read; the categories as {@code map} knows them once every item has been read. */
    Imported done(Imported.Origin origin, CategoryMap map) {
        return new Imported(origin, answers, posts, pages, List.copyOf(authors.values()),
                categories.stream().map(map::category).toList(), List.copyOf(media.values()), findings);
    }
}
