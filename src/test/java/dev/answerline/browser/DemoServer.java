package dev.answerline.browser;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import dev.answerline.newsletter.Newsletter;
import dev.answerline.render.Renderer;
import dev.answerline.search.SearchIndex;
import dev.answerline.server.Server;
import dev.answerline.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

/**
 * The demo site served as {@code answerline serve} serves it: pages with similar answers, search, and the
 * newsletter on a SQLite file in a temporary folder (no signup limit: the tests sign up many times; no
 * minimum fill time: a script fills forms at once, and SignupDefencesTest tests that check).
 */
final class DemoServer implements AutoCloseable {
    final Site site;
    private final SearchIndex index;
    private final Database db;
    private final Newsletter newsletter;
    private final Server server;

    DemoServer() throws IOException {
        this(Site.load(TestSites.demo()));
    }

    /** Another site, served the same way. */
    DemoServer(Site site) throws IOException {
        this(site, java.util.Map.of());
    }

    /** A site whose newsletter issues in {@code sent} were sent, so that their web versions are published. */
    DemoServer(Site site, java.util.Map<String, java.time.Instant> sent) throws IOException {
        this.site = site;
        index = SearchIndex.build(site);
        db = Database.open(Files.createTempDirectory("answerline-browser-"), null);
        newsletter = Newsletter.builder(db, () -> site).outboxDir(Files.createTempDirectory("answerline-outbox-"))
                .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .signupLimit(0, Duration.ofMinutes(1)).minFillTime(Duration.ZERO).build();
        server = Server.builder(Renderer.render(site, Renderer.Options.serve(index.similar()).withSent(sent)))
                .port(0)
                .subscribers(newsletter::count).route("/newsletter/*", newsletter::handler)
                .route("/search", index::handler).route("/api/search", index::handler).build().start();
        newsletter.start();
    }

    /** The address of a site path. */
    String url(String path) {
        return server.uri().resolve(path).toString();
    }

    URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
        newsletter.close();
        db.close();
        index.close();
    }
}
