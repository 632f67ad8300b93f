package dev.answerline.admin;

import dev.answerline.admin.internal.Csv;
import dev.answerline.admin.internal.Screens;
import dev.answerline.admin.internal.Selection;
import dev.answerline.admin.internal.Sessions;
import dev.answerline.admin.internal.View;
import dev.answerline.insights.Report;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
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
 * The dashboard's HTTP routes under {@code /admin/}. Every answer is {@code no-store} and {@code noindex};
 * nothing but the login page and the stylesheet is answered without a session, and a failure is a short
 * page, never a stack trace.
 */
final class Routes extends Handler.Abstract {
    static final String COOKIE = "answerline_admin";
    private static final String HOME = Screens.HOME;
    private static final String LOGIN = "/admin/login";
    private static final String LOGOUT = "/admin/logout";
    private static final String STYLESHEET = "/admin/admin.css";
    private static final int MAX_FORM_BYTES = 4 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger("dashboard");
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final byte[] CSS = resource("/dev/answerline/admin/admin.css");

    private final Dashboard dashboard;

    Routes(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Robots-Tag", "noindex, nofollow");
        response.getHeaders().put("Referrer-Policy", "same-origin");
        try {
            route(path, request, response, callback);
        } catch (RuntimeException e) {
            // the log says what failed; the page says where to look, and shows nothing of the code
            LOG.error("dashboard: {} {} failed: {}", request.getMethod(), path, e.toString());
            notice(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, null, new View.Notice("Something failed",
                    "The dashboard could not answer. The server's log says why.", null));
        }
        return true;
    }

