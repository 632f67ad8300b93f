package dev.answerline.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.newsletter.Newsletter;
import dev.answerline.render.Renderer;
import dev.answerline.search.SearchIndex;
import dev.answerline.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send their requests slowly, or in great numbers, against a server set up as {@code serve} sets
 * it up: pages, search and the newsletter on SQLite. None of them may keep pages or search from answering.
 */
class SlowClientsTest {
    private static final String PAGE = "/answers/should-you-roll-your-lower-back";
    private static final Duration FAST = Duration.ofMillis(1000);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FAST).build();
    /** Without a connect timeout: a burst of hundreds of connections is not what these tests time. */
    private final HttpClient burstClient = HttpClient.newHttpClient();
    private final List<Socket> sockets = new ArrayList<>();
    private Server server;
    private Newsletter newsletter;
    private Database db;
    private SearchIndex search;

    private void start(Consumer<Server.Builder> settings) {
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        db = Database.open(dir, null);
        newsletter = Newsletter.builder(db, () -> site).outboxDir(dir.resolve("outbox"))
                .publicUrl(() -> "https://answers.testroll.example").console(new PrintStream(OutputStream.nullOutputStream()))
                .build();
        search = SearchIndex.build(site);
        Server.Builder builder = Server.builder(Renderer.render(site)).port(0).subscribers(newsletter::count)
                .route("/search", SearchIndex.LANE, search::handler)
                .route("/api/search", SearchIndex.LANE, search::handler)
                .route("/newsletter/*", Newsletter.LANE, newsletter::handler);
        settings.accept(builder);
        server = builder.build().start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
            newsletter.close();
            search.close();
            db.close();
        }
    }

    /** A connection that starts a POST with a body of {@code length} bytes, sends {@code sent} of them, and stalls. */
    private Socket stalled(String path, int length, int sent) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        sockets.add(socket);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n\r\n"
                + "e".repeat(sent)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Everything the server sends on a connection until it closes it; fails if it does not close it. */
    private static String readToClose(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; it sent: " + read, e);
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(FAST).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesAndSearchAnswerWhileFiveHundredSlowUploadsAreOpen() throws Exception {
        start(b -> b.bodiesPerClient(1_000).bodyTimeout(Duration.ofMinutes(1)));
        for (int i = 0; i < 500; i++) {
            stalled(i % 2 == 0 ? "/newsletter/subscribe" : "/newsletter/unsubscribe", 1000, 1);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(get(PAGE).statusCode()).isEqualTo(200);
            HttpResponse<String> found = get("/api/search?q=lower+back");
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("should-you-roll-your-lower-back");
        }
        // and the newsletter itself still takes signups from people whose forms arrive
        HttpResponse<String> signup = http.send(HttpRequest.newBuilder(server.uri().resolve("/newsletter/subscribe"))
                .timeout(FAST).header("Content-Type", "application/x-www-form-urlencoded").header("Accept",
                        "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("email=reader%40example.com&source=" + PAGE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signup.statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyThatStallsGets408AndOneLogLine() throws Exception {
        start(b -> b.bodyTimeout(Duration.ofMillis(300)));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        String answer;
        try {
            answer = readToClose(stalled("/newsletter/subscribe", 1000, 12));
        } finally {
            System.setErr(err);
        }
        assertThat(answer).startsWith("HTTP/1.1 408 ").contains("Connection: close").doesNotContain("Exception");
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged.lines().filter(line -> !line.isBlank()).toList()).singleElement().asString()
                .contains("POST /newsletter/subscribe", "did not arrive within 0.3 s", "12 of 1000 bytes", "408");
    }

    @Test
    void aChunkedBodyThatStallsGets408Too() throws Exception {
        start(b -> b.bodyTimeout(Duration.ofMillis(300)));
        Socket socket = new Socket("127.0.0.1", server.port());
        sockets.add(socket);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("POST /newsletter/unsubscribe HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n3\r\ntok\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(readToClose(socket)).startsWith("HTTP/1.1 408 ");
    }

    @Test
    void oneClientMayHaveOnlyAFewBodiesUnderWay() throws Exception {
        start(b -> b.bodiesPerClient(4).bodyTimeout(Duration.ofMinutes(1)));
        List<Socket> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(stalled("/newsletter/subscribe", 1000, 1));
        }
        // the server takes them in any order: whichever two come last are refused
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> answered(six).size() >= 2);
        List<Socket> refused = answered(six);
        assertThat(refused).hasSize(2);
        for (Socket socket : refused) {
            assertThat(readToClose(socket)).startsWith("HTTP/1.1 429 ").contains("Retry-After: 5");
        }
        assertThat(get(PAGE).statusCode()).isEqualTo(200);
    }

    private static List<Socket> answered(List<Socket> sockets) throws IOException {
        List<Socket> answered = new ArrayList<>();
        for (Socket socket : sockets) {
            if (socket.getInputStream().available() > 0) {
                answered.add(socket);
            }
        }
        return answered;
    }

    @Test
    void aRouteThatHoldsItsThreadsCannotStarveThePages() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Handler slow = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                release.await(30, TimeUnit.SECONDS);
                response.write(true, null, callback);
                return true;
            }
        };
        start(b -> b.route("/slow", Lane.of("slow", 4, 16), pages -> slow));
        try {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                burst.add(burstClient.sendAsync(HttpRequest.newBuilder(server.uri().resolve("/slow")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(get(PAGE).statusCode()).isEqualTo(200);
                assertThat(get("/api/search?q=roll").statusCode()).isEqualTo(200);
            }
            release.countDown();
            List<Integer> statuses = burst.stream().map(f -> f.join().statusCode()).toList();
            // the lane took what it had room for; the rest were told at once to come back
            assertThat(statuses).containsOnly(200, 503);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isBetween(20L, 30L);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedAndNeverKept() throws Exception {
        start(b -> b.bodyTimeout(Duration.ofMillis(300)));
        // a little too large: read and dropped, so that the answer is not lost to a reset, then refused
        assertThat(readToClose(stalled("/newsletter/subscribe", Server.MAX_REQUEST_BYTES + 1, 100)))
                .startsWith("HTTP/1.1 413 ");
        // far too large: refused at once, whatever comes after
        assertThat(readToClose(stalled("/newsletter/subscribe", 100 << 20, 0))).startsWith("HTTP/1.1 413 ");
    }

    @Test
    void aPostToAPageGetsItsRefusalWholeWhileStillSending() throws Exception {
        start(b -> { });
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(server.uri().resolve(PAGE)).timeout(FAST)
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(15_000))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(405);
        }
    }
}
