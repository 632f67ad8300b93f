package dev.answerline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The German demo ({@code demo-de/}) end to end in a real browser: its pages read cleanly and pass axe-core
 * in both schemes on desktop and phone, and a reader who types a German word without its umlaut finds the
 * answer from the header's search, in German.
 */
class GermanDemoInBrowserTest {
    private static final String BACK_PAIN = "/answers/rueckenschmerzen-nicht-mehr-rollen";
    private static DemoServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = new DemoServer(Site.load(TestSites.demoDe()));
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

    private static ChromeDriver browser() {
        if (browser == null) {
            browser = Browser.open(1366, 900, true);
        }
        return browser;
    }

    static Stream<Arguments> pages() {
        List<Arguments> all = new ArrayList<>();
        for (String path : List.of("/answers/lendenwirbelsaeule-rollen", "/", "/answers", "/search?q=ruckenschmerz",
                "/answers/gibt-es-nicht")) {
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
        ChromeDriver chrome = browser();
        PageChecks.emulate(chrome, viewport.width(), viewport.height(), viewport.phone(), scheme.equals("dark"));
        PageChecks.consoleErrors(chrome, message -> true);
        chrome.get(server.url(path));
        assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        String name = "de-" + (path.equals("/") ? "home" : path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
        PageChecks.screenshot(chrome, name + "-" + viewport + "-" + scheme);
        List<String> problems = PageChecks.all(chrome,
                message -> path.contains("gibt-es-nicht") && message.contains("gibt-es-nicht") && message.contains("404"));
        assertThat(problems).as("%s at %s in %s", path, viewport, scheme).isEmpty();
    }

    @Test
    void aWordTypedWithoutItsUmlautIsFoundFromTheHeader() {
        ChromeDriver chrome = browser();
        PageChecks.emulate(chrome, 1366, 900, false, false);
        chrome.get(server.url("/answers"));
        WebElement box = chrome.findElement(By.id("site-search-q"));
        box.sendKeys("ruckenschmerz");
        WebElement list = chrome.findElement(By.id("site-search-suggestions"));
        new WebDriverWait(chrome, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOf(list));
        List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
        assertThat(options.get(0).getText()).startsWith("Wann sollte man bei Rückenschmerzen nicht mehr rollen?");
        assertThat(options.get(options.size() - 1).getText()).isEqualTo("Alle Ergebnisse für „ruckenschmerz“");
        assertThat(chrome.findElement(By.cssSelector(".site-search [role=status]")).getAttribute("textContent"))
                .matches("\\d+ Vorschläge?");

        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        new WebDriverWait(chrome, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(BACK_PAIN));
        assertThat(chrome.findElement(By.tagName("h1")).getText())
                .isEqualTo("Wann sollte man bei Rückenschmerzen nicht mehr rollen?");
        assertThat(chrome.findElement(By.id("direct-answer")).getAttribute("textContent")).isEqualTo("Die kurze Antwort");
    }
}
