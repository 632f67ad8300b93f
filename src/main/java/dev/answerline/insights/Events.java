package dev.answerline.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.content.Site;
import dev.answerline.render.Page;
import dev.answerline.render.Pages;
import dev.answerline.server.RateLimiter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code /api/event}: what a browser reports that the server cannot see by itself.
 * <ul>
 *   <li>{@code POST /api/event?e=cta&p=PATH&cta=ID}, sent by the call to action's {@code ping} attribute (or by
 *       {@code sendBeacon} in browsers without it): a click on the shop link, which goes straight to the shop.
 *   <li>{@code POST /api/event} with {@code {"e":"view","p":PATH,"r":REFERRER}} from the script of a static
 *       export ({@code navigator.sendBeacon}), and {@code GET /api/event?e=view&p=PATH} from its
 *       {@code <noscript>} image: a view of a page the server did not answer.
 * </ul>
 * Anyone can send these, so an event counts only for a page the site has, from a browser (not a program, not
 * an AI agent), from the site's own pages when the browser says where it comes from, and at most
 * {@link #PER_MINUTE} a minute from one address. Answers are 204 (a 1x1 GIF to the image) and say nothing of
 * whether the event counted.
 */
final class Events extends Handler.Abstract {
    /** Events one client address may send a minute: a reader clicks and reads far fewer. */
    static final int PER_MINUTE = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final Insights insights;
    private final Supplier<Pages> pages;
    private final Supplier<Site> site;
    private final RateLimiter limit;

    Events(Insights insights, Supplier<Pages> pages, Supplier<Site> site, Clock clock) {
        this.insights = insights;
        this.pages = pages;
        this.site = site;
        this.limit = RateLimiter.inMemory(PER_MINUTE, Duration.ofMinutes(1), clock);
    }

    /** The same answers, counting nothing. */
    static final Handler UNCOUNTED = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            return answer(request, response, callback);
        }
    };

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean get = HttpMethod.GET.is(request.getMethod());
        if (get || HttpMethod.POST.is(request.getMethod())) {
            Event event = read(request, get);
            if (event != null && fromOurPages(request) && limit.acquire(Request.getRemoteAddr(request)) == 0) {
                count(request, event);
            }
        }
        return answer(request, response, callback);
    }

    private static boolean answer(Request request, Response response, Callback callback) {
        boolean get = HttpMethod.GET.is(request.getMethod());
        if (!get) {
            // a body left unread makes Jetty close the connection after the answer, and a client that sends
            // its next request on it gets nothing back (a ping's "PING" and an empty beacon are never read)
            try {
                Content.Source.consumeAll(request);
            } catch (IOException | RuntimeException e) {
                // the client went away or sent too much: the answer below is all it gets
            }
        }
        if (!get && !HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (get) {
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "image/gif");
            response.write(true, ByteBuffer.wrap(PIXEL), callback);
        } else {
            // an explicit last write rather than callback.succeeded(): completing a 204 from the callback
            // raced Jetty's own completion of the request once in CI (an AssertionError in completeLastWrite)
            response.setStatus(HttpStatus.NO_CONTENT_204);
            response.write(true, null, callback);
        }
        return true;
    }

    /** An event as sent: its kind, the page it is about, and for a click the call to action's id. */
    private record Event(String kind, String path, String cta, String referrer) {}

    private static Event read(Request request, boolean get) {
        Fields query;
        try {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return null;
        }
        if (query.getValue("e") != null || get) {
            return new Event(query.getValue("e"), query.getValue("p"), query.getValue("cta"), null);
        }
        try {
            // sendBeacon's body: text/plain, so that no CORS preflight is needed
            JsonNode body = JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
            if (body == null || !body.isObject()) {
                return null;
            }
            return new Event(body.path("e").asText(null), body.path("p").asText(null), body.path("cta").asText(null),
                    body.path("r").asText(null));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Browsers say where a beacon or a ping comes from ({@code Origin}, {@code Ping-From}); an event from a
     * page of another site is someone else's. Without either header, the page must be ours by its path.
     */
    private boolean fromOurPages(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        String pingFrom = request.getHeaders().get("Ping-From");
        String from = pingFrom != null ? pingFrom : origin;
        if (from == null || from.equals("null")) {
            return from == null;
        }
        String host = Insights.host(from);
        String siteHost = Insights.host(site.get().config().baseUrl());
        return host != null && (host.equalsIgnoreCase(siteHost) || host.equalsIgnoreCase(Request.getServerName(request)));
    }

    private void count(Request request, Event event) {
        if (event.path() == null || event.path().length() > 512 || !event.path().startsWith("/")) {
            return;
        }
        int query = event.path().indexOf('?');
        String path = query >= 0 ? event.path().substring(0, query) : event.path();
        Page page = pages.get().get(path);
        if (page == null || !page.contentType().startsWith("text/html")) {
            return;
        }
        if ("cta".equals(event.kind())) {
            String cta = event.cta();
            if (cta != null && site.get().config().ctas().containsKey(cta) && person(request)) {
                insights.ctaClicked(path, cta);
            }
        } else if ("view".equals(event.kind())) {
            insights.viewedElsewhere(request, path, query >= 0 ? event.path().substring(query + 1) : null,
                    event.referrer());
        }
    }

    private static boolean person(Request request) {
        return Agent.of(request.getHeaders().get(HttpHeader.USER_AGENT)).kind() == Agent.Kind.PERSON;
    }
}
