package dev.answerline.publish.internal;

import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A route's handler made when its first request comes, on that request's lane thread: the search of a site
 * restored from a snapshot is still being indexed when the server starts, and its first searches wait for
 * it there, not the start.
 */
public final class Later extends Handler.Abstract {
    private final Supplier<Handler> make;
    private volatile Handler made;

    public Later(Supplier<Handler> make) {
        this.make = make;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler handler = made;
        if (handler == null) {
            synchronized (this) {
                handler = made;
                if (handler == null) {
                    handler = make.get();
                    made = handler;
                }
            }
        }
        return handler.handle(request, response, callback);
    }
}
