package dev.answerline.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve --watch: a saved file is served at once, open pages are told to reload, errors show in place.
 *
 * <p>Nothing here depends on how the watcher groups what it sees into batches (it reports one once the folder
 * has been quiet for a few milliseconds, and a slow machine may see one save as two): files are saved whole,
 * by renaming a finished file into place as many editors do, so that no batch ever sees half a file; waits
 * read events until the one that names the page, and pages until they show the change.
 */
class PreviewTest {
    private static final String LUMBAR = "/answers/should-you-foam-roll-your-lumbar-spine";
    private static final String EVERY_PAGE = "[\"*\"]";

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
        LiveReload live = (LiveReload) preview.liveReload();
        within().until(() -> live.listeners() > 0);
    }

    private static ConditionFactory within() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10));
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
        save(path, text.replace(old, now));
    }

    /** Writes a file whole: written beside the site folder, then renamed into place in one step. */
    private void save(Path file, String text) throws Exception {
        Path saving = Files.writeString(dir.resolve("saving.tmp"), text);
        Files.move(saving, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The first change event that names {@code path} (or every page); events before it are passed over. */
    private String eventFor(String path) {
        String wanted = path.equals("*") ? EVERY_PAGE : "\"" + path + "\"";
        return within().until(() -> {
            for (String event = events.poll(); event != null; event = events.poll()) {
                if (event.contains(wanted)) {
                    return event;
                }
            }
            return null;
        }, Objects::nonNull);
    }

    /** The page at {@code path}, once it shows each of {@code texts}. */
    private String pageShowing(String path, String... texts) {
        return within().until(() -> get(path), page -> Arrays.stream(texts).allMatch(page::contains));
    }

    @Test
    void anIssueIsPreviewedAsItsEmailAndReloadsOnSave() throws Exception {
        String path = "/newsletter/preview/rolling-before-a-run";
        HttpResponse<String> preview = http.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("content-security-policy")).hasValue(IssuePreview.POLICY);
        assertThat(preview.body()).contains("<title>Five minutes of rolling before your next run</title>",
                "<script src=\"/_answerline/live.js\"></script>", "Is foam rolling good for runners?");
        edit("newsletters/rolling-before-a-run.md", "subject: Five minutes of rolling before your next run",
                "subject: Six minutes of rolling before your next run");
        eventFor(path);
        pageShowing(path, "<title>Six minutes of rolling before your next run</title>");
        // not sent, so not published: only its preview shows it
        assertThat(http.send(HttpRequest.newBuilder(server.uri().resolve("/newsletter/rolling-before-a-run")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(server.uri().resolve("/newsletter/preview/no-such-issue")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void aSavedAnswerIsServedAndItsOpenPageToldToReload() throws Exception {
        assertThat(get(LUMBAR)).contains("<script src=\"/_answerline/live.js\" defer></script>");
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "## Why the lower back is different",
                "## Why the lower back is special");
        assertThat(eventFor(LUMBAR)).doesNotContain("\"/answers\"");
        pageShowing(LUMBAR, "Why the lower back is special");
        // the page, its twin, and the pages whose "More" boxes show other similar answers now
        // the open pages are told first; the line for the editor follows
        Pattern line = Pattern.compile("answers/should-you-foam-roll-your-lumbar-spine.md: \\d+ pages updated in");
        within().until(() -> line.matcher(console.toString()).find());
        assertThat(get(LiveReload.SCRIPT)).contains("new EventSource('/_answerline/events')");
    }

    @Test
    void aSaveThatMovesSimilarAnswersEndsWithThePagesOfAFullRender() throws Exception {
        Path file = site.resolve("answers/should-you-foam-roll-your-lumbar-spine.md");
        String text = Files.readString(file);
        java.util.Map<String, java.util.List<String>> before = preview.search().similar().bySlug();
        // the opening now reads like the calf and shin answers: its own box and theirs change
        save(file, text.replace("## Why the lower back is different", "Calves, shins and ankles: roll the calves"
                + " and shins after running, the calves before the ankles.\n\n## Why the lower back is different"));
        // the line for the editor comes once both steps are done: the save, then the boxes it moved
        Pattern line = Pattern.compile("answers/should-you-foam-roll-your-lumbar-spine.md: \\d+ pages updated in");
        within().until(() -> line.matcher(console.toString()).find());

        dev.answerline.render.Similar similar = preview.search().similar();
        assertThat(similar.bySlug()).isNotEqualTo(before);
        dev.answerline.render.Pages full = dev.answerline.render.Renderer.render(
                dev.answerline.content.Site.load(site, java.time.LocalDate.now(), true, null),
                dev.answerline.render.Renderer.Options.preview(new dev.answerline.render.RenderCache()).with(similar));
        for (dev.answerline.render.Page page : full.all()) {
            dev.answerline.render.Page shown = preview.pages().get(page.path());
            assertThat(shown).as(page.path()).isNotNull();
            assertThat(new String(shown.body("").identity(), StandardCharsets.UTF_8)).as(page.path())
                    .isEqualTo(new String(page.body("").identity(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void searchFindsWhatWasSavedAndTheSynonymsOfNow() throws Exception {
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "## Why the lower back is different",
                "## Why the lower back is not a wombat");
        eventFor(LUMBAR);
        within().untilAsserted(() -> assertThat(preview.search().search("wombat", 5).answers())
                .extracting(h -> h.path()).containsExactly(LUMBAR));
        save(site.resolve("synonyms.txt"), "marsupial => wombat\n");
        within().untilAsserted(() -> assertThat(preview.search().search("marsupial", 5).answers())
                .extracting(h -> h.path()).containsExactly(LUMBAR));
    }

    @Test
    void aFileWithErrorsShowsThemInsteadOfStaleContent() throws Exception {
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "category: back-relief", "category: back-releif");
        eventFor(LUMBAR);
        String page = pageShowing(LUMBAR, "class=\"preview-problems\"");
        assertThat(page).contains("class=\"preview-problems\"", "This page has errors",
                "answers/should-you-foam-roll-your-lumbar-spine.md:14", "did you mean `back-relief`?")
                .doesNotContain("Direct Answer");
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "category: back-releif", "category: back-relief");
        eventFor(LUMBAR);
        assertThat(pageShowing(LUMBAR, "Direct Answer")).doesNotContain("preview-problems");
    }

    @Test
    void aFileNestedTooDeepShowsWhyAndTheWatcherGoesOn() throws Exception {
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", "## Why the lower back is different",
                ">".repeat(3_000) + " deep\n\n## Why the lower back is different");
        eventFor(LUMBAR);
        pageShowing(LUMBAR, "This page has errors", "nested 3,000 levels deep", "at most 64 are allowed");
        // the watcher lives on: the next save is served like any other
        edit("answers/should-you-foam-roll-your-lumbar-spine.md", ">".repeat(3_000) + " deep\n\n", "");
        eventFor(LUMBAR);
        assertThat(pageShowing(LUMBAR, "Direct Answer")).doesNotContain("preview-problems");
    }

    @Test
    void aProductWithItsOwnSlugShowsItsErrorsAtItsAddress() throws Exception {
        edit("products/massage-stick.md", "name: Northroll Massage Stick", "slug: the-stick\nname: Northroll Massage Stick");
        eventFor("/products/the-stick");
        pageShowing("/products/the-stick", "Northroll Massage Stick");
        edit("products/massage-stick.md", "name: Northroll Massage Stick", "name: Northroll Massage Stick\ncolour: red");
        eventFor("/products/the-stick");
        pageShowing("/products/the-stick", "This page has errors", "unknown key `colour`");
    }

    @Test
    void aBrokenSiteYamlShowsEverywhereUntilFixed() throws Exception {
        String yaml = Files.readString(site.resolve("site.yaml"));
        save(site.resolve("site.yaml"), "brand: [\n");
        assertThat(eventFor("*")).isEqualTo(EVERY_PAGE);
        pageShowing("/answers", "This page has errors", "site.yaml:1");
        save(site.resolve("site.yaml"), yaml);
        assertThat(eventFor("*")).isEqualTo(EVERY_PAGE);
        assertThat(pageShowing("/answers", "All Questions")).doesNotContain("preview-problems");
    }

    @Test
    void aNewDraftIsShownInThePreview() throws Exception {
        String draft = Files.readString(site.resolve("answers/how-do-you-clean-a-foam-roller.md"))
                .replace("question: How do you clean and care for a foam roller?", "question: Can you roll your neck?")
                .replaceAll("(?m)^aliases:.*\\n", "").replace("category: tools-choosing", "category: tools-choosing\ndraft: true");
        save(site.resolve("answers/can-you-roll-your-neck.md"), draft);
        eventFor("/answers/can-you-roll-your-neck");
        pageShowing("/answers/can-you-roll-your-neck", "<h1>Can you roll your neck?</h1>");
    }
}
