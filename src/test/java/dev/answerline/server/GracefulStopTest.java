package dev.answerline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.render.Renderer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** A stop closes the port at once, lets the requests in flight finish, and cuts off only after its timeout. */
class GracefulStopTest {
    private final HttpClient http = HttpClient.newHttpClient();

    /** A route that answers once the test lets it. */
    private static final class Held extends Handler.Abstract {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            response.write(true, ByteBuffer.wrap("finished".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }

    private static Server server(Held held, Duration stopTimeout, Runnable beforeStop) {
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        return Server.builder(Renderer.render(site)).port(0).stopTimeout(stopTimeout).beforeStop(beforeStop)
                .route("/held", pages -> held).build().start();
    }

    @Test
    void aRequestInFlightFinishesWhileThePortIsAlreadyClosed() throws Exception {
        Held held = new Held();
        AtomicBoolean toldFirst = new AtomicBoolean();
        Server server = server(held, Duration.ofSeconds(20), () -> toldFirst.set(true));
        int port = server.port();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(server.uri().resolve("/held")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(held.entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
        await().atMost(Duration.ofSeconds(5)).untilTrue(toldFirst);
        // no new connection is taken while the one request finishes
        await().atMost(Duration.ofSeconds(10)).until(() -> refused(port));
        assertThat(stopped).isNotDone();

        held.release.countDown();
        HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("finished");
        stopped.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRequestThatOutlastsTheStopTimeoutIsCutOffAndTheStopStillSucceeds() throws Exception {
        Held held = new Held();
        Server server = server(held, Duration.ofMillis(500), () -> {});
        http.sendAsync(HttpRequest.newBuilder(server.uri().resolve("/held")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(held.entered.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        server.close(); // no exception: Jetty's timeout is reported as a warning
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(10));
        held.release.countDown();
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