    private void route(String path, Request request, Response response, Callback callback) {
        boolean get = HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
        boolean post = HttpMethod.POST.is(request.getMethod());
        if (path.equals("/admin")) {
            redirect(response, callback, HOME);
            return;
        }
        if (path.equals(STYLESHEET) && get) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/css; charset=utf-8");
            write(response, callback, HttpStatus.OK_200, CSS);
            return;
        }
        if (!dashboard.hasPassword()) {
            notice(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, null, new View.Notice("The dashboard has no"
                    + " password", "Set the owner's password in the environment variable " + Dashboard.PASSWORD_VARIABLE
                    + " and start serve again, for example:", Dashboard.PASSWORD_VARIABLE + "='a long passphrase'"
                    + " bin/answerline serve"));
            return;
        }
        if (path.equals(LOGIN)) {
            if (post) {
                login(request, response, callback);
            } else if (get) {
                if (session(request) != null) {
                    redirect(response, callback, HOME);
                } else {
                    login(response, callback, HttpStatus.OK_200, null);
                }
            } else {
                notAllowed(response, callback, "GET, POST");
            }
            return;
        }
        String token = session(request);
        if (token == null) {
            // no figures, and no hint of them: to the login page
            if (post) {
                notice(response, callback, HttpStatus.UNAUTHORIZED_401, null, new View.Notice("Log in first",
                        "Your session has ended. Log in again.", null));
            } else {
                redirect(response, callback, LOGIN);
            }
            return;
        }
        String csrf = Sessions.csrf(token);
        if (path.equals(LOGOUT)) {
            if (!post) {
                notAllowed(response, callback, "POST");
                return;
            }
            logout(request, response, callback, token, csrf);
            return;
        }
        if (!get) {
            notAllowed(response, callback, "GET");
            return;
        }
        LocalDate today = LocalDate.now(dashboard.clock().withZone(ZoneOffset.UTC));
        Fields query = Request.extractQueryParameters(request);
        Selection selection = Selection.read(query, today);
        int status = selection.problem() == null ? HttpStatus.OK_200 : HttpStatus.BAD_REQUEST_400;
        switch (path) {
            case HOME -> html(response, callback, status, "admin/overview.jte", Map.of("view",
                    Screens.overview(dashboard.report(selection.period()), selection, dashboard.siteDir(),
                            dashboard.issues(selection.period())), "csrf", csrf));
            case Screens.PAGE -> {
                String page = query.getValue("p");
                if (page == null || !page.startsWith("/") || page.length() > 512) {
                    notice(response, callback, HttpStatus.NOT_FOUND_404, csrf, new View.Notice("No such page",
                            "Choose a page from the answers table.", null));
                    return;
                }
                html(response, callback, status, "admin/page.jte", Map.of("view",
                        Screens.page(dashboard.page(selection.period(), page), selection), "csrf", csrf));
            }
            case Screens.EXPORT -> {
                Report report = dashboard.report(selection.period());
                byte[] csv = Csv.of(Screens.ranked(report.pages(), selection.sort())).getBytes(StandardCharsets.UTF_8);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
                response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"answers-"
                        + selection.period().from() + "-" + selection.period().until() + ".csv\"");
                write(response, callback, status, csv);
            }
            default -> notice(response, callback, HttpStatus.NOT_FOUND_404, csrf, new View.Notice("Not found",
                    "The dashboard has no such page.", null));
        }
    }

    private void login(Request request, Response response, Callback callback) {
        if (request.getLength() > MAX_FORM_BYTES) {
            notice(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, null, new View.Notice("Too large",
                    "That is not the login form.", null));
            return;
        }
        Fields form = form(request);
        if (!dashboard.sameOrigin(request)) {
            forbidden(request, response, callback, "a login form sent from another site");
            return;
        }
        String client = Request.getRemoteAddr(request);
        long retryAfter = dashboard.loginLimit().acquire(client);
        if (retryAfter > 0) {
            LOG.warn("dashboard: too many logins from {}; refused for {} s", client, retryAfter);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
            String at = LocalTime.now(dashboard.clock().withZone(ZoneOffset.UTC)).plusSeconds(retryAfter)
                    .truncatedTo(ChronoUnit.MINUTES).plusMinutes(1).toString();
            notice(response, callback, HttpStatus.TOO_MANY_REQUESTS_429, null, new View.Notice("Too many attempts",
                    "Too many login attempts from your address. Try again in " + (retryAfter + 59) / 60
                            + " minutes, after " + at + " UTC.", null));
            return;
        }
        if (!dashboard.password().matches(form.getValue("password"))) {
            // never the password itself, not even a wrong one: it may be the right one with a typo
            LOG.warn("dashboard: a wrong password from {}", client);
            login(response, callback, HttpStatus.UNAUTHORIZED_401, "That is not the password.");
            return;
        }
        String token = dashboard.sessions().create();
        LOG.info("dashboard: the owner logged in from {}", client);
        response.getHeaders().add(HttpHeader.SET_COOKIE, cookie(request, token, Sessions.LONGEST.toSeconds()));
        redirect(response, callback, HOME);
    }

    private void logout(Request request, Response response, Callback callback, String token, String csrf) {
        Fields form = form(request);
        if (!dashboard.sameOrigin(request)) {
            forbidden(request, response, callback, "a logout sent from another site");
            return;
        }
        String sent = form.getValue("csrf");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                csrf.getBytes(StandardCharsets.UTF_8))) {
            forbidden(request, response, callback, "a form without this session's CSRF token");
            return;
        }
        dashboard.sessions().end(token);
        response.getHeaders().add(HttpHeader.SET_COOKIE, cookie(request, "", 0));
        redirect(response, callback, LOGIN);
    }

    /** The session token of a cookie that is a session now, or null. */
    private String session(Request request) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(COOKIE) && dashboard.sessions().valid(cookie.getValue())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /**
     * The session cookie: out of scripts' reach, sent only to {@code /admin} and only from our own pages,
     * and over https only when the owner came by https (directly, or through the trusted proxy).
     */
    private String cookie(Request request, String value, long maxAge) {
        return COOKIE + "=" + value + "; Path=/admin; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (dashboard.https(request) ? "; Secure" : "");
    }

    private static Fields form(Request request) {
        try {
            return FormFields.getFields(request);
        } catch (RuntimeException e) {
            return new Fields();
        }
    }

    private void forbidden(Request request, Response response, Callback callback, String why) {
        LOG.warn("dashboard: refused {} from {}", why, Request.getRemoteAddr(request));
        notice(response, callback, HttpStatus.FORBIDDEN_403, null, new View.Notice("Refused",
                "This form did not come from the dashboard's own page. Open the dashboard and try again.", null));
    }

    private static void login(Response response, Callback callback, int status, String problem) {
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put("problem", problem);
        html(response, callback, status, "admin/login.jte", params);
    }

    private static void notice(Response response, Callback callback, int status, String csrf, View.Notice notice) {
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put("notice", notice);
        params.put("csrf", csrf);
        html(response, callback, status, "admin/notice.jte", params);
    }

    private static void html(Response response, Callback callback, int status, String template,
            Map<String, Object> params) {
        StringOutput output = new StringOutput();
        TEMPLATES.render(template, params, output);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        write(response, callback, status, output.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void redirect(Response response, Callback callback, String location) {
        response.getHeaders().put(HttpHeader.LOCATION, location);
        write(response, callback, HttpStatus.SEE_OTHER_303, new byte[0]);
    }

    private static void notAllowed(Response response, Callback callback, String allow) {
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        notice(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, null, new View.Notice("Not allowed",
                "The dashboard does not take that kind of request here.", null));
    }

    private static void write(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Routes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
