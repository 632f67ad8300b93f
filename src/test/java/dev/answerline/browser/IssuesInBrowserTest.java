package dev.answerline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The newsletter archive and a sent issue's web version in the demo, held to the pages' standard: no console
 * error, no failed request, no sideways scroll, no tiny text, no axe-core violation, light and dark, desktop
 * and phone.
 */
class IssuesInBrowserTest {
    private static DemoServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = new DemoServer(Site.load(TestSites.demo(), TestSites.TODAY),
                Map.of("rolling-before-a-run", Instant.parse("2026-05-28T06:00:00Z")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> pages() {
        List<Arguments> all = new ArrayList<>();
        for (String path : List.of("/newsletter/", "/newsletter/rolling-before-a-run")) {
            for (PagesInBrowserTest.Viewport viewport : List.of(PagesInBrowserTest.Viewport.DESKTOP,
                    PagesInBrowserTest.Viewport.PHONE)) {
                for (String scheme : List.of("light", "dark")) {
                    all.add(Arguments.of(path, viewport, scheme));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("pages")
    void readsCleanlyAndPassesAxe(String path, PagesInBrowserTest.Viewport viewport, String scheme) throws Exception {
        if (browser == null) {
            browser = Browser.open(1366, 900, true);
        }
        PageChecks.emulate(browser, viewport.width(), viewport.height(), viewport.phone(), scheme.equals("dark"));
        PageChecks.consoleErrors(browser, message -> true);
        browser.get(server.url(path));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isIn("Newsletter archive",
                "Five minutes of rolling before your next run");
        String name = "issues-" + path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        PageChecks.screenshot(browser, name + "-" + viewport + "-" + scheme);
        List<String> problems = PageChecks.all(browser, message -> false);
        assertThat(problems).as("%s at %s in %s", path, viewport, scheme).isEmpty();
    }
}
