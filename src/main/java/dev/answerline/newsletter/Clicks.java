package dev.answerline.newsletter;

import dev.answerline.content.Address;
import dev.answerline.insights.Agent;
import dev.answerline.server.Lane;
import dev.answerline.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The {@code /r/{signed id}} route of newsletter links: it redirects to the URL the id was signed with and
 * counts the click per issue, link and day. An id that {@link ClickLinks} did not sign is answered 404, so
 * the route leads nowhere but where an issue linked. Requests from bots and link scanners (many mail servers
 * open every link to check it) are redirected but not counted.
 *
 * <p>Thread-safe; every count is one upsert, so several nodes on one database add up.
 *
 * <pre>{@code
 * Clicks clicks = new Clicks(db, ClickLinks.load(db, baseUrl), Clock.systemUTC());
 * server.route(Address.Kind.REDIRECT.spec(), Clicks.LANE, pages -> clicks.handler());
 * }</pre>
 */
public final class Clicks {
    /** Redirects are quick: a lane of their own keeps a burst after a send from slowing the signups. */
    public static final Lane LANE = Lane.of("clicks", 4, 512);

    private final Database db;
    private final ClickLinks links;
    private final Clock clock;

    /** Clicks on one link of an issue. */
    public record Link(String issue, String url, long clicks) {}

    public Clicks(Database db, ClickLinks links, Clock clock) {
        this.db = db;
        this.links = links;
        this.clock = clock;
    }

    /** The route's handler: GET or HEAD {@code /r/{id}}; anything else is not found. */
    public Handler handler() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Address address = Address.of(request.getHttpURI().getPath());
                boolean get = HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod());
                if (address.kind() != Address.Kind.REDIRECT || !get) {
                    return false;
                }
                var target = links.open(address.id());
                if (target.isEmpty()) {
                    return false;
                }
                String userAgent = request.getHeaders().get(HttpHeader.USER_AGENT);
                if (Agent.of(userAgent).kind() == Agent.Kind.PERSON) {
                    count(target.get().issue(), target.get().url());
                }
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                // the id is in the path: it need not reach the target's logs
                response.getHeaders().put("Referrer-Policy", "no-referrer");
                Response.sendRedirect(request, response, callback, HttpStatus.FOUND_302, target.get().url(), false);
                return true;
            }
        };
    }

    /** Counts one click on {@code url} in {@code issue} today (UTC). */
    public void count(String issue, String url) {
        String day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        db.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO issue_click (issue, url, day, clicks)"
                    + " VALUES (?, ?, ?, 1) ON CONFLICT (issue, url, day) DO UPDATE SET clicks = issue_click.clicks + 1")) {
                upsert.setString(1, issue);
                upsert.setString(2, url);
                upsert.setString(3, day);
                return upsert.executeUpdate();
            }
        });
    }

    /** Every link's clicks of {@code issue} from {@code from} to {@code to} (days, inclusive), most first. */
    public List<Link> links(String issue, LocalDate from, LocalDate to) {
        return links(db, issue, from, to);
    }

    static List<Link> links(Database db, String issue, LocalDate from, LocalDate to) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT url, SUM(clicks) FROM issue_click"
                    + " WHERE issue = ? AND day >= ? AND day <= ? GROUP BY url ORDER BY SUM(clicks) DESC, url")) {
                select.setString(1, issue);
                select.setString(2, from.toString());
                select.setString(3, to.toString());
                List<Link> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Link(issue, rows.getString(1), rows.getLong(2)));
                    }
                }
                return found;
            }
        });
    }
}
