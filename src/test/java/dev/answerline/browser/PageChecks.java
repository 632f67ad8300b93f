package dev.answerline.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What every page must pass in the browser, each check returning the problems it found (empty when none),
 * written so that a failing test says what and where: console errors, failed requests, horizontal scroll,
 * text under 12 px, and axe-core's accessibility rules.
 */
final class PageChecks {
    /** Installed by {@code npm ci --prefix src/test/browser}, which {@code .ci/run} does. */
    static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;

    private PageChecks() {}

    /** axe-core's script; skips the test without it, except in CI, where it fails. */
    static synchronized String axe() {
        if (axeSource == null) {
            if (!Files.isRegularFile(AXE)) {
                install();
            }
            if (!Files.isRegularFile(AXE)) {
                if (System.getenv("CI") != null) {
                    throw new IllegalStateException(AXE + " is missing — .ci/run installs it with"
                            + " npm ci --prefix src/test/browser");
                }
                Assumptions.abort("skipped: no axe-core; install it with npm ci --prefix src/test/browser");
            }
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** {@code npm ci} of the pinned axe-core, so that the README's test command alone runs these checks. */
    private static void install() {
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--prefix", "src/test/browser", "--no-audit", "--no-fund")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!npm.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
                npm.destroyForcibly();
            }
        } catch (IOException e) {
            // no npm here: the caller skips, or fails in CI
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sizes the page like a phone or a desktop window, and picks the colour scheme it is asked for in. */
    static void emulate(ChromeDriver browser, int width, int height, boolean phone, boolean dark) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", phone));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Saves what the reader sees, the whole page's length, as {@code target/screenshots/name.png}. */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", ((Number) browser.executeScript("return document.documentElement.clientWidth"))
                                .intValue(),
                        "height", ((Number) browser.executeScript(
                                "return document.documentElement.scrollHeight")).intValue())));
        byte[] png = OutputType.BYTES.convertFromBase64Png((String) shot.get("data"));
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** Console messages of level error since the last call, except those {@code expected} allows. */
    static List<String> consoleErrors(ChromeDriver browser, Predicate<String> expected) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expected.test(entry.getMessage())) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /**
     * Requests of this page that got no answer or an error status, as "status url". A resource from another
     * origin shows status 0 and no sizes unless it sends Timing-Allow-Origin, and would count as failed: the
     * demo's pages load only their own.
     */
    @SuppressWarnings("unchecked")
    static List<String> failedRequests(ChromeDriver browser) {
        return (List<String>) browser.executeScript("""
                return performance.getEntriesByType('resource')
                    .filter(e => e.responseStatus === 0 && e.transferSize === 0 && e.decodedBodySize === 0
                        || e.responseStatus >= 400)
                    .map(e => e.responseStatus + ' ' + e.name);""");
    }

    /** Whether the page is wider than the window, so that a reader would have to scroll sideways. */
    static String horizontalScroll(ChromeDriver browser) {
        return (String) browser.executeScript("""
                const root = document.documentElement;
                if (root.scrollWidth <= root.clientWidth) return null;
                const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5)
                    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
                return 'page is ' + root.scrollWidth + ' px wide in a ' + root.clientWidth + ' px window: ' + wide;""");
    }

    /** Text the reader sees set smaller than 12 px, as "size tag: text". */
    @SuppressWarnings("unchecked")
    static List<String> smallText(ChromeDriver browser) {
        return (List<String>) browser.executeScript("""
                const small = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const text = walker.currentNode.textContent.trim();
                  const element = walker.currentNode.parentElement;
                  if (!text || !element) continue;
                  const box = element.getBoundingClientRect();
                  const style = getComputedStyle(element);
                  // not shown, or shown only to screen readers (a 1 px clipped box)
                  if (style.visibility === 'hidden' || box.width <= 1 || box.height <= 1) continue;
                  const size = parseFloat(style.fontSize);
                  if (size < 12) small.push(size + 'px ' + element.tagName.toLowerCase() + ': ' + text.slice(0, 60));
                }
                return small;""");
    }

    /** axe-core's violations on the page as it is now, one line per rule with the elements it found. */
    static List<String> accessibility(ChromeDriver browser) throws IOException {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.executeScript(axe());
        String report = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error',
                        impact: 'critical', help: String(e), nodes: []}])));""");
        List<String> violations = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(report)) {
            StringBuilder line = new StringBuilder(violation.path("id").asText()).append(" (")
                    .append(violation.path("impact").asText()).append("): ").append(violation.path("help").asText());
            for (JsonNode node : violation.path("nodes")) {
                line.append("\n    ").append(node.path("target")).append(" — ")
                        .append(node.path("failureSummary").asText().replace('\n', ' '));
            }
            violations.add(line.toString());
        }
        return violations;
    }

    /**
     * Everything these checks find on the page the browser shows: console errors and failed requests that
     * {@code expected} does not allow, sideways scrolling, text under 12 px, axe-core's violations.
     */
    static List<String> all(ChromeDriver page, java.util.function.Predicate<String> expected) throws IOException {
        List<String> problems = new java.util.ArrayList<>();
        consoleErrors(page, expected).forEach(e -> problems.add("console error: " + e));
        failedRequests(page).stream().filter(r -> !expected.test(r)).forEach(r -> problems.add("failed request: " + r));
        String scroll = horizontalScroll(page);
        if (scroll != null) {
            problems.add("horizontal scroll: " + scroll);
        }
        smallText(page).forEach(t -> problems.add("text under 12 px: " + t));
        accessibility(page).forEach(v -> problems.add("axe: " + v));
        return problems;
    }
}
