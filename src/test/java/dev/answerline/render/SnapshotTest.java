package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Keeping;
import dev.answerline.content.Site;
import dev.answerline.search.SearchIndex;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site restored from its snapshot serves what rendering it would: every page's bytes in every encoding, its
 * tags, types and headers, the 404 page, the redirects, and the pages made later for a subscriber count. Any
 * change the snapshot cannot see through (an edit, a damaged or cut file, a dated answer's day, a new year)
 * renders the site instead.
 */
class SnapshotTest {
    @TempDir
    Path dir;

    private Path siteDir;
    private Path data;
    private Snapshot snapshot;

    @BeforeEach
    void copySite() {
        siteDir = TestSites.copy("small", dir.resolve("site"));
        data = dir.resolve("data");
        snapshot = Snapshot.in(data);
    }

    private Site load(LocalDate today) {
        return Site.load(siteDir, today, false, null, Keeping.publish());
    }

    /** Renders and keeps the pages as serve does at a first start; returns what was rendered. */
    private Pages renderAndSave(LocalDate today) {
        Snapshot.Key key = snapshot.key(siteDir, false);
        Site site = load(today);
        Similar similar = SearchIndex.similar(site);
        Pages pages = Renderer.render(site, Renderer.Options.serve(similar));
        snapshot.save(key, site, pages, similar, Map.of());
        return pages;
    }

    private Snapshot.Restored restore(LocalDate today) {
        Snapshot.Key key = snapshot.key(siteDir, false);
        return snapshot.restore(key, today, Site.config(siteDir), () -> load(today), Renderer.Options.serve(Similar.NONE));
    }

    /** Every page's bytes in each encoding, tag, type and cache header, by path; the 404 page under "404". */
    private static Map<String, String> served(Pages pages, String slot) {
        Map<String, String> all = new TreeMap<>();
        for (Page page : pages.all()) {
            all.put(page.path(), describe(page, slot));
        }
        all.put("404", describe(pages.notFound(), slot));
        return all;
    }

    private static String describe(Page page, String slot) {
        Page.Body body = page.body(slot);
        return page.contentType() + " | " + page.cacheControl() + " | " + page.isRendered() + " | " + body.etag()
                + " | " + hash(body.identityView()) + " | " + (body.compressed() ? hash(body.gzipView()) : "-")
                + " | " + (body.hasBrotli() ? hash(body.brotliView()) : "-");
    }

    private static String hash(ByteBuffer view) {
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("cache"))) {
            return files.filter(f -> f.toString().endsWith(".snapshot")).findFirst().orElseThrow();
        }
    }

    @Test
    void aRestoredSiteServesTheRenderedBytesInEveryEncodingAndForEverySlotText() {
        Map<String, String> rendered = served(renderAndSave(TestSites.TODAY), "");
        Map<String, String> renderedWithCount = served(renderAndSave(TestSites.TODAY),
                "<p class=\"newsletter-proof\">Join <strong>40+</strong> people</p>");

        Snapshot.Restored restored = restore(TestSites.TODAY);

        assertThat(restored).isNotNull();
        assertThat(served(restored.pages(), "")).isEqualTo(rendered).hasSizeGreaterThan(20);
        Pages again = restore(TestSites.TODAY).pages();
        assertThat(served(again, "<p class=\"newsletter-proof\">Join <strong>40+</strong> people</p>"))
                .isEqualTo(renderedWithCount);
        assertThat(again.redirects()).containsEntry("/answers/roll-lower-back", "/answers/should-you-roll-your-lower-back");
    }

    @Test
    void anEditedFileAnAddedFileOrADraftToggleGivesAnotherKeyAndNoRestore() throws IOException {
        renderAndSave(TestSites.TODAY);
        Path answer = siteDir.resolve("answers/can-you-roll-every-day.md");
        String before = Files.readString(answer);
        Files.writeString(answer, before.replace("---\n", "---\n").concat("\nOne more line.\n"));
        assertThat(restore(TestSites.TODAY)).isNull();
        Files.writeString(answer, before);
        assertThat(restore(TestSites.TODAY)).isNotNull();

        Files.writeString(siteDir.resolve("static/new.txt"), "new");
        assertThat(restore(TestSites.TODAY)).isNull();
        Files.delete(siteDir.resolve("static/new.txt"));

        assertThat(snapshot.key(siteDir, true)).isNotEqualTo(snapshot.key(siteDir, false));
    }

    @Test
    void aHiddenFolderInsideTheSiteCountsButARepositoryFolderAtItsTopDoesNot() throws IOException {
        renderAndSave(TestSites.TODAY);
        Files.createDirectories(siteDir.resolve(".git/objects"));
        Files.writeString(siteDir.resolve(".git/objects/ab"), "a commit");
        assertThat(restore(TestSites.TODAY)).isNotNull();
        // served as /.well-known/security.txt
        Files.createDirectories(siteDir.resolve("static/.well-known"));
        Files.writeString(siteDir.resolve("static/.well-known/security.txt"), "Contact: mailto:security@example.com\n");
        assertThat(restore(TestSites.TODAY)).isNull();
    }

    @Test
    void theDataFolderInsideTheSiteFolderIsNotPartOfTheKey() throws IOException {
        data = siteDir.resolve("data");
        snapshot = Snapshot.in(data);
        renderAndSave(TestSites.TODAY);
        Files.writeString(data.resolve("subscribers.db"), "changes all the time");
        assertThat(restore(TestSites.TODAY)).isNotNull();
    }

    @Test
    void aLinkToADeviceOrOutOfTheSiteIsNotReadForTheKey() throws IOException {
        renderAndSave(TestSites.TODAY);
        // read, /dev/zero would never end; the loader refuses the link and reports it
        Files.createSymbolicLink(siteDir.resolve("static/zero.bin"), Path.of("/dev/zero"));
        Path outside = Files.writeString(dir.resolve("outside.txt"), "not the site's");
        Files.createSymbolicLink(siteDir.resolve("static/outside.txt"), outside);
        Snapshot.Key linked = java.util.concurrent.CompletableFuture.supplyAsync(() -> snapshot.key(siteDir, false))
                .orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(linked).isNotNull();
        // where a link points is part of the key, even a link to nothing
        Files.delete(siteDir.resolve("static/outside.txt"));
        Files.createSymbolicLink(siteDir.resolve("static/outside.txt"), dir.resolve("nothing-here.txt"));
        Snapshot.Key dangling = snapshot.key(siteDir, false);
        assertThat(dangling).isNotNull().isNotEqualTo(linked);
        Files.delete(siteDir.resolve("static/outside.txt"));
        assertThat(snapshot.key(siteDir, false)).isNotNull().isNotEqualTo(dangling).isNotEqualTo(linked);
    }

    @Test
    void aDatedAnswerDueOrANewYearRendersAgain() {
        // sites/small has an answer dated 2026-07-01, hidden on TestSites.TODAY (2026-06-01)
        renderAndSave(TestSites.TODAY);
        assertThat(restore(LocalDate.of(2026, 6, 30))).isNotNull();
        assertThat(restore(LocalDate.of(2026, 7, 1))).isNull();
        assertThat(restore(TestSites.TODAY.minusDays(1))).isNull();

        renderAndSave(LocalDate.of(2026, 12, 31));
        assertThat(restore(LocalDate.of(2026, 12, 31))).isNotNull();
        assertThat(restore(LocalDate.of(2027, 1, 1))).isNull();
    }

    @Test
    void aDamagedOrCutSnapshotIsDeletedAndTheSiteRendered() throws IOException {
        renderAndSave(TestSites.TODAY);
        Path file = file();
        long size = Files.size(file);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            // a byte of the index, which ends 16 bytes before the file does
            raw.seek(size - 40);
            int b = raw.read();
            raw.seek(size - 40);
            raw.write(b ^ 0x5a);
        }
        assertThat(restore(TestSites.TODAY)).isNull();
        assertThat(file).doesNotExist();

        renderAndSave(TestSites.TODAY);
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.setLength(size / 2);
        }
        assertThat(restore(TestSites.TODAY)).isNull();
        assertThat(restore(TestSites.TODAY)).isNull();
    }

    @Test
    void aSiteEditedWhileItLoadedKeepsNoSnapshotAndANewSnapshotReplacesTheOld() throws IOException {
        Snapshot.Key key = snapshot.key(siteDir, false);
        Site site = load(TestSites.TODAY);
        Pages pages = Renderer.render(site, Renderer.Options.serve(Similar.NONE));
        Files.writeString(siteDir.resolve("static/late.txt"), "saved during the load");
        snapshot.save(key, site, pages, Similar.NONE, Map.of());
        assertThat(data.resolve("cache")).satisfiesAnyOf(
                folder -> assertThat(folder).doesNotExist(),
                folder -> assertThat(folder).isEmptyDirectory());

        renderAndSave(TestSites.TODAY);
        Path first = file();
        Files.delete(siteDir.resolve("static/late.txt"));
        renderAndSave(TestSites.TODAY);
        try (Stream<Path> files = Files.list(data.resolve("cache"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".snapshot"))).hasSize(1).doesNotContain(first);
        }
    }

    @Test
    void pagesMadeAtRequestTimeComeFromTheSiteWhenFirstAskedForAndMatchARender() {
        Pages rendered = renderAndSave(TestSites.TODAY);
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        Snapshot.Restored restored = snapshot.restore(snapshot.key(siteDir, false), TestSites.TODAY,
                Site.config(siteDir), () -> {
                    loads.incrementAndGet();
                    return load(TestSites.TODAY);
                }, Renderer.Options.serve(Similar.NONE));
        assertThat(loads).hasValue(0);

        SearchPage search = new SearchPage("roll", null, java.util.List.of(new SearchPage.Result(
                "/answers/can-you-roll-every-day", "Can you roll every day?", "<mark>roll</mark>", null)),
                java.util.List.of(), java.util.List.of());
        Message message = new Message("Thanks", "Thanks", "You are in.", null, new Message.Link("Back", "/"));
        assertThat(restored.pages().search(search)).isEqualTo(rendered.search(search));
        assertThat(restored.pages().message(message)).isEqualTo(rendered.message(message));
        assertThat(loads).hasValue(1);
    }

    @Test
    void theWebVersionsOfSentIssuesAreKeptWithTheIssuesTheyShow() {
        Map<String, java.time.Instant> sent = Map.of("june-rolling", java.time.Instant.parse("2026-05-20T08:00:00Z"));
        Snapshot.Key key = snapshot.key(siteDir, false);
        Site site = load(TestSites.TODAY);
        Pages pages = Renderer.render(site, Renderer.Options.serve(Similar.NONE));
        pages = Renderer.sent(pages, site, Renderer.Options.serve(Similar.NONE).withSent(sent));
        Map<String, String> withIssue = served(pages, "");
        snapshot.save(key, site, pages, Similar.NONE, sent);

        Snapshot.Restored restored = restore(TestSites.TODAY);

        assertThat(restored.sent()).isEqualTo(sent);
        assertThat(served(restored.pages(), "")).isEqualTo(withIssue).containsKey("/newsletter/june-rolling");
    }

    @Test
    void pagesServedForACountOrNotCompressedYetAreKeptAsARenderMakesThem() {
        Map<String, String> rendered = served(Renderer.render(load(TestSites.TODAY), Renderer.Options.serve(Similar.NONE)),
                "");
        Snapshot.Key key = snapshot.key(siteDir, false);
        Site site = load(TestSites.TODAY);
        Pages pages = Renderer.renderUncompressed(site, Renderer.Options.serve(Similar.NONE));
        assertThat(pages.all()).allSatisfy(page -> assertThat(page.body("").compressed()).isFalse());
        Page withSlot = pages.all().stream().filter(page -> page.slots().length > 0).findFirst().orElseThrow();
        // the server filled in a subscriber count
        pages.all().forEach(page -> page.body("<p>Join 40+</p>"));
        Page.Body forCount = withSlot.body("<p>Join 40+</p>");

        snapshot.save(key, site, pages, Similar.NONE, Map.of());

        assertThat(served(restore(TestSites.TODAY).pages(), "")).isEqualTo(rendered);
        Renderer.compress(pages);
        // compressing later leaves the body for the count served; the others now have their encodings
        assertThat(withSlot.body("<p>Join 40+</p>")).isSameAs(forCount);
        assertThat(served(pages, "")).isEqualTo(rendered);
    }
}
