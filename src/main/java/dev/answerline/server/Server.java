package dev.answerline.server;

import dev.answerline.render.Pages;
import dev.answerline.server.internal.Answers;
import dev.answerline.server.internal.Bodies;
import dev.answerline.server.internal.ClientAddress;
import dev.answerline.server.internal.Dispatch;
import dev.answerline.server.internal.ErrorPages;
import dev.answerline.server.internal.PagesHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves a site's {@link Pages} over HTTP from memory, on Jetty's core handlers.
 *
 * <pre>{@code
 * try (Server server = Server.builder(pages).port(8080).build().start()) {
 *     server.join();
 * }
 * }</pre>
 *
 * <p>{@link #update(Pages)} swaps in a new set atomically: a request sees either the old pages or the new
 * ones, never a mix. Thread-safe.
 */
public final class Server implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("server");
    /** Largest request body accepted; pages take none and forms are tiny. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;
    /**
     * Largest request line and headers: room for a 10,000-character search in the address, which an API
     * client may send and then deserves a JSON answer rather than Jetty's 414.
     */
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Request bodies under way at once from all clients; each is at most {@link #MAX_REQUEST_BYTES}. */
    private static final int MAX_BODIES = 4096;

    private final String host;
    private final int port;
    private final LongSupplier subscribers;
    private final PageViews views;
    private final List<Route> routes;
    private final TrustedProxy proxy;
    private final Duration bodyTimeout;
    private final int bodiesPerClient;
    private final Duration stopTimeout;
    private final List<Runnable> beforeStop;
    private final AtomicReference<Pages> pages;
    private final Requests requests;
    private org.eclipse.jetty.server.Server jetty;
    private ServerConnector connector;

    private Server(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.subscribers = builder.subscribers;
        this.views = builder.views;
        this.routes = List.copyOf(builder.routes);
        this.proxy = builder.proxy;
        this.bodyTimeout = builder.bodyTimeout;
        this.bodiesPerClient = builder.bodiesPerClient;
        this.stopTimeout = builder.stopTimeout;
        this.beforeStop = List.copyOf(builder.beforeStop);
        this.pages = new AtomicReference<>(builder.pages);
        this.requests = builder.requests;
    }

    /** Starts configuring a server for these pages. */
    public static Builder builder(Pages pages) {
        return new Builder(pages);
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws ServerException when the port is taken or cannot be bound
     */
    public Server start() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("answerline-http");
        org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        if (proxy.trusted()) {
            http.addCustomizer(new ClientAddress(proxy));
        }
        ServerConnector serverConnector = new ServerConnector(server, new HttpConnectionFactory(http));
        serverConnector.setHost(host);
        serverConnector.setPort(port);
        // a burst of new connections waits in the kernel instead of being dropped: the default backlog is
        // 50 or so, and a SYN dropped costs the client a one-second retry
        serverConnector.setAcceptQueueSize(1024);
        server.addConnector(serverConnector);
        PagesHandler pagesHandler = new PagesHandler(pages::get, subscribers, views);
        List<Dispatch.Route> mounted = routes.stream()
                .map(r -> new Dispatch.Route(r.spec(), r.lane(), r.handler().apply(pages::get))).toList();
        Handler front = new Dispatch(mounted, new Bodies(MAX_REQUEST_BYTES, bodyTimeout, bodiesPerClient, MAX_BODIES),
                pagesHandler);
        Handler top = new SecurityHeaders(front);
        // ---- metrics and the request log (dev.answerline.metrics, serve --request-log): told of every answer
        if (requests != Requests.NONE) {
            requests.serving(server);
            top = new Answers(top, requests);
        }
        // ----
        // a stop closes the port, answers requests on open connections with 503 (a proxy tries the next node)
        // and waits for those in flight, up to the stop timeout
        server.setHandler(new GracefulHandler(top));
        server.setStopTimeout(stopTimeout.toMillis());
        server.setErrorHandler(new ErrorPages(pages::get));
        // no Jetty shutdown hook: the process that serves owns the stop (serve's hook closes this server and
        // then waits for the counts to be written); two hooks racing each other logged a stack trace
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw cannotListen(e);
        } catch (Exception e) {
            stopQuietly(server);
            throw ServerException.bug("the server did not start: " + e.getMessage(), e);
        }
        this.jetty = server;
        this.connector = serverConnector;
        return this;
    }

    /** Jetty says "Failed to bind" for a taken port and for an address of another machine alike. */
    private ServerException cannotListen(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String problem = "cannot listen on " + host + ":" + port + " (" + e.getMessage()
                + (root != e && root.getMessage() != null ? ": " + root.getMessage() : "") + ")";
        if (!ownAddress(host)) {
            return new ServerException(problem, "pass an address of this machine with --host, e.g. 127.0.0.1, or"
                    + " 0.0.0.0 for every interface", e);
        }
        return new ServerException(problem, "stop the program using that port, or pass another one with --port", e);
    }

    private static boolean ownAddress(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The address to open in a browser. */
    public URI uri() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return URI.create("http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port() + "/");
    }

    /** The pages served now. */
    public Pages pages() {
        return pages.get();
    }

    /** Serves {@code next} from now on; requests under way finish with the pages they started with. */
    public void update(Pages next) {
        pages.set(Objects.requireNonNull(next));
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops: the port is closed at once, requests in flight finish (new ones on open connections get 503),
     * and after the stop timeout whatever is left is cut off. Idempotent.
     */
    @Override
    public void close() {
        if (jetty != null) {
            beforeStop.forEach(Runnable::run);
            stopQuietly(jetty);
        }
    }

    private void stopQuietly(org.eclipse.jetty.server.Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof java.util.concurrent.TimeoutException) {
                    // Jetty has stopped everything and only reports that it had to cut requests off
                    LOG.warn("requests still under way {} s after the stop began were cut off", stopTimeout.toSeconds());
                    return;
                }
            }
            throw ServerException.bug("the server did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** A dynamic route as registered: made with the server's pages once it starts. */
    private record Route(String spec, Lane lane, Function<Supplier<Pages>, Handler> handler) {}

    /** Configures a {@link Server}. Not thread-safe; {@link #build()} validates the settings. */
    public static final class Builder {
        private final Pages pages;
        private String host = "127.0.0.1";
        private int port = 8080;
        private LongSupplier subscribers = () -> 0;
        private PageViews views = PageViews.NONE;
        private final List<Route> routes = new ArrayList<>();
        private TrustedProxy proxy = TrustedProxy.NONE;
        private Duration bodyTimeout = Duration.ofSeconds(10);
        private int bodiesPerClient = 16;
        private Duration stopTimeout = Duration.ofSeconds(10);
        private final List<Runnable> beforeStop = new ArrayList<>();
        private Requests requests = Requests.NONE;

        private Builder(Pages pages) {
            this.pages = Objects.requireNonNull(pages, "pages");
        }

        /** The address to listen on; default 127.0.0.1, {@code 0.0.0.0} for every interface. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; default 8080, 0 for any free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where the newsletter block's live subscriber count comes from; default none (0). */
        public Builder subscribers(LongSupplier subscribers) {
            this.subscribers = Objects.requireNonNull(subscribers, "subscribers");
            return this;
        }

        /** Who is told of the HTML pages answered; default nobody. */
        public Builder views(PageViews views) {
            this.views = Objects.requireNonNull(views, "views");
            return this;
        }

        /** A dynamic route on the {@linkplain Lane#DEFAULT default lane}; see {@link #route(String, Lane, Function)}. */
        public Builder route(String pathSpec, Function<Supplier<Pages>, Handler> handler) {
            return route(pathSpec, Lane.DEFAULT, handler);
        }

        /**
         * A dynamic route, e.g. {@code /newsletter/*}, answered on the threads of {@code lane}; everything
         * else is served from the pages. The handler is made with the server's current pages, for pages it
         * renders in the site's frame. It may block: it runs on its lane's threads, and its request body has
         * arrived before it is called.
         */
        public Builder route(String pathSpec, Lane lane, Function<Supplier<Pages>, Handler> handler) {
            routes.add(new Route(Objects.requireNonNull(pathSpec, "pathSpec"), Objects.requireNonNull(lane, "lane"),
                    Objects.requireNonNull(handler, "handler")));
            return this;
        }

        /** Which proxies in front to believe about client addresses; default {@link TrustedProxy#NONE}. */
        public Builder trustedProxy(TrustedProxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /** How long a request body may take to arrive before the client gets 408; default 10 seconds. */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Request bodies one client address may have under way at once; default 16, more get 429. */
        public Builder bodiesPerClient(int count) {
            this.bodiesPerClient = count;
            return this;
        }

        /** Who is told of every request answered (metrics, the request log); default nobody. */
        public Builder requests(Requests requests) {
            this.requests = Objects.requireNonNull(requests, "requests");
            return this;
        }

        /**
         * Runs {@code action} when the server begins to stop, before it waits for the requests in flight: for
         * requests that would otherwise last until the stop timeout, such as open event streams.
         */
        public Builder beforeStop(Runnable action) {
            beforeStop.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** How long a stop waits for the requests in flight; default 10 seconds. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * A server with these settings, not yet started.
         *
         * @throws ServerException when the port or the host cannot be used
         */
        public Server build() {
            if (port < 0 || port > 65535) {
                throw new ServerException("port " + port + " is not between 0 and 65535",
                        "pass a port in that range with --port, e.g. 8080, or 0 for any free port");
            }
            if (host == null || host.isBlank()) {
                throw new ServerException("the address to listen on is empty",
                        "pass one with --host, e.g. 127.0.0.1, or 0.0.0.0 for every interface");
            }
            if (bodyTimeout.isNegative() || bodyTimeout.isZero() || bodiesPerClient < 1 || stopTimeout.isNegative()) {
                throw new IllegalArgumentException("the body timeout and the bodies per client must be above 0");
            }
            Set<String> specs = new HashSet<>();
            for (Route route : routes) {
                if (!route.spec().startsWith("/") || !specs.add(route.spec())) {
                    throw new IllegalArgumentException("route " + route.spec() + " must start with / and be given once");
                }
            }
            return new Server(this);
        }
    }
}
