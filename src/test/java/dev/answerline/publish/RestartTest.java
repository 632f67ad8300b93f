package dev.answerline.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.render.CompressionCache;
import dev.answerline.render.Page;
import dev.answerline.render.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published site started again with nothing changed: its pages come from the snapshot of the first start at
 * once, and the site, its search, its problems and the issues sent since follow once it has loaded.
 */
class RestartTest {
    private static final Map<String, Instant> JUNE = Map.of("june-rolling", Instant.parse("2026-05-20T08:00:00Z"));

    @TempDir
    Path dir;

    private Path siteDir;
    private Path data;

    @BeforeEach
    void copySite() {
        siteDir = TestSites.copy("small", dir.resolve("site"));
        data = dir.resolve("data");
    }

    private Published start() {
        return Published.load(siteDir, TestSites.TODAY, false, CompressionCache.in(data.resolve("cache")),
                Snapshot.in(data));
    }

    private static String bytes(Page page) {
        return page == null ? "none" : page.body("").etag() + java.util.Arrays.hashCode(page.body("").identity());
    }

    @Test
    void theSecondStartServesTheFirstStartsPagesAndLoadsTheRestAfterwards() {
        String answer = "/answers/should-you-roll-your-lower-back";
        String first;
        try (Published published = start()) {
            published.sent(Map.of());
            published.settled();
            first = bytes(published.pages().get(answer));
            assertThat(published.describe()).doesNotContain("kept from the last start");
        }
        try (Published published = start()) {
            assertThat(published.describe()).contains("kept from the last start");
            assertThat(bytes(published.pages().get(answer))).isEqualTo(first);
            AtomicReference<Site> loaded = new AtomicReference<>();
            published.loaded(loaded::set);
            assertThat(published.search().search("lower back", 5).answers()).isNotEmpty();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(loaded.get()).isNotNull());
            assertThat(loaded.get().problems()).isEqualTo(Site.load(siteDir, TestSites.TODAY).problems());
            assertThat(published.config().title()).isEqualTo(loaded.get().config().title());
        }
    }

    @Test
    void anIssueSentSinceTheSnapshotIsPublishedOnceTheSiteHasLoadedAndOneShownAlreadyStays() {
        String issue = "/newsletter/june-rolling";
        String rendered;
        try (Published published = start()) {
            published.sent(JUNE);
            rendered = bytes(published.pages().get(issue));
        }
        try (Published published = start()) {
            published.sent(Map.of());
            published.settled();
            assertThat(published.pages().get(issue)).isNull();
        }
        try (Published published = start()) {
            AtomicReference<dev.answerline.render.Pages> handed = new AtomicReference<>();
            published.follow(handed::set);
            published.sent(JUNE);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(handed.get()).isNotNull());
            assertThat(bytes(published.pages().get(issue))).isEqualTo(rendered).isNotEqualTo("none");
            assertThat(bytes(handed.get().get(issue))).isEqualTo(rendered);
            published.settled();
        }
        // the snapshot of the first start is kept as it was: a restored start writes none
        try (Published published = start()) {
            published.sent(JUNE);
            assertThat(published.describe()).contains("kept from the last start");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> assertThat(bytes(published.pages().get(issue))).isEqualTo(rendered));
        }
    }
}
