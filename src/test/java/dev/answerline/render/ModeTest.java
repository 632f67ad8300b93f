package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each publication mode does with the same pages. */
class ModeTest {
    private static final String PAGE = "/answers/should-you-roll-your-lower-back";
    private final Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);

    @Test
    void aServedSiteKeepsItsPagesOffTheHeapWithBrotli() {
        Page.Body body = Renderer.render(site, Renderer.Options.SERVE).get(PAGE).body("");
        assertThat(body.identityView().isDirect()).isTrue();
        assertThat(body.hasBrotli()).isTrue();
        assertThat(html(body)).doesNotContain("live.js");
    }

    @Test
    void aPreviewKeepsThemOnTheHeapWithoutBrotliAndReloadsThem() {
        Page.Body body = Renderer.render(site, Renderer.Options.preview(new RenderCache())).get(PAGE).body("");
        assertThat(body.identityView().isDirect()).isFalse();
        assertThat(body.hasBrotli()).isFalse();
        assertThat(html(body)).contains("<script src=\"/_answerline/live.js\" defer></script>");
    }

    @Test
    void anExportHandsOverEveryPageWithGzipOnly() {
        List<Page> pages = new ArrayList<>();
        Renderer.each(site, Renderer.Options.EXPORT, (frame, paths) -> page -> {
            synchronized (pages) {
                pages.add(page);
            }
        });
        Page answer = pages.stream().filter(p -> p.path().equals(PAGE)).findFirst().orElseThrow();
        assertThat(answer.body("").compressed()).isTrue();
        assertThat(answer.body("").hasBrotli()).isFalse();
        assertThat(html(answer.body(""))).doesNotContain("live.js");
    }

    @Test
    void onlyAPreviewHasARenderCache() {
        assertThatThrownBy(() -> new Renderer.Options(Mode.SERVE, Similar.NONE, new RenderCache()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Renderer.Options(Mode.PREVIEW, Similar.NONE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String html(Page.Body body) {
        return new String(body.identity(), StandardCharsets.UTF_8);
    }
}
