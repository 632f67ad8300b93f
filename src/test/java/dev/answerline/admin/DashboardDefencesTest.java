package dev.answerline.admin;

import static dev.answerline.admin.AdminHub.PAGE;
import static dev.answerline.admin.AdminHub.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.admin.internal.Password;
import dev.answerline.server.TrustedProxy;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every defence of the dashboard, on a started server, on SQLite and PostgreSQL. */
class DashboardDefencesTest {
    /** Every route, and a few that are not: none shows a figure without a session. */
    private static final List<String> ROUTES = List.of("/admin", "/admin/", "/admin/?days=7",
            "/admin/page?p=" + PAGE, "/admin/export.csv", "/admin/export.csv?days=90", "/admin/no-such-thing",
            "/admin/logout");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void withoutASessionEveryRouteLeadsToTheLoginAndShowsNoFigures(Database.Kind kind) {
        try (Database db = TestDatabases.open(kind, dir); AdminHub hub = new AdminHub(db)) {
            hub.seed();
            for (String cookie : new String[] {null, "answerline_admin=forged", "answerline_admin="
                    + Password.randomToken()}) {
                for (String route : ROUTES) {
                    HttpResponse<String> response = cookie == null ? hub.get(route) : hub.get(route, "Cookie", cookie);
                    assertThat(response.statusCode()).as(route).isIn(303, 405);
                    if (response.statusCode() == 303) {
                        assertThat(response.headers().firstValue("Location")).as(route)
                                .hasValueSatisfying(l -> assertThat(l).isIn("/admin/login", "/admin/"));
                    }
                    assertThat(response.body()).as(route).doesNotContain("Views", "should-you-roll", "quokka");
                    assertPrivate(response, route);
                }
                HttpResponse<String> post = hub.post("/admin/logout", List.of("csrf", "x"), "Cookie",
                        cookie == null ? "a=b" : cookie);
                assertThat(post.statusCode()).isEqualTo(401);
                assertPrivate(post, "POST /admin/logout");
            }
            HttpResponse<String> login = hub.get("/admin/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("type=\"password\"").doesNotContain("should-you-roll");
            assertPrivate(login, "/admin/login");
            assertPrivate(hub.get("/admin/admin.css"), "/admin/admin.css");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theSixthWrongPasswordIsRefusedForAWhileAndSaysWhen(Database.Kind kind) {
        try (Database db = TestDatabases.open(kind, dir); AdminHub hub = new AdminHub(db)) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                HttpResponse<String> wrong = hub.post("/admin/login", List.of("password", "guess " + attempt));
                assertThat(wrong.statusCode()).as("attempt %d", attempt).isEqualTo(401);
                assertThat(wrong.body()).contains("That is not the password.");
                assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
            }
            HttpResponse<String> sixth = hub.post("/admin/login", List.of("password", PASSWORD));
            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).hasValue("900");
            assertThat(sixth.body()).contains("Try again in 15 minutes, after 10:16 UTC.");
            assertThat(sixth.headers().allValues("Set-Cookie")).isEmpty();
            assertPrivate(sixth, "429");

            hub.clock.advance(Duration.ofMinutes(15));
            assertThat(hub.post("/admin/login", List.of("password", PASSWORD)).statusCode()).isEqualTo(303);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theSessionCookieIsHttpOnlyStrictUnderAdminAndKeptAsAHashOnly(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir); AdminHub hub = new AdminHub(db)) {
            HttpResponse<String> login = hub.post("/admin/login", List.of("password", PASSWORD), "Origin", hub.origin());
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Location")).hasValue("/admin/");
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).matches("answerline_admin=[A-Za-z0-9_-]{43}; Path=/admin; Max-Age=604800;"
                    + " HttpOnly; SameSite=Strict").doesNotContain("Secure");
            String token = AdminHub.cookieOf(login).substring("answerline_admin=".length());
            List<String> stored = new ArrayList<>();
            try (var c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT token_hash FROM admin_session")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            assertThat(stored).containsExactly(Password.sha256(token));
        }
    }

    @Test
    void theCookieIsSecureWhenTheTrustedProxySaysHttpsAndOnlyThen() {
        try (Database db = Database.open(dir, null);
                AdminHub direct = new AdminHub(db);
                AdminHub proxied = new AdminHub(db, b -> b.password(PASSWORD).trustedProxy(TrustedProxy.xForwardedFor(1)));
                AdminHub forwarded = new AdminHub(db, b -> b.password(PASSWORD)
                        .trustedProxy(new TrustedProxy(1, TrustedProxy.Header.FORWARDED)))) {
            // a client's own X-Forwarded-Proto is not believed without a trusted proxy
            assertThat(loginCookie(direct, "X-Forwarded-Proto", "https")).doesNotContain("Secure");
            assertThat(loginCookie(proxied, "X-Forwarded-For", "192.0.2.7", "X-Forwarded-Proto", "https"))
                    .endsWith("; Secure");
            assertThat(loginCookie(proxied, "X-Forwarded-For", "192.0.2.8", "X-Forwarded-Proto", "http"))
                    .doesNotContain("Secure");
            assertThat(loginCookie(forwarded, "Forwarded", "for=192.0.2.9;proto=https")).endsWith("; Secure");
            assertThat(loginCookie(forwarded, "Forwarded", "for=192.0.2.10", "X-Forwarded-Proto", "https"))
                    .doesNotContain("Secure");
        }
    }

    private static String loginCookie(AdminHub hub, String... headers) {
        HttpResponse<String> login = hub.post("/admin/login", List.of("password", PASSWORD), headers);
        assertThat(login.statusCode()).isEqualTo(303);
        return login.headers().firstValue("Set-Cookie").orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void formsWithoutTheSessionsTokenOrFromAnotherOriginAreRefused(Database.Kind kind) {
        try (Database db = TestDatabases.open(kind, dir); AdminHub hub = new AdminHub(db)) {
            String cookie = hub.login();
            String page = hub.get("/admin/", "Cookie", cookie).body();
            String csrf = page.replaceFirst("(?s).*name=\"csrf\" value=\"([0-9a-f]{64})\".*", "$1");
            assertThat(csrf).hasSize(64);

            assertThat(hub.post("/admin/logout", List.of(), "Cookie", cookie).statusCode()).isEqualTo(403);
            assertThat(hub.post("/admin/logout", List.of("csrf", "0".repeat(64)), "Cookie", cookie).statusCode())
                    .isEqualTo(403);
            assertThat(hub.post("/admin/logout", List.of("csrf", csrf), "Cookie", cookie, "Origin",
                    "https://evil.example").statusCode()).isEqualTo(403);
            assertThat(hub.post("/admin/logout", List.of("csrf", csrf), "Cookie", cookie, "Origin",
                    "https://127.0.0.1:" + hub.server.port()).statusCode()).as("another scheme").isEqualTo(403);
            assertThat(hub.post("/admin/logout", List.of("csrf", csrf), "Cookie", cookie, "Sec-Fetch-Site",
                    "cross-site").statusCode()).isEqualTo(403);
            HttpResponse<String> crossLogin = hub.post("/admin/login", List.of("password", PASSWORD), "Origin",
                    "https://evil.example");
            assertThat(crossLogin.statusCode()).isEqualTo(403);
            assertThat(crossLogin.headers().allValues("Set-Cookie")).isEmpty();
            assertPrivate(crossLogin, "403");
            // none of these ended the session
            assertThat(hub.get("/admin/", "Cookie", cookie).statusCode()).isEqualTo(200);

            HttpResponse<String> logout = hub.post("/admin/logout", List.of("csrf", csrf), "Cookie", cookie, "Origin",
                    hub.origin(), "Sec-Fetch-Site", "same-origin");
            assertThat(logout.statusCode()).isEqualTo(303);
            assertThat(logout.headers().firstValue("Location")).hasValue("/admin/login");
            assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                    .startsWith("answerline_admin=; Path=/admin; Max-Age=0;"));
            // the logged-out cookie, replayed, is nobody's
            HttpResponse<String> replayed = hub.get("/admin/", "Cookie", cookie);
            assertThat(replayed.statusCode()).isEqualTo(303);
            assertThat(replayed.body()).doesNotContain("should-you-roll");
        }
    }

    @Test
    void aSessionEndsAfterTwelveIdleHoursOrSevenDays() {
        try (Database db = Database.open(dir, null); AdminHub hub = new AdminHub(db)) {
            String idle = hub.login();
            hub.clock.advance(Duration.ofHours(11));
            assertThat(hub.get("/admin/", "Cookie", idle).statusCode()).isEqualTo(200);
            hub.clock.advance(Duration.ofHours(12).plusMinutes(1));
            assertThat(hub.get("/admin/", "Cookie", idle).statusCode()).isEqualTo(303);

            String used = hub.login();
            for (int hours = 0; hours < 7 * 24 - 11; hours += 11) {
                hub.clock.advance(Duration.ofHours(11));
                assertThat(hub.get("/admin/", "Cookie", used).statusCode()).as("after %d h", hours + 11).isEqualTo(200);
            }
            hub.clock.advance(Duration.ofHours(11));
            assertThat(hub.get("/admin/", "Cookie", used).statusCode()).as("after 7 days").isEqualTo(303);
        }
    }

    @Test
    void withoutAPasswordTheDashboardSaysHowToSetOneAndNothingElse() {
        try (Database db = Database.open(dir, null); AdminHub hub = new AdminHub(db, b -> b.password(" "))) {
            hub.seed();
            for (String route : List.of("/admin/", "/admin/login", "/admin/page?p=" + PAGE, "/admin/export.csv")) {
                HttpResponse<String> response = hub.get(route);
                assertThat(response.statusCode()).as(route).isEqualTo(503);
                assertThat(response.body()).contains("ANSWERLINE_ADMIN_PASSWORD='a long passphrase' bin/answerline"
                        + " serve").doesNotContain("should-you-roll", "Views", "type=\"password\"");
                assertPrivate(response, route);
            }
            assertThat(hub.post("/admin/login", List.of("password", "")).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aFailureIsAShortPageWithoutAStackTrace() {
        Database db = Database.open(dir, null);
        try (AdminHub hub = new AdminHub(db)) {
            String cookie = hub.login();
            db.close();
            HttpResponse<String> failed = hub.get("/admin/", "Cookie", cookie);
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("The server's log says why.").doesNotContain("Exception", "at dev.",
                    "SQL");
            assertPrivate(failed, "500");
        }
    }

    /** What every answer of the dashboard carries: kept by no cache, indexed by no search engine. */
    private static void assertPrivate(HttpResponse<String> response, String what) {
        assertThat(response.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Robots-Tag")).as(what).hasValue("noindex, nofollow");
        assertThat(response.body()).as(what).doesNotContain("Exception", "\tat ");
    }
}
