package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.language.Label;
import dev.answerline.language.Labels;
import dev.answerline.search.Results;
import dev.answerline.search.SearchIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The small fixture in each bundled language other than English: its answer page, 404 page and search pages
 * keep no English label. The fixture's own texts stay English, so a label is looked for only where its English
 * text occurs nowhere in the fixture's files; it must show on the English pages and be gone from the others.
 */
class LanguagesTest {
    /** Attributes that hold addresses and names for machines, not words for people. */
    private static final Set<String> MACHINE_ATTRIBUTES = Set.of("href", "src", "class", "id", "for", "name",
            "type", "rel", "datetime", "action", "method", "toolname", "content", "lang", "role", "sizes",
            "aria-labelledby", "autocomplete", "value");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "nl"})
    void noEnglishLabelIsLeftOnThePagesOfASiteInAnotherLanguage(String language) throws IOException {
        String english = text(pages(TestSites.fixture("small")));
        String translated = text(pages(copy(language)));
        String sources = sources(TestSites.fixture("small"));
        Map<String, String> theirs = texts(Labels.of(language, Map.of()));

        List<String> looked = new ArrayList<>();
        texts(Labels.english()).forEach((key, text) -> {
            if (text.equals(theirs.get(key))) {
                return;   // the same word in both languages, such as "Blog"
            }
            for (String fragment : text.split("\\{[a-z_]+}")) {
                fragment = fragment.strip();
                if (fragment.length() < 2 || contains(sources, fragment) || !contains(english, fragment)) {
                    continue;
                }
                looked.add(fragment);
                assertThat(contains(translated, fragment)).as("the English label %s (%s) on the %s pages", key,
                        fragment, language).isFalse();
            }
        });
        // the labels of the answer, 404 and search pages, less those the fixture's own texts share words with
        assertThat(looked).hasSizeGreaterThan(50);
    }

    private Path copy(String language) throws IOException {
        Path site = TestSites.copy("small", dir.resolve(language));
        Path config = site.resolve("site.yaml");
        Files.writeString(config, Files.readString(config).replace("\nlanguage: en\n", "\nlanguage: " + language
                + "\n"));
        return site;
    }

    /** The answer page, the 404 page, and the search page with results and with none. */
    private static List<String> pages(Path folder) {
        Site site = Site.load(folder, TestSites.TODAY);
        assertThat(site.problems()).isEmpty();
        try (SearchIndex index = SearchIndex.build(site)) {
            Pages pages = Renderer.render(site, Renderer.Options.serve(index.similar()));
            List<String> html = new ArrayList<>();
            html.add(body(pages, pages.get("/answers/should-you-roll-your-lower-back")));
            html.add(body(pages, pages.notFound()));
            for (String query : new String[] {"rolling", "xqzzyq", "x".repeat(250)}) {
                Results found = index.search(query, 20);
                html.add(pages.search(new SearchPage(found.query(), found.notice(), page(found.answers()),
                        page(found.others()), page(found.closest()))));
            }
            return html;
        }
    }

    private static String body(Pages pages, Page page) {
        return new String(page.body(pages.slot(1234)).identity(), StandardCharsets.UTF_8);
    }

    private static List<SearchPage.Result> page(List<Results.Hit> hits) {
        return hits.stream().map(h -> new SearchPage.Result(h.path(), h.title(), h.snippetHtml(), h.label())).toList();
    }

    /** What a reader or an agent reads of the pages: their text and the words in their attributes. */
    private static String text(List<String> pages) {
        StringBuilder text = new StringBuilder();
        for (String html : pages) {
            Document doc = Jsoup.parse(html);
            text.append(doc.title()).append('\n').append(doc.body().text()).append('\n');
            doc.getAllElements().forEach(e -> {
                for (Attribute attribute : e.attributes()) {
                    if (!MACHINE_ATTRIBUTES.contains(attribute.getKey())) {
                        text.append(attribute.getValue()).append('\n');
                    }
                }
            });
            doc.select("meta[name=description]").forEach(m -> text.append(m.attr("content")).append('\n'));
        }
        return text.toString();
    }

    private static String sources(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".yaml"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).collect(Collectors.joining("\n"));
        }
    }

    private static Map<String, String> texts(Labels labels) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (Label label : Label.values()) {
            texts.put(label.key(), label.counted() ? labels.unfilled(label, 1) : labels.unfilled(label, 0));
            if (label.counted()) {
                texts.put(label.key() + ".other", labels.unfilled(label, 2));
            }
        }
        return texts;
    }

    /** Whether {@code text} has {@code words} as words of their own, not inside longer ones. */
    private static boolean contains(String text, String words) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])").matcher(text)
                .find();
    }
}
