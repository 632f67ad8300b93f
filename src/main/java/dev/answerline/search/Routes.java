package dev.answerline.search;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.language.Label;
import dev.answerline.render.Pages;
import dev.answerline.render.SearchPage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code /search?q=}: the results page, rendered on the server so that it works without JavaScript.
 * {@code /api/search?q=&limit=}: the same as JSON, for the suggestions under the search box and for other
 * clients. Whatever a reader types gives a page; only the API refuses, with 400 and a JSON error, a request
 * without a query or with a limit out of range.
 */
final class Routes extends Handler.Abstract {
    static final String PAGE = Address.of(Kind.SEARCH).path();
    static final String API = Address.of(Kind.API, "search").path();
    private static final int PAGE_RESULTS = 20;
    private static final int DEFAULT_LIMIT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchIndex index;
    private final Supplier<Pages> pages;
    private final SearchLog log;

    Routes(SearchIndex index, Supplier<Pages> pages, SearchLog log) {
        this.index = index;
        this.pages = pages;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        if (!path.equals(PAGE) && !path.equals(API)) {
            return false;
        }
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            write(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain; charset=utf-8",
                    "Method not allowed".getBytes(StandardCharsets.UTF_8));
            return true;
        }
        // results follow the content, which a preview changes at any moment
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Robots-Tag", "noindex");
        Fields query;
        try {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            query = null; // undecodable, e.g. a stray %: searched as nothing rather than failing
        }
        if (path.equals(API)) {
            api(request, response, callback, query);
        } else {
            page(request, response, callback, query);
        }
        return true;
    }

    private void page(Request request, Response response, Callback callback, Fields query) {
        String text = query == null ? "" : query.getValue("q");
        Results results = index.search(text, PAGE_RESULTS);
        if (!results.query().isEmpty() && HttpMethod.GET.is(request.getMethod())) {
            log.searched(request, results.query(), !results.answers().isEmpty() || !results.others().isEmpty());
        }
        String notice = query == null ? index.labels().text(Label.SEARCH_UNREADABLE) : results.notice();
        SearchPage page = new SearchPage(results.query(), notice, page(results.answers()), page(results.others()),
                page(results.closest()));
        write(request, response, callback, HttpStatus.OK_200, "text/html; charset=utf-8",
                pages.get().search(page).getBytes(StandardCharsets.UTF_8));
    }

    private static List<SearchPage.Result> page(List<Results.Hit> hits) {
        return hits.stream().map(h -> new SearchPage.Result(h.path(), h.title(), h.snippetHtml(), h.label())).toList();
    }

    private void api(Request request, Response response, Callback callback, Fields query) {
        String text = query == null ? null : query.getValue("q");
        if (text == null || SearchIndex.tidy(text).isEmpty()) {
            error(request, response, callback, "the query is missing: add the words to search for as q, e.g."
                    + " /api/search?q=foam+rolling");
            return;
        }
        int limit = DEFAULT_LIMIT;
        String asked = query.getValue("limit");
        if (asked != null) {
            try {
                limit = Integer.parseInt(asked.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > SearchIndex.MAX_LIMIT) {
                error(request, response, callback, "limit must be a whole number from 1 to " + SearchIndex.MAX_LIMIT
                        + ", not `" + asked + "`");
                return;
            }
        }
        Results results = index.search(text, limit);
        List<Object> found = new ArrayList<>();
        results.answers().forEach(h -> found.add(json(h)));
        results.others().stream().limit(Math.max(0, limit - results.answers().size())).forEach(h -> found.add(json(h)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", results.query());
        if (results.notice() != null) {
            body.put("notice", results.notice());
        }
        body.put("results", found);
        body.put("closest", results.closest().stream().map(Routes::json).toList());
        json(request, response, callback, HttpStatus.OK_200, body);
    }

    private static Map<String, Object> json(Results.Hit hit) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", hit.type());
        item.put("title", hit.title());
        item.put("url", hit.path());
        item.put("label", hit.label());
        if (hit.snippetHtml() != null) {
            item.put("snippet", hit.snippetHtml());
        }
        return item;
    }

    private static void error(Request request, Response response, Callback callback, String message) {
        json(request, response, callback, HttpStatus.BAD_REQUEST_400, Map.of("error", message));
    }

    private static void json(Request request, Response response, Callback callback, int status, Object body) {
        try {
            write(request, response, callback, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw SearchException.bug("writing search results as JSON failed", e);
        }
    }

    private static void write(Request request, Response response, Callback callback, int status, String type,
            byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
