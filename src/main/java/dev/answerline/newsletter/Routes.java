package dev.answerline.newsletter;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.content.SiteConfig;
import dev.answerline.language.Label;
import dev.answerline.language.Labels;
import dev.answerline.server.RateLimiter;
import dev.answerline.newsletter.internal.Subscribers;
import dev.answerline.render.Message;
import dev.answerline.render.Page;
import dev.answerline.render.Pages;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newsletter's HTTP routes. A browser without JavaScript gets a page in the site's frame; the
 * enhancement script asks for JSON ({@code Accept: application/json}) and shows the same text in place.
 * Every refusal tells the reader the failure text and the operator a log line; the reader is told the
 * same whether an address is new, pending, confirmed or unsubscribed.
 */
final class Routes extends Handler.Abstract {
    static final String CONFIRM = Address.of(Kind.NEWSLETTER, "confirm").path();
    static final String UNSUBSCRIBE = Address.of(Kind.NEWSLETTER, "unsubscribe").path();
    private static final String ANSWERS = Address.of(Kind.ANSWERS).path();
    /** Forms are a few hundred bytes; anything much larger is not one. */
    static final int MAX_FORM_BYTES = 4 * 1024;
    /** A bot fills the hidden field that people never see. */
    static final String HONEYPOT = "website";

    private static final Logger LOG = LoggerFactory.getLogger("newsletter");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Newsletter newsletter;
    private final Supplier<Pages> pages;
    private final RateLimiter signupLimit;
    private final Duration minFillTime;

