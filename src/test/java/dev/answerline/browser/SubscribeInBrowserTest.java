package dev.answerline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.newsletter.Newsletter;
import dev.answerline.newsletter.Subscriber;
import dev.answerline.render.Renderer;
import dev.answerline.server.Server;
import dev.answerline.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader subscribes from the demo's answer page in a real browser. */
class SubscribeInBrowserTest {
    private static final String PAGE = "/answers/should-you-foam-roll-your-lumbar-spine";

    @TempDir
    Path dir;

    private Database db;
    private Newsletter newsletter;
    private Server server;
    private ChromeDriver browser;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        Site site = Site.load(TestSites.demo());
        db = Database.open(dir, null);
        // a script fills the form at once, faster than a person: the check of that has its own test
        // (SignupDefencesTest), and waiting here as a person would cost every signup 1.5 s
        newsletter = Newsletter.builder(db, () -> site).outboxDir(dir.resolve("outbox"))
                .console(new PrintStream(console, true, StandardCharsets.UTF_8)).minFillTime(Duration.ZERO).build();
        server = Server.builder(Renderer.render(site)).port(0).subscribers(newsletter::count)
                .route("/newsletter/*", newsletter::handler).build().start();
        newsletter.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
        newsletter.close();
        db.close();
    }

    private WebElement typeAndSubscribe(String email) {
        browser = browser == null ? Browser.open(1366, 900, true) : browser;
        browser.get(server.uri().resolve(PAGE).toString());
        WebElement block = browser.findElement(By.cssSelector(".newsletter"));
        block.findElement(By.name("email")).sendKeys(email);
        block.findElement(By.cssSelector("button[type=submit]")).click();
        return block;
    }

    @Test
    void withJavaScriptTheSuccessTextAppearsInPlace() throws Exception {
        WebElement block = typeAndSubscribe("browser.reader@example.com");
        WebElement success = block.findElement(By.cssSelector(".newsletter-success"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOf(success));
        assertThat(success.getText()).isEqualTo("Almost done. Confirm with the link we just emailed you.");
        assertThat(block.findElement(By.cssSelector(".newsletter-failure")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).endsWith(PAGE);
        assertThat(block.findElement(By.cssSelector("[role=status]")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(block.findElement(By.name("email")).getAttribute("value")).isEmpty();
        assertThat(block.findElement(By.cssSelector("button[type=submit]")).isEnabled()).isTrue();
        StringBuilder csv = new StringBuilder();
        Newsletter.export(db, Subscriber.Status.PENDING, csv);
        assertThat(csv).contains("browser.reader@example.com," + "pending," + PAGE);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("confirm link for b***@example.com")
                .doesNotContain("browser.reader@example.com");
    }

    @Test
    void withJavaScriptAFailureIsShownInPlace() throws Exception {
        // the browser's own check lets "a@b" through; the server does not
        WebElement block = typeAndSubscribe("reader@localhost");
        WebElement failure = block.findElement(By.cssSelector(".newsletter-failure"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOf(failure));
        assertThat(failure.getText()).isEqualTo("Something went wrong. Please try again.");
        assertThat(block.findElement(By.cssSelector(".newsletter-success")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).endsWith(PAGE);
    }

    @Test
    void withoutJavaScriptTheFormPostsToAPageWithTheSuccessText() throws Exception {
        browser = Browser.open(1366, 900, false);
        typeAndSubscribe("nojs.reader@example.com");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/newsletter/subscribe"));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Thanks for signing up");
        assertThat(browser.findElement(By.cssSelector(".lead")).getText())
                .isEqualTo("Almost done. Confirm with the link we just emailed you.");
    }
}
