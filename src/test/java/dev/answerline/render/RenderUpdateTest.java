package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.SiteEdits;
import dev.answerline.SiteEdits.Edit;
import dev.answerline.TestSites;
import dev.answerline.content.ParseCache;
import dev.answerline.content.Site;
import dev.answerline.content.SiteChange;
import dev.answerline.search.SearchIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An update renders only what a change touches, and the result is exactly what a full render of the
 * changed site gives, byte for byte, for every kind of change an editor makes.
 */
class RenderUpdateTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    static Stream<Arguments> edits() {
        return SiteEdits.all();
    }

    /**
     * With the similar answers of a search index kept up to date, as in a preview: the update and the full
     * render use the same similar answers, which the edit may have changed for many boxes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void anUpdateEqualsAFullRender(String name, Edit edit) throws IOException {
        updateEqualsFullRender(TestSites.copyDemo(dir.resolve("site")), edit);
    }

    @Test
    void aPickedAnswerOfAnotherCategoryChangesItsCard() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        SiteEdits.replace(SiteEdits.LUMBAR, "category: back-relief", "category: back-relief\nmore: [is-foam-rolling-good-for-runners]")
                .apply(site);
        updateEqualsFullRender(site, SiteEdits.replace("answers/is-foam-rolling-good-for-runners.md",
                "question: Is foam rolling good for runners?", "question: Is foam rolling good for trail runners?"));
    }

    private static void updateEqualsFullRender(Path site, Edit edit) throws IOException {
        ParseCache cache = new ParseCache();
        Site before = Site.load(site, TODAY, false, cache);
        try (SearchIndex index = SearchIndex.build(before)) {
            Pages pages = Renderer.render(before, Renderer.Options.serve(index.similar()));
            Set<String> changedStatic = edit.apply(site);
            cache.clear();
            Site after = Site.load(site, TODAY, false, cache);
            SiteChange change = SiteChange.between(before, after, changedStatic);
            // as a preview does it: the saved content's own pages, then the rest, with the similar answers as
            // they were; then the boxes the search index moved
            Renderer.Options was = Renderer.Options.serve(index.similar());
            Renderer.Update own = Renderer.own(pages, change, was);
            Renderer.Update staged = Renderer.update(own != null ? own.pages() : pages, change, was);
            index.update(change);
            Renderer.Options options = Renderer.Options.serve(index.similar());
            Renderer.Update update = Renderer.update(pages, change, options);
            Pages full = Renderer.render(after, options);
            assertSame(update, full);
            if (own != null) {
                for (String path : own.changed()) {
                    assertThat(text(own.pages().get(path))).as(path).isEqualTo(text(Renderer.render(after, was).get(path)));
                }
            }
            assertSame(Renderer.update(staged.pages(), new SiteChange(after, after, Set.of(), Set.of(), Set.of()),
                    options), full);
        }
    }

    @Test
    void anUpdateFollowsNewSimilarAnswersAlone() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        Site now = Site.load(site, TODAY);
        Pages pages = Renderer.render(now, Renderer.Options.SERVE);
        java.util.Map<String, java.util.List<String>> similar = new java.util.HashMap<>();
        similar.put("should-you-foam-roll-your-lumbar-spine", java.util.List.of("how-do-you-foam-roll-your-upper-back",
                "when-should-back-pain-stop-you-foam-rolling"));
        Renderer.Options options = Renderer.Options.serve(new Similar(similar));
        Renderer.Update update = Renderer.update(pages, SiteChange.between(now, now, Set.of()), options);
        assertThat(update.changed()).containsExactly("/answers/should-you-foam-roll-your-lumbar-spine");
        assertSame(update, Renderer.render(now, options));
    }

    private static void assertSame(Renderer.Update update, Pages full) {
        assertThat(paths(update.pages())).isEqualTo(paths(full));
        for (Page page : full.all()) {
            assertThat(text(update.pages().get(page.path()))).as(page.path()).isEqualTo(text(page));
        }
        assertThat(update.pages().redirects()).isEqualTo(full.redirects());
    }

    @Test
    void aBodyEditRendersTheAnswerAndItsTwinOnly() throws IOException {
        Path site = TestSites.copyDemo(dir.resolve("site"));
        ParseCache cache = new ParseCache();
        Site before = Site.load(site, TODAY, false, cache);
        Pages pages = Renderer.render(before);
        SiteEdits.replace(SiteEdits.LUMBAR, "## Why the lower back is different", "## Why the lower back differs").apply(site);
        cache.invalidate(site.resolve(SiteEdits.LUMBAR));
        Site after = Site.load(site, TODAY, false, cache);
        Renderer.Update update = Renderer.update(pages, SiteChange.between(before, after, Set.of()),
                Renderer.Options.SERVE);
        assertThat(update.changed()).containsExactlyInAnyOrder("/answers/should-you-foam-roll-your-lumbar-spine",
                "/answers/should-you-foam-roll-your-lumbar-spine.md");
        assertThat(update.pages().get("/answers")).isSameAs(pages.get("/answers"));
    }

    private static Set<String> paths(Pages pages) {
        return new java.util.TreeSet<>(pages.all().stream().map(Page::path).toList());
    }

    private static String text(Page page) {
        return page == null ? null : new String(page.body("").identity(), StandardCharsets.UTF_8);
    }
}