    Routes(Newsletter newsletter, Supplier<Pages> pages, RateLimiter signupLimit, Duration minFillTime) {
        this.newsletter = newsletter;
        this.pages = pages;
        this.signupLimit = signupLimit;
        this.minFillTime = minFillTime;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // the decoded path; there are no contexts
        Address address = Address.of(request.getHttpURI().getDecodedPath());
        if (address.kind() != Kind.NEWSLETTER) {
            return false;
        }
        boolean post = HttpMethod.POST.is(request.getMethod());
        boolean get = HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        switch (address.id()) {
            case "subscribe" -> {
                if (!post) {
                    return notAllowed(response, callback, "POST");
                }
                subscribe(request, response, callback);
            }
            case "confirm" -> {
                if (post) {
                    confirm(request, response, callback);
                } else if (get) {
                    confirmPage(request, response, callback);
                } else {
                    return notAllowed(response, callback, "GET, POST");
                }
            }
            case "unsubscribe" -> {
                if (post) {
                    unsubscribe(request, response, callback);
                } else if (get) {
                    unsubscribePage(request, response, callback);
                } else {
                    return notAllowed(response, callback, "GET, POST");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void subscribe(Request request, Response response, Callback callback) throws Exception {
        String client = Request.getRemoteAddr(request);
        if (request.getLength() > MAX_FORM_BYTES) {
            refuse(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "a form of " + request.getLength()
                    + " bytes");
            return;
        }
        // read before any refusal: answering before a small form has arrived makes Jetty close the connection,
        // and the reset of the form arriving after that can destroy the answer on its way to the client
        Fields form = Request.getParameters(request);
        if (!sameOrigin(request)) {
            refuse(request, response, callback, HttpStatus.FORBIDDEN_403, "a form sent from another site");
            return;
        }
        long retryAfter = signupLimit.acquire(client);
        if (retryAfter > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
            refuse(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429, "too many signups from one client");
            return;
        }
        String source = sourcePage(form.getValue("source"));
        if (!blank(form.getValue(HONEYPOT))) {
            // pretend it worked: a bot that learns nothing does not adapt
            LOG.info("signup on {} ignored: the hidden field was filled in, as bots do", source);
            succeed(request, response, callback, source);
            return;
        }
        Long elapsed = number(form.getValue("elapsed"));
        if (elapsed != null && elapsed < minFillTime.toMillis()) {
            refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, "the form was sent " + elapsed
                    + " ms after the page loaded, faster than a person types", source);
            return;
        }
        Newsletter.Signup signup;
        try {
            signup = newsletter.subscribe(form.getValue("email"), source, client);
        } catch (RuntimeException e) {
            LOG.error("signup on {} failed: {}", source, e.getMessage());
            refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "the database failed", source);
            return;
        }
        if (!signup.accepted()) {
            refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, signup.problem(), source);
            return;
        }
        succeed(request, response, callback, source);
    }

    private void confirmPage(Request request, Response response, Callback callback) {
        String token = Request.extractQueryParameters(request).getValue("token");
        String email = newsletter.confirmable(token);
        tokenPage(response);
        if (email == null) {
            invalidLink(request, response, callback, Label.EXPIRED_CONFIRMATION);
            return;
        }
        Labels labels = newsletter.labels();
        page(request, response, callback, HttpStatus.OK_200, new Message(labels.text(Label.CONFIRM_TITLE),
                labels.text(Label.CONFIRM_TITLE), labels.text(Label.CONFIRM_TEXT, newsletter.brand(), email),
                new Message.Action(CONFIRM, Map.of("token", token), labels.text(Label.CONFIRM_BUTTON)), null));
    }

    private void confirm(Request request, Response response, Callback callback) throws Exception {
        tokenPage(response);
        if (!sameOrigin(request)) {
            refuse(request, response, callback, HttpStatus.FORBIDDEN_403, "a confirmation sent from another site");
            return;
        }
        // the button's form only: a token in the address would let a link prefetcher or a bare POST confirm
        String token = FormFields.getFields(request).getValue("token");
        Subscribers.Confirmation outcome = newsletter.confirm(token);
        if (outcome == Subscribers.Confirmation.INVALID) {
            LOG.info("confirmation refused: the link is unknown, used or expired");
            invalidLink(request, response, callback, Label.EXPIRED_CONFIRMATION);
            return;
        }
        Labels labels = newsletter.labels();
        page(request, response, callback, HttpStatus.OK_200, new Message(labels.text(Label.CONFIRMED_TITLE),
                labels.text(Label.CONFIRMED_HEADING), labels.text(Label.CONFIRMED_TEXT, newsletter.brand()), null,
                new Message.Link(labels.text(Label.LATEST_ANSWERS_LINK), ANSWERS)));
    }

    private void unsubscribePage(Request request, Response response, Callback callback) {
        String token = Request.extractQueryParameters(request).getValue("token");
        tokenPage(response);
        if (!newsletter.unsubscribable(token)) {
            invalidLink(request, response, callback, Label.EXPIRED_UNSUBSCRIBE);
            return;
        }
        Labels labels = newsletter.labels();
        page(request, response, callback, HttpStatus.OK_200, new Message(labels.text(Label.UNSUBSCRIBE),
                labels.text(Label.UNSUBSCRIBE_HEADING), labels.text(Label.UNSUBSCRIBE_TEXT, newsletter.brand()),
                new Message.Action(UNSUBSCRIBE + "?token=" + token, Map.of(), labels.text(Label.UNSUBSCRIBE)), null));
    }

    /**
     * One click from a mail program (RFC 8058) or the button on our page. No origin check: the token in
     * the link is the authorisation, and mail programs send no Origin.
     */
    private void unsubscribe(Request request, Response response, Callback callback) throws Exception {
        tokenPage(response);
        String token = Request.extractQueryParameters(request).getValue("token");
        if (token == null && request.getLength() <= MAX_FORM_BYTES) {
            token = Request.getParameters(request).getValue("token");
        }
        if (newsletter.unsubscribe(token) == Subscribers.Unsubscription.INVALID) {
            LOG.info("unsubscribe refused: the link is unknown");
            invalidLink(request, response, callback, Label.EXPIRED_UNSUBSCRIBE);
            return;
        }
        LOG.info("a subscriber unsubscribed");
        Labels labels = newsletter.labels();
        page(request, response, callback, HttpStatus.OK_200, new Message(labels.text(Label.UNSUBSCRIBED_TITLE),
                labels.text(Label.UNSUBSCRIBED_HEADING), labels.text(Label.UNSUBSCRIBED_TEXT, newsletter.brand()), null,
                new Message.Link(labels.text(Label.BACK_TO_ANSWERS), ANSWERS)));
    }

    private void succeed(Request request, Response response, Callback callback, String source) {
        SiteConfig.Newsletter texts = newsletter.texts();
        Labels labels = newsletter.labels();
        reply(request, response, callback, HttpStatus.OK_200, true, new Message(labels.text(Label.THANKS),
                labels.text(Label.THANKS), texts.success(), null, backTo(labels, source)));
    }

    private void refuse(Request request, Response response, Callback callback, int status, String why) {
        refuse(request, response, callback, status, why, "/");
    }

    private void refuse(Request request, Response response, Callback callback, int status, String why,
            String source) {
        LOG.info("signup on {} refused ({}): {}", source, status, why);
        SiteConfig.Newsletter texts = newsletter.texts();
        Labels labels = newsletter.labels();
        reply(request, response, callback, status, false, new Message(labels.text(Label.FAILED_TITLE),
                labels.text(Label.FAILED_HEADING), texts.failure(), null, backTo(labels, source)));
    }

    /** @param what the page's text: which kind of link it was */
    private void invalidLink(Request request, Response response, Callback callback, Label what) {
        Labels labels = newsletter.labels();
        page(request, response, callback, HttpStatus.NOT_FOUND_404, new Message(labels.text(Label.EXPIRED_TITLE),
                labels.text(Label.EXPIRED_HEADING), labels.text(what), null,
                new Message.Link(labels.text(Label.GO_HOME), "/")));
    }

    private void reply(Request request, Response response, Callback callback, int status, boolean ok,
            Message message) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        if (accept != null && accept.contains("application/json")) {
            byte[] body;
            try {
                body = JSON.writeValueAsBytes(Map.of("ok", ok, "message", message.text()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            write(response, callback, status, "application/json", body);
        } else {
            page(request, response, callback, status, message);
        }
    }

    private void page(Request request, Response response, Callback callback, int status, Message message) {
        write(response, callback, status, "text/html; charset=utf-8",
                pages.get().message(message).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static boolean notAllowed(Response response, Callback callback, String allow) {
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        write(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain; charset=utf-8",
                "Method not allowed".getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** Links with tokens must not leak through the Referer header, nor be kept by caches. */
    private static void tokenPage(Response response) {
        response.getHeaders().put("Referrer-Policy", "no-referrer");
    }

    /**
     * CSRF defence without tokens in the static pages: a browser says where a form comes from. Refused are
     * forms that {@code Sec-Fetch-Site} marks as from another site, and forms whose {@code Origin} is not
     * this host. A request with neither header is not from a browser, so it cannot be forged by one.
     */
    static boolean sameOrigin(Request request) {
        String fetchSite = request.getHeaders().get("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("same-origin") || fetchSite.equals("none");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && authority != null && (host.equalsIgnoreCase(authority)
                    || host.equalsIgnoreCase(uri.getHost() + ":" + (uri.getScheme().equals("https") ? 443 : 80)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The page the form was on, if it is one of ours; the home page otherwise. */
    private String sourcePage(String source) {
        if (source == null || source.length() > 512 || !source.startsWith("/")) {
            return "/";
        }
        Page page = pages.get().get(source);
        return page != null && page.isRendered() ? source : "/";
    }

    private static Message.Link backTo(Labels labels, String source) {
        return new Message.Link(labels.text(Label.BACK_TO_PAGE), source);
    }

    private static Long number(String value) {
        if (value == null || !value.matches("[0-9]{1,12}")) {
            return null;
        }
        return Long.parseLong(value);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
