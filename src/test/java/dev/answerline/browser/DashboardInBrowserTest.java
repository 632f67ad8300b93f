package dev.answerline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.admin.AdminHub;
import dev.answerline.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The owner logs in to the dashboard in a real browser, sees the chart and the tables with the figures the
 * readers made, and every page passes the same checks as the public pages, on a desktop and a phone.
 */
class DashboardInBrowserTest {
    @TempDir
    Path dir;

    private Database db;
    private AdminHub hub;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        db = Database.open(dir, null);
        hub = new AdminHub(db);
        hub.seed();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        hub.close();
        db.close();
    }

    @Test
    void onADesktop() throws Exception {
        logInAndLookAround(1366, 900, false, "desktop");
    }

    @Test
    void onAPhone() throws Exception {
        logInAndLookAround(390, 844, true, "phone");
    }

    /** On paper: no buttons or forms, and the numbers behind the chart even though their details are closed. */
    @Test
    void whenPrinted() {
        browser = Browser.open(1366, 900, true);
        browser.get(hub.uri("/admin/login").toString());
        browser.findElement(By.id("password")).sendKeys(AdminHub.PASSWORD);
        browser.findElement(By.cssSelector("form.login button")).click();
        await().until(ExpectedConditions.urlMatches("/admin/$"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector("form.logout")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".period form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("svg.chart")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("figure details")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("figure .print-only table tbody tr:last-child")).getText())
                .isEqualTo("2026-06-01 4 2 1 1 2 1");
    }

    private void logInAndLookAround(int width, int height, boolean phone, String name) throws Exception {
        browser = Browser.open(width, height, true);
        PageChecks.emulate(browser, width, height, phone, false);
        browser.get(hub.uri("/admin/").toString());
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        assertThat(PageChecks.all(browser, e -> false)).as("the login page").isEmpty();

        browser.findElement(By.id("password")).sendKeys(AdminHub.PASSWORD);
        browser.findElement(By.cssSelector("form.login button")).click();
        await().until(ExpectedConditions.urlMatches("/admin/$"));
        assertThat(texts("#totals div")).containsExactly("Views\n4", "Visitors\n2", "AI reads\n1", "Shop clicks\n1",
                "Signups\n2", "Confirmed\n1");
        WebElement chart = browser.findElement(By.cssSelector("svg.chart"));
        assertThat(chart.getSize().getWidth()).isGreaterThan(width / 2);
        assertThat(chart.getSize().getHeight()).isGreaterThan(100);
        assertThat(browser.findElements(By.cssSelector("#answers tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#unanswered td")).getText()).isEqualTo("quokka massage");
        browser.findElement(By.cssSelector("figure details summary")).click();
        assertThat(browser.findElement(By.cssSelector("figure details table tbody tr:last-child")).getText())
                .isEqualTo("2026-06-01 4 2 1 1 2 1");
        PageChecks.screenshot(browser, "dashboard-" + name);
        assertThat(PageChecks.all(browser, e -> false)).as("the overview").isEmpty();

        browser.findElement(By.cssSelector("#answers tbody a")).click();
        await().until(ExpectedConditions.urlContains("/admin/page?"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Should you roll your lower back?");
        assertThat(texts("#ctas tbody tr")).containsExactly("shop 1");
        assertThat(PageChecks.all(browser, e -> false)).as("an answer's page").isEmpty();

        browser.findElement(By.id("from")).clear();
        browser.findElement(By.id("from")).sendKeys("last tuesday");
        browser.findElement(By.cssSelector(".period form button")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem")));
        assertThat(browser.findElement(By.cssSelector(".problem")).getText()).startsWith("“last tuesday” is not a date");
        assertThat(PageChecks.all(browser, e -> e.contains("400"))).as("a bad date").isEmpty();

        browser.findElement(By.cssSelector("form.logout button")).click();
        await().until(ExpectedConditions.urlMatches("/admin/login$"));
        browser.get(hub.uri("/admin/").toString());
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
