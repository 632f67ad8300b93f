package dev.answerline.server;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /healthz} (the process answers: 200) and {@code /readyz} (200 {@code {"ready":true}}, or 503 with the
 * reasons as JSON), for load balancers and service managers that poll every second. The checks run at most
 * once a second, whoever asks, so that polling costs the database nothing much.
 *
 * <pre>{@code
 * Health health = Health.of(List.of(new Health.Check("database", () -> db.reachable() ? null : "not reachable")));
 * server.route(Health.LIVE, Health.LANE, pages -> health).route(Health.READY, Health.LANE, pages -> health);
 * }</pre>
 */
public final class Health extends Handler.Abstract {
    /** Its own small lane: a flood of polls waits here, not in front of pages. */
    public static final Lane LANE = Lane.of("health", 1, 64);
    public static final String LIVE = Address.of(Kind.HEALTH).path();
    public static final String READY = Address.of(Kind.READY).path();
    private static final long EVERY_MS = 1000;

    /**
     * One thing readiness needs.
     *
     * @param problem what is wrong, or null when all is well; it must not throw
     */
    public record Check(String name, Supplier<String> problem) {}

    private final List<Check> checks;
    private final Clock clock;
    /** When the checks last ran; -1 before the first time. */
    private long checkedAt = -1;
    private List<String> reasons = List.of();

    private Health(List<Check> checks, Clock clock) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    /** Readiness made of {@code checks}. */
    public static Health of(List<Check> checks) {
        return new Health(checks, Clock.systemUTC());
    }

    /** The reasons serve is not ready, none when it is; checked again when the last check is a second old. */
    public synchronized List<String> reasons() {
        long now = clock.millis();
        if (checkedAt < 0 || now - checkedAt >= EVERY_MS) {
            List<String> found = new ArrayList<>();
            for (Check check : checks) {
                String problem;
                try {
                    problem = check.problem().get();
                } catch (RuntimeException e) {
                    problem = "failed: " + e.getClass().getSimpleName();
                }
                if (problem != null) {
                    found.add(check.name() + ": " + problem);
                }
            }
            reasons = List.copyOf(found);
            checkedAt = now;
        }
        return reasons;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (path.equals(LIVE)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(true, ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        if (!path.equals(READY)) {
            return false;
        }
        List<String> now = reasons();
        StringBuilder json = new StringBuilder("{\"ready\":").append(now.isEmpty());
        if (!now.isEmpty()) {
            json.append(",\"reasons\":[");
            for (int i = 0; i < now.size(); i++) {
                json.append(i == 0 ? "\"" : ",\"").append(escape(now.get(i))).append('"');
            }
            json.append(']');
        }
        json.append("}\n");
        response.setStatus(now.isEmpty() ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.toString().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
