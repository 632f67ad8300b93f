package dev.answerline.metrics.internal;

import dev.answerline.metrics.Metrics;
import dev.answerline.server.ServerException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code serve --metrics-port}: a small Jetty server of its own on 127.0.0.1 that answers {@code /metrics} and
 * nothing else. Loopback only, and no password: whoever can reach it is on this machine already. Its own
 * few threads, so that a scrape never waits behind readers, nor readers behind a scrape.
 *
 * <p>A request must name this machine in its {@code Host} ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}):
 * a web page open in a browser here could otherwise point a name of its own at 127.0.0.1 (DNS rebinding) and
 * read the metrics as if it were the same site.
 */
public final class Port implements Metrics.Listening {
    static final String HOST = "127.0.0.1";
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final Supplier<String> scrape;
    private final int port;
    private org.eclipse.jetty.server.Server jetty;
    private ServerConnector connector;

    public Port(Supplier<String> scrape, int port) {
        this.scrape = scrape;
        this.port = port;
    }

    /** Binds and serves; throws {@link ServerException} with the fix when the port is taken. */
    public Port start() {
        if (port < 0 || port > 65535) {
            throw new ServerException("--metrics-port " + port + " is not between 0 and 65535",
                    "pass a free port, e.g. --metrics-port 9464 (Prometheus' usual one for exporters)");
        }
        QueuedThreadPool threads = new QueuedThreadPool(4, 1);
        threads.setName("answerline-metrics");
        org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector bound = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        bound.setHost(HOST);
        bound.setPort(port);
        server.addConnector(bound);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!LOOPBACK_NAMES.contains(String.valueOf(request.getHttpURI().getHost()).toLowerCase(Locale.ROOT))) {
                    Response.writeError(request, response, callback, HttpStatus.MISDIRECTED_REQUEST_421);
                    return true;
                }
                if (!Metrics.PATH.equals(Request.getPathInContext(request))) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                    return true;
                }
                Exposition.answer(scrape, request, response, callback);
                return true;
            }
        });
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // it never started: nothing to let go of
            }
            if (e instanceof IOException) {
                throw new ServerException("cannot listen on " + HOST + ":" + port + " for the metrics ("
                        + e.getMessage() + ")", "stop the program using that port, or pass another one with"
                        + " --metrics-port", e);
            }
            throw ServerException.bug("the metrics port did not start: " + e.getMessage(), e);
        }
        this.jetty = server;
        this.connector = bound;
        return this;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                throw ServerException.bug("the metrics port did not stop cleanly: " + e.getMessage(), e);
            }
        }
    }
}
