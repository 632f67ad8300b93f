package dev.answerline.server;

import dev.answerline.render.Pages;
import dev.answerline.server.internal.Dispatch;
import dev.answerline.server.internal.ErrorPages;
import dev.answerline.server.internal.PagesHandler;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
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
    /** Largest request body accepted; pages take none and forms are tiny. */
    public static final long MAX_REQUEST_BYTES = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 8 * 1024;

    private final String host;
    private final int port;
    private final LongSupplier subscribers;
    private final Map<String, Function<Supplier<Pages>, Handler>> routes;
    private final boolean behindProxy;
    private final AtomicReference<Pages> pages;
    private org.eclipse.jetty.server.Server jetty;
    private ServerConnector connector;

    private Server(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.subscribers = builder.subscribers;
        this.routes = Map.copyOf(builder.routes);
        this.behindProxy = builder.behindProxy;
        this.pages = new AtomicReference<>(builder.pages);
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
        if (behindProxy) {
            // the client address and scheme come from the proxy's X-Forwarded-For / Forwarded headers
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector serverConnector = new ServerConnector(server, new HttpConnectionFactory(http));
        serverConnector.setHost(host);
        serverConnector.setPort(port);
        server.addConnector(serverConnector);
        PagesHandler pagesHandler = new PagesHandler(pages::get, subscribers);
        Handler front = pagesHandler;
        if (!routes.isEmpty()) {
            PathMappingsHandler mappings = new PathMappingsHandler();
            routes.forEach((spec, route) -> mappings.addMapping(PathSpec.from(spec), route.apply(pages::get)));
            // only the dynamic routes read request bodies
            SizeLimitHandler limit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
            limit.setHandler(mappings);
            front = new Dispatch(routes.keySet(), limit, pagesHandler);
        }
        server.setHandler(new SecurityHeaders(front));
        server.setErrorHandler(new ErrorPages(pages::get));
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw new ServerException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + ") — stop the program using that port, or pass another one with --port", e);
        } catch (Exception e) {
            stopQuietly(server);
            throw new ServerException("the server did not start: " + e.getMessage(), e);
        }
        this.jetty = server;
        this.connector = serverConnector;
        return this;
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

    @Override
    public void close() {
        if (jetty != null) {
            stopQuietly(jetty);
        }
    }

    private static void stopQuietly(org.eclipse.jetty.server.Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            throw new ServerException("the server did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** Configures a {@link Server}. Not thread-safe; {@link #build()} validates the settings. */
    public static final class Builder {
        private final Pages pages;
        private String host = "127.0.0.1";
        private int port = 8080;
        private LongSupplier subscribers = () -> 0;
        private final Map<String, Function<Supplier<Pages>, Handler>> routes = new java.util.LinkedHashMap<>();
        private boolean behindProxy;

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

        /**
         * A dynamic route, e.g. {@code /newsletter/*}; everything else is served from the pages. The handler
         * is made with the server's current pages, for pages it renders in the site's frame.
         */
        public Builder route(String pathSpec, Function<Supplier<Pages>, Handler> handler) {
            routes.put(pathSpec, Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** Trust X-Forwarded-For and Forwarded from a reverse proxy in front; default false. */
        public Builder behindProxy(boolean behindProxy) {
            this.behindProxy = behindProxy;
            return this;
        }

        public Server build() {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host is empty");
            }
            return new Server(this);
        }
    }
}
