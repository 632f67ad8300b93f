package dev.answerline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader searches from the header of the demo site in a real browser. */
class SearchInBrowserTest {
    private static final String LUMBAR = "/answers/should-you-foam-roll-your-lumbar-spine";
    private static DemoServer server;
    private ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = new DemoServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement open(boolean javascript) {
        browser = Browser.open(1366, 900, javascript);
        browser.get(server.url("/answers"));
        return browser.findElement(By.id("site-search-q"));
    }

    private List<WebElement> suggestions(WebElement box, String typed) {
        box.sendKeys(typed);
        WebElement list = browser.findElement(By.id("site-search-suggestions"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOf(list));
        return list.findElements(By.cssSelector("[role=option]"));
    }

    private void waitForPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(path));
    }

    @Test
    void typingSuggestsAnswersAndTheKeyboardChoosesOne() {
        WebElement box = open(true);
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(box.getAttribute("aria-controls")).isEqualTo("site-search-suggestions");
        List<WebElement> options = suggestions(box, "lumbr spine");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(options.get(0).getText()).startsWith("Should you foam roll your lumbar spine?").contains("Back Relief");
        assertThat(options.get(options.size() - 1).getText()).isEqualTo("See all results for “lumbr spine”");
        assertThat(browser.findElement(By.cssSelector(".site-search [role=status]")).getAttribute("textContent"))
                .matches("\\d+ suggestions?");

        box.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0).getAttribute("id"));
        assertThat(options.get(0).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(options.get(1).getAttribute("aria-selected")).isEqualTo("false");
        assertThat(browser.switchTo().activeElement()).isEqualTo(box);
        box.sendKeys(Keys.ENTER);
        waitForPath(LUMBAR);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Should you foam roll your lumbar spine?");
    }

    @Test
    void escapeClosesTheListThenClearsTheBox() {
        WebElement box = open(true);
        suggestions(box, "hamstrings");
        box.sendKeys(Keys.ESCAPE);
        assertThat(browser.findElement(By.id("site-search-suggestions")).isDisplayed()).isFalse();
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(box.getAttribute("value")).isEqualTo("hamstrings");
        box.sendKeys(Keys.ESCAPE);
        assertThat(box.getAttribute("value")).isEmpty();
    }

    @Test
    void clickingASuggestionOpensIt() {
        WebElement box = open(true);
        List<WebElement> options = suggestions(box, "hamstrings");
        assertThat(options.get(0).getText()).startsWith("How do you foam roll your hamstrings?");
        options.get(0).click();
        waitForPath("/answers/how-do-you-foam-roll-your-hamstrings");
    }

    @Test
    void enterWithoutChoosingOpensTheResultsPage() {
        WebElement box = open(true);
        suggestions(box, "lactic acid");
        box.sendKeys(Keys.ENTER);
        waitForPath("/search?q=lactic+acid");
        assertThat(browser.findElement(By.cssSelector(".result-title a")).getText())
                .isEqualTo("Does foam rolling flush out lactic acid?");
        assertThat(browser.findElement(By.cssSelector(".result-snippet mark")).getText()).isEqualToIgnoringCase("lactic");
    }

    @Test
    void withoutJavaScriptTheBoxIsAPlainSearchForm() {
        WebElement box = open(false);
        assertThat(box.getAttribute("role")).isNull();
        box.sendKeys("lumbr spine", Keys.ENTER);
        waitForPath("/search?q=lumbr+spine");
        assertThat(browser.findElement(By.cssSelector(".result-title a")).getAttribute("href")).endsWith(LUMBAR);
    }
}
