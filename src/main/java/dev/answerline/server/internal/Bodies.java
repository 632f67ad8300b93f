package dev.answerline.server.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads request bodies whole before a route sees them, without holding a thread while the bytes are on
 * their way: Jetty calls back as they arrive. A client that sends one byte every few seconds then costs a
 * connection and a few bytes of memory, not a thread, and is cut off with 408 when its body is not complete
 * within the deadline. Each client address may have a few bodies under way at once; more are refused with
 * 429, and so is everything past a limit on all of them together. (Issue 14: 200 such connections to the
 * signup form used to hold every thread of the server, and no page was answered until they closed.)
 */
public final class Bodies {
    private static final Logger LOG = LoggerFactory.getLogger("http");
    /** Bodies too large up to this size are read and dropped before the refusal, so that it arrives. */
    private static final long LINGER_BYTES = 1 << 20;

    private final int maxBytes;
    private final long deadlineMillis;
    private final int perClient;
    private final int total;
    private final ConcurrentHashMap<String, Integer> underWay = new ConcurrentHashMap<>();
    private final AtomicInteger all = new AtomicInteger();

    /**
     * @param maxBytes the largest body accepted; larger ones get 413
     * @param deadline how long a body may take to arrive, from the start of the request
     * @param perClient bodies one client address may have under way at once
     * @param total bodies under way at once from all clients
     */
    public Bodies(int maxBytes, Duration deadline, int perClient, int total) {
        this.maxBytes = maxBytes;
        this.deadlineMillis = deadline.toMillis();
        this.perClient = perClient;
        this.total = total;
    }

    /** Whether a request announces a body: a length above 0, or chunks. */
    public static boolean hasBody(Request request) {
        long length = request.getLength();
        return length > 0 || length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /**
     * Reads the body of {@code request}, then hands a request that replays it to {@code then}; or answers
     * the request itself (413, 429, 408) and never calls {@code then}.
     */
    public void read(Request request, Response response, Callback callback, Consumer<Request> then) {
        long length = request.getLength();
        if (length > maxBytes) {
            Runnable refuse = () -> Refusals.send(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, true,
                    "The request body of " + length + " bytes is larger than the " + maxBytes + " bytes accepted.");
            if (length <= LINGER_BYTES) {
                // read and drop it first: closing a connection with unread bytes makes the kernel reset it, and
                // a client still sending would lose the answer
                new Discarding(request, refuse).start();
            } else {
                refuse.run();
            }
            return;
        }
        String client = Request.getRemoteAddr(request);
        int[] mine = new int[1];
        underWay.compute(client, (k, n) -> mine[0] = (n == null ? 0 : n) + 1);
        int everyone = all.incrementAndGet();
        if (mine[0] > perClient || everyone > total) {
            release(client);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, 5);
            if (mine[0] > perClient) {
                Refusals.send(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429, true, "Too many"
                        + " requests from your address are still sending their data; try again in a moment.");
            } else {
                Refusals.send(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, true,
                        "The server is busy; try again in a moment.");
            }
            return;
        }
        new Reading(request, response, callback, then, client).start();
    }

    private void release(String client) {
        underWay.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        all.decrementAndGet();
    }

    /** Bodies under way now, for tests. */
    int underWay() {
        return all.get();
    }

    private final class Reading implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Consumer<Request> then;
        private final String client;
        private final AtomicBoolean settled = new AtomicBoolean();
        private byte[] bytes = new byte[256];
        private int size;
        private Scheduler.Task timer;

        Reading(Request request, Response response, Callback callback, Consumer<Request> then, String client) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.then = then;
            this.client = client;
        }

        void start() {
            timer = request.getComponents().getScheduler().schedule(this::expire, deadlineMillis, TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more does. Never blocks. */
        @Override
        public void run() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (settle()) {
                        // the client went away or broke the framing: nobody is left to read an answer
                        callback.failed(chunk.getFailure());
                    }
                    return;
                }
                boolean last = chunk.isLast();
                boolean fits = append(chunk.getByteBuffer());
                chunk.release();
                if (!fits) {
                    if (settle()) {
                        Refusals.send(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, true,
                                "The request body is larger than the " + maxBytes + " bytes accepted.");
                    }
                    return;
                }
                if (last) {
                    if (settle()) {
                        then.accept(new Replayed(request, ByteBuffer.wrap(bytes, 0, size)));
                    }
                    return;
                }
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private boolean append(ByteBuffer buffer) {
            int more = buffer.remaining();
            if (size + more > maxBytes) {
                return false;
            }
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(maxBytes, Math.max(size + more, bytes.length * 2)));
            }
            buffer.get(bytes, size, more);
            size += more;
            return true;
        }

        private void expire() {
            if (!settle()) {
                return;
            }
            long expected = request.getLength();
            LOG.info("{} {}: the request body did not arrive within {} s ({} of {} bytes); answered 408",
                    request.getMethod(), request.getHttpURI().getPath(), deadlineMillis / 1000.0, size,
                    expected < 0 ? "an unknown number of" : expected);
            Refusals.send(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408, true,
                    "The request took too long to arrive; please send it again.");
        }

        /** True for the one caller that decides how the request ends. */
        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            if (timer != null) {
                timer.cancel();
            }
            release(client);
            return true;
        }
    }

    /** Reads a body and drops it, within the deadline, then answers; never blocks. */
    private final class Discarding implements Invocable.Task {
        private final Request request;
        private final Runnable answer;
        private final AtomicBoolean done = new AtomicBoolean();

        Discarding(Request request, Runnable answer) {
            this.request = request;
            this.answer = answer;
        }

        void start() {
            request.getComponents().getScheduler().schedule(this::finish, deadlineMillis, TimeUnit.MILLISECONDS);
            run();
        }

        @Override
        public void run() {
            while (!done.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                boolean last = chunk.isLast() || Content.Chunk.isFailure(chunk);
                chunk.release();
                if (last) {
                    finish();
                    return;
                }
            }
        }

        private void finish() {
            if (done.compareAndSet(false, true)) {
                answer.run();
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    /** The request as its handler sees it: the same, with the body already in memory. */
    private static final class Replayed extends Request.Wrapper {
        private Content.Chunk rest;

        Replayed(Request request, ByteBuffer body) {
            super(request);
            this.rest = Content.Chunk.from(body, true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = rest;
            rest = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public void fail(Throwable failure) {
            // nothing is left to read from the client: the body is in memory
        }

        @Override
        public synchronized boolean consumeAvailable() {
            rest = Content.Chunk.EOF;
            return true;
        }
    }
}
