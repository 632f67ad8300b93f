package dev.answerline.server;

import dev.answerline.content.Address;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --request-log}: one log line per request, {@code GET /answers/x (answer) 200 3 ms}, with the
 * fields {@code method}, {@code route}, {@code path}, {@code status} and {@code ms} in JSON lines. It keeps no
 * client address and no query string (searches and link tokens travel there), and no path of a newsletter
 * link ({@code /r/...}), whose signed id names a subscriber's click.
 */
public final class RequestLog implements Requests {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    /** A longer path is cut: a 16 KB path would otherwise make a 16 KB line. */
    private static final int LONGEST_PATH = 200;

    private RequestLog() {}

    /** A request log writing to the process's log. */
    public static RequestLog create() {
        return new RequestLog();
    }

    @Override
    public void answered(Answered request) {
        String route = request.route().name().toLowerCase(Locale.ROOT);
        String path = request.route() == Address.Kind.REDIRECT ? Address.Kind.REDIRECT.spec()
                : request.path().length() > LONGEST_PATH ? request.path().substring(0, LONGEST_PATH) + "..."
                : request.path();
        long ms = request.nanos() / 1_000_000;
        LOG.atInfo().addKeyValue("method", request.method()).addKeyValue("route", route).addKeyValue("path", path)
                .addKeyValue("status", request.status()).addKeyValue("ms", ms)
                .log("{} {} ({}) {} {} ms", request.method(), path, route, request.status(), ms);
    }
}
