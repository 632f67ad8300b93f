package dev.answerline.server.internal;

import dev.answerline.render.Page;
import dev.answerline.render.Pages;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
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
    private static final HttpField ALLOW = new PreEncodedHttpField(HttpHeader.ALLOW, "GET, HEAD");
    private static final String GZIP_TAG = "-gz";

    private final Supplier<Pages> pages;
    private final LongSupplier subscribers;

    /**
     * @param pages the current pages; read once per request so that a swapped set is seen whole
     * @param subscribers the live subscriber count shown in newsletter blocks
     */
    public PagesHandler(Supplier<Pages> pages, LongSupplier subscribers) {
        this.pages = pages;
        this.subscribers = subscribers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Pages current = pages.get();
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            response.getHeaders().put(ALLOW);
            send(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, current.notFound(), current, false);
            return true;
        }
        // the decoded path; there are no contexts (and PathMappingsHandler has none to give)
        String path = request.getHttpURI().getDecodedPath();
        Page page = current.get(path);
        if (page == null) {
            String target = current.redirect(path);
            if (target == null && path.length() > 1 && path.endsWith("/") && current.get(stripSlash(path)) != null) {
                target = stripSlash(path);
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
        send(request, response, callback, HttpStatus.OK_200, page, current, head);
        return true;
    }

    private void send(Request request, Response response, Callback callback, int status, Page page, Pages current,
            boolean head) {
        Page.Body body = page.body(current.slot(subscribers.getAsLong()));
        HttpFields requestHeaders = request.getHeaders();
        HttpFields.Mutable headers = response.getHeaders();
        boolean gzip = body.gzip() != null && acceptsGzip(requestHeaders.get(HttpHeader.ACCEPT_ENCODING));
        String etag = gzip ? body.etag().substring(0, body.etag().length() - 1) + GZIP_TAG + "\"" : body.etag();
        headers.put(HttpHeader.CONTENT_TYPE, page.contentType());
        if (body.gzip() != null) {
            headers.add(VARY);
        }
        if (status == HttpStatus.OK_200) {
            headers.put(HttpHeader.CACHE_CONTROL, page.cacheControl());
            headers.put(HttpHeader.ETAG, etag);
            String ifNoneMatch = requestHeaders.get(HttpHeader.IF_NONE_MATCH);
            if (ifNoneMatch != null && matches(ifNoneMatch, body.etag())) {
                headers.remove(HttpHeader.CONTENT_TYPE);
                response.setStatus(HttpStatus.NOT_MODIFIED_304);
                callback.succeeded();
                return;
            }
        } else {
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        byte[] bytes = gzip ? body.gzip() : body.identity();
        if (gzip) {
            headers.add(GZIP);
        }
        response.setStatus(status);
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (head) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }

    /** True when the client takes gzip: listed (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].strip();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String param = parts[i].strip().replace(" ", "");
                    if (param.startsWith("q=") && Double.parseDouble(orZero(param.substring(2))) == 0) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static String orZero(String q) {
        return q.matches("[0-9.]+") ? q : "0";
    }

    /** If-None-Match against either encoding's tag; weak comparison, as RFC 9110 asks for GET. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String bare = etag.substring(1, etag.length() - 1);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
                if (tag.equals(bare) || tag.equals(bare + GZIP_TAG)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String stripSlash(String path) {
        return path.substring(0, path.length() - 1);
    }
}
