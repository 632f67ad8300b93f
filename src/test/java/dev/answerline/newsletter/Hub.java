package dev.answerline.newsletter;

import com.icegreen.greenmail.base.GreenMailOperations;
import dev.answerline.MutableClock;
import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.render.Renderer;
import dev.answerline.server.Server;
import dev.answerline.store.Database;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A started answers hub for newsletter tests: the small fixture site served on a free port, its
 * newsletter on a real database, sending through a real in-process SMTP server (GreenMail).
 */
final class Hub implements AutoCloseable {
    static final String PUBLIC_URL = "https://answers.testroll.example";
    static final String PAGE = "/answers/should-you-roll-your-lower-back";
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PUBLIC_URL)
            + "/newsletter/(confirm|unsubscribe)\\?token=([A-Za-z0-9_-]{43})");

    final Database db;
    final GreenMailOperations mail;
    final MutableClock clock = new MutableClock();
    final Newsletter newsletter;
    final Server server;
    private final HttpClient http = HttpClient.newHttpClient();

    Hub(Database db, GreenMailOperations mail, Consumer<Newsletter.Builder> settings) {
        this(db, mail, settings, server -> { });
    }

    Hub(Database db, GreenMailOperations mail, Consumer<Newsletter.Builder> settings,
            Consumer<Server.Builder> serverSettings) {
        this.db = db;
        this.mail = mail;
        Site site = Site.load(TestSites.fixture("small"), TestSites.TODAY);
        Newsletter.Builder builder = Newsletter.builder(db, () -> site).publicUrl(() -> PUBLIC_URL)
                .mail(new MailSettings("127.0.0.1", mail.getSmtp().getPort(), MailSettings.Security.NONE, null, null,
                        null))
                .clock(clock).poll(Duration.ofMillis(200));
        settings.accept(builder);
        this.newsletter = builder.build();
        Server.Builder serverBuilder = Server.builder(Renderer.render(site)).port(0).subscribers(newsletter::count)
                .route("/newsletter/*", Newsletter.LANE, newsletter::handler);
        serverSettings.accept(serverBuilder);
        this.server = serverBuilder.build().start();
        newsletter.start();
    }

    Hub(Database db, GreenMailOperations mail) {
        this(db, mail, b -> {});
    }

    /** A form POST from a browser on this site; {@code headers} come in name, value pairs. */
    HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** The newsletter form as a reader sends it, typing for a few seconds. */
    HttpResponse<String> subscribe(String email, String... headers) {
        return post("/newsletter/subscribe", form("email", email, "source", PAGE, "website", "", "elapsed", "4000"),
                headers);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return form;
    }

    /** Waits for the {@code n}-th email to arrive and returns it. */
    MimeMessage awaitMail(int n) {
        if (!mail.waitForIncomingEmail(10_000, n)) {
            throw new AssertionError("email " + n + " did not arrive within 10 s; " + mail.getReceivedMessages().length
                    + " did");
        }
        return mail.getReceivedMessages()[n - 1];
    }

    /** The token of the confirm or unsubscribe link in an email's plain text. */
    static String token(MimeMessage message, String kind) {
        Matcher link = LINK.matcher(text(message, "text/plain"));
        while (link.find()) {
            if (link.group(1).equals(kind)) {
                return link.group(2);
            }
        }
        throw new AssertionError("no " + kind + " link in the email");
    }

    static String text(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = text(multipart.getBodyPart(i), type);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        newsletter.close();
        db.close();
    }
}
