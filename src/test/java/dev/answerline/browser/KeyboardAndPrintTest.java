package dev.answerline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader without a mouse, without JavaScript, or with a printer: subscribing and searching with the
 * keyboard alone, a visible focus on everything the Tab key reaches, every page readable without scripts,
 * and the answer page on paper without the parts that only work on screen.
 */
class KeyboardAndPrintTest {
    private static final String ANSWER = PagesInBrowserTest.ANSWER;
    /** More Tab presses than any page here has stops: a control not reached by then is not reachable. */
    private static final int MOST_TABS = 150;

    private static DemoServer server;
    private ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = new DemoServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private ChromeDriver open(String path, boolean javascript) {
        browser = Browser.open(1366, 900, javascript);
        browser.get(server.url(path));
        return browser;
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Presses Tab until {@code wanted} has the focus; fails when it never gets it. */
    private WebElement tabTo(String css) {
        WebElement wanted = browser.findElement(By.cssSelector(css));
        for (int i = 0; i < MOST_TABS; i++) {
            if (focused().equals(wanted)) {
                return wanted;
            }
            focused().sendKeys(Keys.TAB);
        }
        throw new AssertionError(css + " is not reached with the Tab key within " + MOST_TABS + " presses");
    }

    @Test
    void subscribingWorksWithTheKeyboardAlone() {
        open(ANSWER, true);
        tabTo(".newsletter input[name=email]").sendKeys("keys.only@example.com");
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("type")).isEqualTo("submit");
        focused().sendKeys(Keys.ENTER);
        WebElement success = browser.findElement(By.cssSelector(".newsletter-success"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOf(success));
        assertThat(success.getText()).isEqualTo("Almost done. Confirm with the link we just emailed you.");
    }

    @Test
    void searchingWorksWithTheKeyboardAlone() {
        open("/", true);
        tabTo("#site-search-q").sendKeys("hamstrings", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?"));
        WebElement first = tabTo(".results a");
        String target = first.getAttribute("href");
        first.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(target));
        assertThat(browser.findElement(By.tagName("h1")).getText()).containsIgnoringCase("hamstring");
    }

    @ParameterizedTest
    @CsvSource({ANSWER + ",light", ANSWER + ",dark", "/search?q=roller,light", "/search?q=roller,dark",
        "/answers,dark"})
    void everythingTheTabKeyReachesShowsThatItHasTheFocus(String path, String scheme) {
        open(path, true);
        PageChecks.emulate(browser, 1366, 900, false, scheme.equals("dark"));
        List<String> unmarked = new ArrayList<>();
        String first = null;
        for (int i = 0; i < MOST_TABS; i++) {
            focused().sendKeys(Keys.TAB);
            String where = (String) browser.executeScript("""
                    const e = document.activeElement;
                    const name = e.id || e.getAttribute('href') || e.getAttribute('name') || e.className;
                    return e.tagName + ' ' + name;""");
            if (where.equals(first) || where.startsWith("BODY")) {
                break; // round the page once: after the last stop the focus leaves the page
            }
            first = first == null ? where : first;
            Boolean marked = (Boolean) browser.executeScript("""
                    const style = getComputedStyle(document.activeElement);
                    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
                        || style.boxShadow !== 'none';""");
            if (!marked) {
                unmarked.add(where);
            }
        }
        assertThat(first).as("the Tab key reaches something").isNotNull();
        assertThat(unmarked).as("focused without a visible mark").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {ANSWER, "/answers", "/answers/category/back-relief", "/search?q=foam+roller",
            "/answers/no-such-question", "/"})
    void withoutJavaScriptEveryPageReadsTheSame(String path) {
        String withScripts = open(path, true).findElement(By.tagName("main")).getText();
        browser.quit();
        String without = open(path, false).findElement(By.tagName("main")).getText();
        assertThat(without).isNotBlank().isEqualTo(withScripts);
    }

    private String after(WebElement link) {
        return (String) browser.executeScript("return getComputedStyle(arguments[0], '::after').content", link);
    }

    @Test
    void theAnswerPrintsWithoutNewsletterCallToActionOrNavigationAndWithLinkAddresses() throws Exception {
        open(ANSWER, true);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        for (String css : List.of(".site-header", ".site-footer", ".newsletter", ".cta", ".breadcrumbs", ".more")) {
            assertThat(browser.findElement(By.cssSelector(css)).isDisplayed()).as(css + " on paper").isFalse();
        }
        assertThat(browser.findElement(By.cssSelector(".direct-answer")).isDisplayed()).isTrue();
        // a link within the site shows the address a reader can type, with the site's base URL
        WebElement inside = browser.findElement(By.cssSelector(".prose a[href^='/']"));
        String address = server.site.config().absolute(inside.getDomAttribute("href"));
        assertThat(after(inside)).isEqualTo("\" (" + address + ")\"");
        WebElement outside = browser.findElement(By.cssSelector(".prose a[href^='http']"));
        assertThat(after(outside)).isEqualTo("\" (" + outside.getDomAttribute("href") + ")\"");
        @SuppressWarnings("unchecked")
        Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF", Map.of("printBackground", false));
        Path file = Path.of("target/screenshots/answer-print.pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) pdf.get("data")));
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }
}
