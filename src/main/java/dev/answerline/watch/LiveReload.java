package dev.answerline.watch;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * Tells open preview pages what changed, with server-sent events at {@code /_answerline/events}, and serves
 * the small script ({@code /_answerline/live.js}) that reloads a page when its path is among them. Only
 * mounted by {@code serve --watch}; published pages never load the script.
 */
public final class LiveReload extends Handler.Abstract {
    public static final String EVENTS = Address.of(Kind.PREVIEW, "events").path();
    public static final String SCRIPT = Address.of(Kind.PREVIEW, "live.js").path();
    private static final long PING_SECONDS = 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SCRIPT_BYTES = script();

    private final Set<BlockingQueue<String>> clients = new CopyOnWriteArraySet<>();
    private volatile boolean closed;
    /** Put in every queue by {@link #close()}, compared by identity: no event is this string. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String CLOSED = new String("closed");

    /** Sends the changed paths ({@code *} for all) to every open page. */
    public void publish(java.util.Collection<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        try {
            String event = "event: change\ndata: " + JSON.writeValueAsString(paths) + "\n\n";
            clients.forEach(client -> client.offer(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pages listening now, for tests and the console. */
    public int listeners() {
        return clients.size();
    }

    /** Ends every open event stream now, so that a stopping server has no request left waiting on them. */
    public void close() {
        closed = true;
        clients.forEach(client -> client.offer(CLOSED));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getDecodedPath();
        if (path.equals(SCRIPT)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(SCRIPT_BYTES), callback);
            return true;
        }
        if (!path.equals(EVENTS)) {
            return false;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        clients.add(events);
        try {
            send(response, ": connected\n\n");
            while (!closed) {
                String event = events.poll(PING_SECONDS, TimeUnit.SECONDS);
                if (event == CLOSED) {
                    break;
                }
                // a comment line now and then finds out when the page has gone away
                send(response, event != null ? event : ": ping\n\n");
            }
            callback.succeeded();
        } catch (IOException | InterruptedException e) {
            callback.failed(e);
        } finally {
            clients.remove(events);
        }
        return true;
    }

    private static void send(Response response, String text) throws IOException {
        try (Blocker.Callback sent = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), sent);
            sent.block();
        }
    }

    private static byte[] script() {
        try (InputStream in = LiveReload.class.getResourceAsStream("live.js")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
