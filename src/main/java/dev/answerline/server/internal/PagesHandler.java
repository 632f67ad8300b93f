package dev.answerline.server.internal;

import dev.answerline.render.Page;
import dev.answerline.render.Pages;
import dev.answerline.server.PageViews;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves rendered pages from memory: GET and HEAD, gzip when accepted, ETag revalidation with 304,
 * 301 for old answer slugs and trailing slashes, the styled 404 page for anything else.
 * The hot path: no rendering and no I/O, only a map lookup and a write of precomputed bytes.
 */
public final class PagesHandler extends Handler.Abstract.NonBlocking {
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final HttpField BROTLI = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "br");
    private static final HttpField ALLOW = new PreEncodedHttpField(HttpHeader.ALLOW, "GET, HEAD, OPTIONS");

    /**
     * Takes out the {@code Content-Length: 0} Jetty gives every response that wrote nothing: on a 304 it would
     * say the page is empty (RFC 9110, 8.6), and caches may believe it.
     */
    private static final Function<HttpStream, HttpStream> WITHOUT_LENGTH = stream -> new HttpStream.Wrapper(stream) {
        @Override
        public void prepareResponse(HttpFields.Mutable headers) {
            super.prepareResponse(headers);
            headers.remove(HttpHeader.CONTENT_LENGTH);
        }
    };

    /** Header fields encoded once, by their value: a site has a handful of content types and cache rules. */
    private final Map<String, HttpField> contentTypes = new ConcurrentHashMap<>();
    private final Map<String, HttpField> cacheControls = new ConcurrentHashMap<>();

    private final Supplier<Pages> pages;
    private final LongSupplier subscribers;
    private final PageViews views;

    /**
     * @param pages the current pages; read once per request so that a swapped set is seen whole
     * @param subscribers the live subscriber count shown in newsletter blocks
     * @param views told of every HTML page answered to a GET
     */
    public PagesHandler(Supplier<Pages> pages, LongSupplier subscribers, PageViews views) {
        this.pages = pages;
        this.subscribers = subscribers;
        this.views = views;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Pages current = pages.get();
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            response.getHeaders().put(ALLOW);
            if (HttpMethod.OPTIONS.is(method)) {
                response.setStatus(HttpStatus.NO_CONTENT_204);
                callback.succeeded();
            } else {
                Refusals.send(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, false,
                        "Pages are only read here (GET or HEAD).");
            }
            return true;
        }
        // the decoded path; there are no contexts (and PathMappingsHandler has none to give)
        String path = request.getHttpURI().getDecodedPath();
        Page page = current.get(path);
        if (page == null) {
            String target = current.redirect(path);
            if (target == null && path.length() > 1 && path.endsWith("/")) {
                // an old address as other tools write them, /2023/05/x/, is kept as /2023/05/x
                target = current.get(stripSlash(path)) != null ? stripSlash(path) : current.redirect(stripSlash(path));
            }
            if (target != null) {
                String query = request.getHttpURI().getQuery();
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=3600");
                Response.sendRedirect(request, response, callback, HttpStatus.MOVED_PERMANENTLY_301,
                        query == null ? target : target + "?" + query, true);
                return true;
            }
            send(request, response, callback, HttpStatus.NOT_FOUND_404, current.notFound(), current, head);
            return true;
        }
        if (!head && page.contentType().startsWith("text/html")) {
            // before the answer: once it is sent, Jetty may recycle the request
            views.viewed(request, path);
        }
        send(request, response, callback, HttpStatus.OK_200, page, current, head);
        return true;
    }

    private void send(Request request, Response response, Callback callback, int status, Page page, Pages current,
            boolean head) {
        // the hot path: no parsing that allocates, header fields encoded once, the length left to Jetty
        Page.Body body = page.body(current.slot(subscribers.getAsLong()));
        HttpFields requestHeaders = request.getHeaders();
        HttpFields.Mutable headers = response.getHeaders();
        String acceptEncoding = body.compressed() ? requestHeaders.get(HttpHeader.ACCEPT_ENCODING) : null;
        boolean br = body.hasBrotli() && accepts(acceptEncoding, "br");
        boolean gzip = !br && body.compressed() && accepts(acceptEncoding, "gzip");
        headers.add(contentTypes.computeIfAbsent(page.contentType(),
                type -> new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type)));
        if (body.compressed()) {
            headers.add(VARY);
        }
        if (status == HttpStatus.OK_200) {
            headers.add(cacheControls.computeIfAbsent(page.cacheControl(),
                    rule -> new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, rule)));
            headers.add(HttpHeader.ETAG, br ? body.brotliEtag() : gzip ? body.gzipEtag() : body.etag());
            String ifNoneMatch = requestHeaders.get(HttpHeader.IF_NONE_MATCH);
            if (ifNoneMatch != null && matches(ifNoneMatch, body)) {
                headers.remove(HttpHeader.CONTENT_TYPE);
                response.setStatus(HttpStatus.NOT_MODIFIED_304);
                request.addHttpStreamWrapper(WITHOUT_LENGTH);
                callback.succeeded();
                return;
            }
        } else {
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        ByteBuffer bytes = br ? body.brotliView() : gzip ? body.gzipView() : body.identityView();
        if (br || gzip) {
            headers.add(br ? BROTLI : GZIP);
        }
        response.setStatus(status);
        if (head) {
            headers.put(HttpHeader.CONTENT_LENGTH, bytes.remaining());
            response.write(true, null, callback);
        } else {
            // one last write: Jetty sets Content-Length from it
            response.write(true, bytes, callback);
        }
    }

    /**
     * True when the client takes a content coding ({@code gzip}, {@code br}): listed, or {@code *}, without
     * {@code q=0}. Allocates nothing.
     */
    static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        int length = acceptEncoding.length();
        int start = 0;
        while (start < length) {
            int end = acceptEncoding.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int semicolon = acceptEncoding.indexOf(';', start);
            int codingEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            int from = skipSpaces(acceptEncoding, start, codingEnd);
            int to = codingEnd;
            while (to > from && acceptEncoding.charAt(to - 1) == ' ') {
                to--;
            }
            boolean named = to - from == coding.length() && acceptEncoding.regionMatches(true, from, coding, 0,
                    coding.length()) || to - from == 1 && acceptEncoding.charAt(from) == '*';
            if (named) {
                return codingEnd == end || !zeroQuality(acceptEncoding, codingEnd + 1, end);
            }
            start = end + 1;
        }
        return false;
    }

    /** Whether the parameters between {@code from} and {@code to} hold {@code q=0} (or 0.0, 0.000). */
    private static boolean zeroQuality(String text, int from, int to) {
        int at = from;
        while (at < to) {
            int end = text.indexOf(';', at);
            if (end < 0 || end > to) {
                end = to;
            }
            int i = skipSpaces(text, at, end);
            if (i + 1 < end && (text.charAt(i) == 'q' || text.charAt(i) == 'Q')) {
                i = skipSpaces(text, i + 1, end);
                if (i < end && text.charAt(i) == '=') {
                    i = skipSpaces(text, i + 1, end);
                    boolean digits = false;
                    boolean zero = true;
                    for (; i < end && text.charAt(i) != ' '; i++) {
                        char c = text.charAt(i);
                        if (c >= '1' && c <= '9') {
                            zero = false;
                        } else if (c != '0' && c != '.') {
                            return true; // not a number: treated as 0, as before
                        }
                        digits |= c >= '0' && c <= '9';
                    }
                    return !digits || zero;
                }
            }
            at = end + 1;
        }
        return false;
    }

    private static int skipSpaces(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * If-None-Match against the tag of any of the body's encodings; weak comparison, as RFC 9110 asks for
     * GET. Allocates nothing: every revalidation of a page asks this.
     */
    static boolean matches(String ifNoneMatch, Page.Body body) {
        int length = ifNoneMatch.length();
        int first = skipSpaces(ifNoneMatch, 0, length);
        if (first < length && ifNoneMatch.charAt(first) == '*'
                && skipSpaces(ifNoneMatch, first + 1, length) == length) {
            return true;
        }
        int start = 0;
        while (start < length) {
            int end = ifNoneMatch.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int from = skipSpaces(ifNoneMatch, start, end);
            int to = end;
            while (to > from && (ifNoneMatch.charAt(to - 1) == ' ' || ifNoneMatch.charAt(to - 1) == '\t')) {
                to--;
            }
            if (ifNoneMatch.startsWith("W/", from)) {
                from += 2;
            }
            if (is(ifNoneMatch, from, to, body.etag()) || is(ifNoneMatch, from, to, body.gzipEtag())
                    || is(ifNoneMatch, from, to, body.brotliEtag())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean is(String text, int from, int to, String tag) {
        return to - from == tag.length() && text.regionMatches(from, tag, 0, tag.length());
    }

    private static String stripSlash(String path) {
        return path.substring(0, path.length() - 1);
    }
}
