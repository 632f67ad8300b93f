package dev.answerline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every kind of page a reader meets on the demo site, in a real browser at a desktop and a phone size, in
 * the light and the dark colour scheme: no console error, no failed request, no sideways scrolling, no text
 * under 12 px, no accessibility violation (axe-core). Screenshots go to {@code target/screenshots/}.
 */
class PagesInBrowserTest {
    static final String ANSWER = "/answers/should-you-foam-roll-your-lumbar-spine";
    private static final AtomicInteger READERS = new AtomicInteger();

    private static DemoServer server;
    private static ChromeDriver browser;

    /** A page, and how to get the browser to it. */
    enum Kind {
        ANSWER, ALL_QUESTIONS, CATEGORY, SEARCH, NOT_FOUND, SUBSCRIBED, SUBSCRIBE_FAILED,
        // the rest of the site, held to the same standard
        HOME, AUTHOR, AUTHORS, BLOG_POST, BLOG, PRODUCT, PRODUCTS, DISCLAIMER;

        String file() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    record Viewport(String name, int width, int height, boolean phone) {
        static final Viewport DESKTOP = new Viewport("desktop", 1366, 900, false);
        static final Viewport PHONE = new Viewport("phone", 390, 844, true);

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = new DemoServer();
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
        for (Kind kind : Kind.values()) {
            for (Viewport viewport : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
                for (boolean dark : List.of(false, true)) {
                    all.add(Arguments.of(kind, viewport, dark ? "dark" : "light"));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("pages")
    void readsCleanlyAndPassesAxe(Kind kind, Viewport viewport, String scheme) throws Exception {
        ChromeDriver page = browser();
        PageChecks.emulate(page, viewport.width(), viewport.height(), viewport.phone(), scheme.equals("dark"));
        PageChecks.consoleErrors(page, message -> true); // what earlier pages logged is theirs
        Predicate<String> expected = show(page, kind);
        PageChecks.screenshot(page, kind.file() + "-" + viewport + "-" + scheme);

        List<String> problems = PageChecks.all(page, expected);
        assertThat(problems).as("%s at %s in %s, %s", kind.file(), viewport, scheme, page.getCurrentUrl()).isEmpty();
    }

    @Test
    void theChecksFindWhatTheyLookFor() throws Exception {
        ChromeDriver page = browser();
        PageChecks.emulate(page, Viewport.PHONE.width(), Viewport.PHONE.height(), true, false);
        PageChecks.consoleErrors(page, message -> true);
        String html = "<!doctype html><html lang=en><title>Bad</title>"
                + "<meta name=viewport content='width=device-width'><body><main>"
                + "<p style='font-size:10px'>Tiny print</p>"
                + "<div style='width:900px'>Too wide</div>"
                + "<p style='color:#bbb;background:#fff'>Faint text</p>"
                + "<img src='/missing.png'>"
                + "<script>console.error('broken on purpose')</script></main>";
        // a page of its own origin: the site's server would never serve one this bad
        HttpServer bad = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bad.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().equals("/bad") ? html.getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        bad.start();
        try {
            page.get("http://127.0.0.1:" + bad.getAddress().getPort() + "/bad");
        } finally {
            bad.stop(0);
        }

        assertThat(PageChecks.consoleErrors(page, message -> false))
                .anyMatch(m -> m.contains("broken on purpose")).anyMatch(m -> m.contains("404"));
        assertThat(PageChecks.failedRequests(page)).anyMatch(r -> r.endsWith("/missing.png"));
        assertThat(PageChecks.horizontalScroll(page)).contains("in a 390 px window");
        assertThat(PageChecks.smallText(page)).containsExactly("10px p: Tiny print");
        assertThat(PageChecks.accessibility(page))
                .anyMatch(v -> v.startsWith("color-contrast")).anyMatch(v -> v.startsWith("image-alt"));
    }

    /** Takes the browser to the page; what it may log or fail to load there (the 404, a refused signup). */
    private static Predicate<String> show(ChromeDriver page, Kind kind) {
        switch (kind) {
            case ANSWER -> open(page, ANSWER);
            case ALL_QUESTIONS -> open(page, "/answers");
            case CATEGORY -> open(page, "/answers/category/back-relief");
            case SEARCH -> open(page, "/search?q=foam+roller+back");
            case HOME -> open(page, "/");
            case AUTHOR -> open(page, "/authors/maya-lindqvist");
            case AUTHORS -> open(page, "/authors");
            case BLOG_POST -> open(page, "/blog/foam-rolling-myths");
            case BLOG -> open(page, "/blog");
            case PRODUCT -> open(page, "/products/foam-massage-roller");
            case PRODUCTS -> open(page, "/products");
            case DISCLAIMER -> open(page, "/disclaimer");
            case NOT_FOUND -> {
                open(page, "/answers/no-such-question");
                return message -> message.contains("/answers/no-such-question") && message.contains("404");
            }
            case SUBSCRIBED -> {
                subscribe(page, "reader" + READERS.incrementAndGet() + "@example.com", ".newsletter-success");
            }
            case SUBSCRIBE_FAILED -> {
                // the browser's own check lets "a@b" through; the server refuses it, which is the state shown
                subscribe(page, "reader@localhost", ".newsletter-failure");
                return message -> message.contains("/newsletter/subscribe") && message.contains("400");
            }
        }
        return message -> false;
    }

    private static void open(ChromeDriver page, String path) {
        page.get(server.url(path));
    }

    private static void subscribe(ChromeDriver page, String email, String outcome) {
        open(page, ANSWER);
        WebElement block = page.findElement(By.cssSelector(".newsletter"));
        block.findElement(By.name("email")).sendKeys(email);
        block.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOf(block.findElement(By.cssSelector(outcome))));
    }

    private static ChromeDriver browser() {
        if (browser == null) {
            browser = Browser.open(1366, 900, true);
        }
        return browser;
    }
}
