package dev.answerline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A site in a brand's own look ({@code sites/themed}: its colours in both schemes, fonts, corners, header and
 * footer links, dark logo and stylesheet) held to the same standard as the demo: no console error, no failed
 * request, no sideways scroll, no tiny text, no axe-core violation, light and dark, desktop and phone.
 */
class ThemedPagesInBrowserTest {
    private static DemoServer server;
    private static ChromeDriver browser;
    private static Path site;

    @BeforeAll
    static void start() throws Exception {
        site = TestSites.themed(Files.createTempDirectory("answerline-themed-"));
        server = new DemoServer(Site.load(site, TestSites.TODAY));
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
        for (String path : List.of("/answers/should-you-roll-your-lower-back", "/", "/answers", "/search?q=roll",
                "/products/roller", "/answers/no-such-question")) {
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
        String name = "themed-" + (path.equals("/") ? "home" : path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
        PageChecks.screenshot(browser, name + "-" + viewport + "-" + scheme);
        List<String> problems = PageChecks.all(browser,
                message -> path.contains("no-such-question") && message.contains("no-such-question") && message.contains("404"));
        assertThat(problems).as("%s at %s in %s", path, viewport, scheme).isEmpty();
    }
}
