package dev.answerline.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by Selenium.
 * The driver is named explicitly so that Selenium never tries to download one. Without the packages a test
 * is skipped with a message, except in CI ({@code CI} set), where {@code .ci/run} installs them.
 */
public final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    /** A new headless browser with a window of this size; quit it when done. */
    public static ChromeDriver open(int width, int height, boolean javascript) {
        return open(width, height, javascript, new String[0]);
    }

    /** The same, with more of Chromium's command-line switches (a User-Agent, host rules). */
    public static ChromeDriver open(int width, int height, boolean javascript, String... switches) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must run the browser tests, but " + CHROMIUM + " or " + DRIVER
                    + " is missing — .ci/run installs chromium and chromium-driver");
        }
        assumeTrue(installed, "skipped: no Chromium here; install it with apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=" + width + "," + height);
        // console messages are read back: a page that logs an error fails its test
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        options.addArguments(switches);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
