package dev.answerline.metrics.internal;

import dev.answerline.server.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} on the main port: the scrape for whoever sends the owner's password, as a bearer token or
 * as the password of HTTP Basic (any user name). The password is checked by the dashboard's slow hash, in
 * constant time; wrong guesses are counted per client address, and once there are too many every attempt,
 * right or wrong, gets 429 until the window ends. Without a password nothing here answers.
 */
public final class Guarded extends Handler.Abstract {
    /** Wrong passwords one client address may send in {@link #WINDOW}: a scraper with the password sends none. */
    public static final int GUESSES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(Guarded.class);

    private final Supplier<String> scrape;
    private final Predicate<String> password;
    private final RateLimiter guesses;

    public Guarded(Supplier<String> scrape, Predicate<String> password) {
        this(scrape, password, Clock.systemUTC());
    }

    Guarded(Supplier<String> scrape, Predicate<String> password, Clock clock) {
        this.scrape = scrape;
        this.password = password;
        this.guesses = RateLimiter.inMemory(GUESSES, WINDOW, clock);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (password == null) {
            // as if the path were not there: the pages answer their 404
            return false;
        }
        String client = Request.getRemoteAddr(request);
        long wait = guesses.blocked(client);
        if (wait > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, wait);
            Response.writeError(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429);
            return true;
        }
        String candidate = candidate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (candidate == null || !password.test(candidate)) {
            if (candidate != null && guesses.acquire(client) == 0 && guesses.blocked(client) > 0) {
                LOG.warn("metrics: {} wrong passwords for /metrics from one address; it is refused for {} min",
                        GUESSES, WINDOW.toMinutes());
            }
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"metrics\", charset=\"UTF-8\"");
            Response.writeError(request, response, callback, HttpStatus.UNAUTHORIZED_401);
            return true;
        }
        Exposition.answer(scrape, request, response, callback);
        return true;
    }

    /** The password in {@code Bearer PASSWORD} or {@code Basic base64(user:PASSWORD)}; null for anything else. */
    static String candidate(String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = authorization.substring(0, space);
        String value = authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return value.isEmpty() ? null : value;
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String pair = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 || colon == pair.length() - 1 ? null : pair.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }
}
