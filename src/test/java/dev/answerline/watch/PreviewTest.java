package dev.answerline.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.server.Server;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --watch: a saved file is served at once, open pages are told to reload, errors show in place. */
class PreviewTest {
    private static final String LUMBAR = "/answers/should-you-foam-roll-your-lumbar-spine";

    @TempDir
    Path dir;

    private Path site;
    private Preview preview;
    private Server server;
    private final StringWriter console = new StringWriter();
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        site = TestSites.copyDemo(dir.resolve("site"));
        preview = Preview.open(site, true, new PrintWriter(console, true));
        Server.Builder builder = Server.builder(preview.pages()).port(0);
        preview.mount(builder);
        server = builder.build().start();
        preview.follow(server::update);
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(server.uri().resolve(LiveReload.EVENTS))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data: ")) {
                        events.add(line.substring("data: ".length()));
                    }
                }
            } catch (Exception e) {
                // the stream ends with the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (preview.liveReload() instanceof LiveReload live && live.listeners() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @AfterEach
    void stop() {
        server.close();
        preview.close();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private void edit(String file, String old, String now) throws Exception {
        Path path = site.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(old);
        Files.writeString(path, text.replace(old, now));
    }

    private String nextEvent() throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("a change event within 10 s").isNotNull();
        return event;
    }

    @Test
    void aSavedAnswerIsServedAndItsOpenPageToldToReload() throws Exception {
        assertThat(get(LUMBAR)).contains("<script src=\"/_answerline/live.js\" defer></script>");
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "## Why the lower back is different",
                "## Why the lower back is special");
        assertThat(nextEvent()).contains("\"" + LUMBAR + "\"").doesNotContain("\"/answers\"");
        assertThat(get(LUMBAR)).contains("Why the lower back is special");
        // the page, its twin, and the pages whose "More" boxes show other similar answers now
        // the open pages are told first; the line for the editor follows
        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "answers/should-you-foam-roll-your-lumbar-spine.md: \\d+ pages updated in");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!line.matcher(console.toString()).find() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(console.toString()).containsPattern(line);
        assertThat(get(LiveReload.SCRIPT)).contains("new EventSource('/_answerline/events')");
    }

    @Test
    void searchFindsWhatWasSavedAndTheSynonymsOfNow() throws Exception {
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "## Why the lower back is different",
                "## Why the lower back is not a wombat");
        nextEvent();
        assertThat(preview.search().search("wombat", 5).answers()).extracting(h -> h.path()).containsExactly(LUMBAR);
        Files.writeString(site.resolve("synonyms.txt"), "marsupial => wombat\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (preview.search().search("marsupial", 5).answers().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(preview.search().search("marsupial", 5).answers()).extracting(h -> h.path()).containsExactly(LUMBAR);
    }

    @Test
    void aFileWithErrorsShowsThemInsteadOfStaleContent() throws Exception {
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "category: back-relief", "category: back-releif");
        assertThat(nextEvent()).contains("\"" + LUMBAR + "\"");
        String page = get(LUMBAR);
        assertThat(page).contains("class=\"preview-problems\"", "This page has errors",
                "answers/should-you-foam-roll-your-lumbar-spine.md:14", "did you mean `back-relief`?")
                .doesNotContain("Direct Answer");
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "category: back-releif", "category: back-relief");
        assertThat(nextEvent()).contains("\"" + LUMBAR + "\"");
        assertThat(get(LUMBAR)).contains("Direct Answer").doesNotContain("preview-problems");
    }

    @Test
    void aFileNestedTooDeepShowsWhyAndTheWatcherGoesOn() throws Exception {
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "## Why the lower back is different",
                ">".repeat(3_000) + " deep\n\n## Why the lower back is different");
        assertThat(nextEvent()).contains("\"" + LUMBAR + "\"");
        assertThat(get(LUMBAR)).contains("This page has errors", "nested 3,000 levels deep", "at most 64 are allowed");
        // the watcher lives on: the next save is served like any other
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", ">".repeat(3_000) + " deep\n\n", "");
        assertThat(nextEvent()).contains("\"" + LUMBAR + "\"");
        assertThat(get(LUMBAR)).contains("Direct Answer").doesNotContain("preview-problems");
    }

    @Test
    void aProductWithItsOwnSlugShowsItsErrorsAtItsAddress() throws Exception {
        edit("products/massage-stick.md", "name: Northroll Massage Stick", "slug: the-stick\nname: Northroll Massage Stick");
        assertThat(nextEvent()).contains("\"/products/the-stick\"");
        assertThat(get("/products/the-stick")).contains("Northroll Massage Stick");
        edit("products/massage-stick.md", "name: Northroll Massage Stick", "name: Northroll Massage Stick\ncolour: red");
        assertThat(nextEvent()).contains("\"/products/the-stick\"");
        assertThat(get("/products/the-stick")).contains("This page has errors", "unknown key `colour`");
    }

    @Test
    void aBrokenSiteYamlShowsEverywhereUntilFixed() throws Exception {
        String yaml = Files.readString(site.resolve("site.yaml"));
        Files.writeString(site.resolve("site.yaml"), "brand: [\n");
        assertThat(nextEvent()).isEqualTo("[\"*\"]");
        assertThat(get("/answers")).contains("This page has errors", "site.yaml:1");
        Files.writeString(site.resolve("site.yaml"), yaml);
        assertThat(nextEvent()).isEqualTo("[\"*\"]");
        assertThat(get("/answers")).contains("All Questions").doesNotContain("preview-problems");
    }

    @Test
    void aNewDraftIsShownInThePreview() throws Exception {
        String draft = Files.readString(site.resolve("answers/how-do-you-clean-a-foam-roller.md"))
                .replace("question: How do you clean and care for a foam roller?", "question: Can you roll your neck?")
                .replaceAll("(?m)^aliases:.*\\n", "").replace("category: tools-choosing", "category: tools-choosing\ndraft: true");
        Files.writeString(site.resolve("answers/can-you-roll-your-neck.md"), draft);
        assertThat(nextEvent()).contains("\"/answers/can-you-roll-your-neck\"");
        assertThat(get("/answers/can-you-roll-your-neck")).contains("<h1>Can you roll your neck?</h1>");
    }
}
