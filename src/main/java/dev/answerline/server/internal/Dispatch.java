package dev.answerline.server.internal;

import dev.answerline.server.Lane;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends the few dynamic routes to their handlers and everything else straight to the pages. A route runs on
 * the threads of its {@link Lane}, after its request body, if any, has arrived whole ({@link Bodies}): Jetty's
 * own threads only read requests and answer pages, and can neither be held by a slow client nor queued
 * behind slow searches. A lane that is full answers 503 at once.
 */
public final class Dispatch extends Handler.Abstract {
    /** A route: a path spec ({@code /search}, or {@code /newsletter/*} for the path and all under it). */
    public record Route(String spec, Lane lane, Handler handler) {}

    private record Mount(String exact, String prefix, ThreadPoolExecutor lane, Handler handler) {}

    private final List<Mount> mounts = new ArrayList<>();
    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();
    private final Bodies bodies;
    private final Handler pages;

    public Dispatch(List<Route> routes, Bodies bodies, Handler pages) {
        this.bodies = bodies;
        this.pages = pages;
        Map<Lane, ThreadPoolExecutor> byLane = new HashMap<>();
        for (Route route : routes) {
            ThreadPoolExecutor lane = byLane.computeIfAbsent(route.lane(), Dispatch::threads);
            String spec = route.spec();
            boolean under = spec.endsWith("/*");
            mounts.add(new Mount(under ? null : spec, under ? spec.substring(0, spec.length() - 1) : null, lane,
                    route.handler()));
            installBean(route.handler());
        }
        lanes.addAll(byLane.values());
        installBean(pages);
    }

    private static ThreadPoolExecutor threads(Lane lane) {
        AtomicInteger count = new AtomicInteger();
        BlockingQueue<Runnable> queue = lane.queue() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(lane.queue());
        ThreadPoolExecutor executor = new ThreadPoolExecutor(lane.threads(), lane.threads(), 30, TimeUnit.SECONDS,
                queue, work -> {
                    Thread thread = new Thread(work, "answerline-" + lane.name() + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Non-blocking, so that Jetty may answer a page request on the thread that read it: pages never block. */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Mount mount = mountOf(request.getHttpURI().getDecodedPath());
        if (mount == null) {
            if (Bodies.hasBody(request)) {
                // pages take no body, but the client gets its 405 only once the body it is sending has arrived
                bodies.read(request, response, callback, whole -> {
                    try {
                        pages.handle(whole, response, callback);
                    } catch (Exception failure) {
                        callback.failed(failure);
                    }
                });
                return true;
            }
            return pages.handle(request, response, callback);
        }
        if (Bodies.hasBody(request)) {
            bodies.read(request, response, callback, whole -> run(mount, whole, response, callback));
        } else {
            run(mount, request, response, callback);
        }
        return true;
    }

    private void run(Mount mount, Request request, Response response, Callback callback) {
        try {
            mount.lane().execute(() -> {
                try {
                    // a path a route does not answer is the pages' (the web versions of newsletter issues are
                    // pages under the signup routes' folder), and their 404 when they have none
                    if (!mount.handler().handle(request, response, callback)
                            && !pages.handle(request, response, callback)) {
                        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                    }
                } catch (Throwable failure) {
                    callback.failed(failure);
                }
            });
        } catch (RejectedExecutionException full) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
            Refusals.send(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, false,
                    "The server is busy; try again in a moment.");
        }
    }

    private Mount mountOf(String path) {
        for (int i = 0; i < mounts.size(); i++) {
            Mount mount = mounts.get(i);
            if (mount.exact() != null ? path.equals(mount.exact())
                    : path.startsWith(mount.prefix())
                            || path.length() == mount.prefix().length() - 1 && mount.prefix().startsWith(path)) {
                return mount;
            }
        }
        return null;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        lanes.forEach(ThreadPoolExecutor::shutdownNow);
    }

    @Override
    public void setServer(org.eclipse.jetty.server.Server server) {
        super.setServer(server);
        mounts.forEach(mount -> mount.handler().setServer(server));
        pages.setServer(server);
    }
}
