package dev.answerline.server.internal;

import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends the few dynamic routes to their handlers and everything else straight to the pages. Jetty's
 * PathMappingsHandler wraps every request and gives it an attribute map; page requests, nearly all of the
 * traffic, need neither.
 */
public final class Dispatch extends Handler.Abstract {
    private final List<String> exact;
    private final List<String> prefixes;
    private final Handler routes;
    private final Handler pages;

    /**
     * @param specs the routes' path specs: {@code /search} (that path) or {@code /newsletter/*} (the path
     *     and everything under it)
     */
    public Dispatch(java.util.Collection<String> specs, Handler routes, Handler pages) {
        this.exact = specs.stream().filter(s -> !s.endsWith("/*")).toList();
        this.prefixes = specs.stream().filter(s -> s.endsWith("/*")).map(s -> s.substring(0, s.length() - 1))
                .toList();
        this.routes = routes;
        this.pages = pages;
        installBean(routes);
        installBean(pages);
    }

    /**
     * Non-blocking, so that Jetty may answer a page request on the thread that read it: pages never block.
     * The routes may (the database, the search), so they get a thread of their own.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isRoute(request.getHttpURI().getDecodedPath())) {
            return pages.handle(request, response, callback);
        }
        request.getContext().execute(() -> {
            try {
                if (!routes.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                callback.failed(failure);
            }
        });
        return true;
    }

    private boolean isRoute(String path) {
        for (int i = 0; i < exact.size(); i++) {
            if (path.equals(exact.get(i))) {
                return true;
            }
        }
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            if (path.startsWith(prefix) || path.length() == prefix.length() - 1 && prefix.startsWith(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void setServer(org.eclipse.jetty.server.Server server) {
        super.setServer(server);
        routes.setServer(server);
        pages.setServer(server);
    }
}
