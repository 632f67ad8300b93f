package dev.answerline.check.internal;

import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.content.Source;
import dev.answerline.markdown.Markdown;
import dev.answerline.markdown.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every text of a site read once for the rules: each content file's Markdown body, and an answer's
 * Markdown fields (direct answer, takeaways, related answers, bottom line), with their lines.
 */
public final class Corpus {
    /**
     * One content file.
     *
     * @param path the page it makes, for resolving its relative links and anchors
     * @param answer the answer, or null for other kinds of content
     */
    public record Entry(String file, String path, Answer answer, Scan body, List<Scan> fields) {

        /** Links of the body and the fields. */
        public Stream<Prose.Link> links() {
            return Stream.concat(body.links().stream(), fields.stream().flatMap(f -> f.links().stream()));
        }

        public Stream<Prose.Image> images() {
            return Stream.concat(body.images().stream(), fields.stream().flatMap(f -> f.images().stream()));
        }

        /** Links and images of the body and the fields that the page leaves out for their scheme. */
        public Stream<Prose.Link> dropped() {
            return Stream.concat(body.dropped().stream(), fields.stream().flatMap(f -> f.dropped().stream()));
        }
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byPath = new ConcurrentHashMap<>();

    private Corpus(List<Entry> entries) {
        this.entries = entries;
        entries.forEach(e -> byPath.put(e.path(), e));
    }

    public static Corpus of(Site site) {
        List<Entry> entries = new ArrayList<>();
        entries.addAll(site.answers().parallelStream().map(Corpus::answer).toList());
        site.posts().forEach(p -> entries.add(plain(p.source(), p.path())));
        site.products().forEach(p -> entries.add(plain(p.source(), p.path())));
        site.pages().forEach(p -> entries.add(plain(p.source(), p.path())));
        site.categories().forEach(c -> entries.add(plain(c.source(), c.path())));
        site.authors().forEach(a -> entries.add(plain(a.source(), a.path())));
        // newsletter issues: their links and images are checked as a page's, whether sent or not
        site.issues().forEach(i -> entries.add(plain(i.source(), i.path())));
        return new Corpus(List.copyOf(entries));
    }

    private static Entry plain(Source source, String path) {
        return new Entry(source.file(), path, null, Scan.of(source.prose()), List.of());
    }

    private static Entry answer(Answer answer) {
        Source source = answer.source();
        List<Scan> fields = new ArrayList<>();
        fields.add(field(answer.answer(), source.lineOf("answer")));
        for (int i = 0; i < answer.takeaways().size(); i++) {
            fields.add(field(answer.takeaways().get(i), source.lineOf("/takeaways/" + i)));
        }
        for (int i = 0; i < answer.related().size(); i++) {
            fields.add(field(answer.related().get(i).answer(), source.lineOf("/related/" + i + "/answer")));
        }
        fields.add(field(answer.bottomLine(), source.lineOf("bottom_line")));
        return new Entry(source.file(), answer.path(), answer, Scan.of(source.prose()), fields);
    }

    private static Scan field(String markdown, int line) {
        return Scan.of(Markdown.inline(markdown, line));
    }

    public List<Entry> entries() {
        return entries;
    }

    public Stream<Entry> answers() {
        return entries.stream().filter(e -> e.answer() != null);
    }

    public Entry at(String path) {
        return byPath.get(path);
    }
}
