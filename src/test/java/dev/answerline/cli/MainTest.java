package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void buildOfAGoodSiteSucceeds() {
        int code = Main.run("build", "--site", TestSites.fixture("small").toString(), "--out", dir.resolve("out").toString());
        assertThat(code).isEqualTo(Main.OK);
        assertThat(stdout()).matches("(?s)Built \\d+ files into .*out in \\d+ ms\\.\\n");
        assertThat(stderr()).isEmpty();
        assertThat(dir.resolve("out/index.html")).exists();
    }

    @Test
    void buildWithContentErrorsWritesTheRestAndExitsWithOne() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Files.writeString(site.resolve("answers/broken.md"), "---\nquestion: [\n---\n");
        Files.writeString(site.resolve("categories/bad.md"), "no front matter\n");
        int code = Main.run("build", "--site", site.toString(), "--out", dir.resolve("out").toString());
        assertThat(code).isEqualTo(Main.CONTENT_ERRORS);
        assertThat(stderr()).contains("answers/broken.md:2: error: the front matter is not valid YAML",
                "categories/bad.md:1: error: the file does not start with a front matter block",
                "2 errors in 2 files. Until they are fixed, content files with errors are left out of the site");
        assertThat(dir.resolve("out/answers/can-you-roll-every-day.html")).exists();
    }

    @Test
    void anUnusableSiteIsAFailureWithAMessageNotAStackTrace() {
        int code = Main.run("build", "--site", dir.resolve("missing").toString(), "--out", dir.resolve("out").toString());
        assertThat(code).isEqualTo(Main.FAILURE);
        assertThat(stderr()).startsWith("answerline: ").contains("is not a folder").doesNotContain("\tat ");
    }

    @Test
    void aBrokenSiteYamlIsReportedLikeAnyContentProblem() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Files.writeString(site.resolve("site.yaml"), "brand: B\ntitle: [T\n");
        int code = Main.run("build", "--site", site.toString(), "--out", dir.resolve("out").toString());
        assertThat(code).isEqualTo(Main.FAILURE);
        assertThat(stderr()).isEqualTo(site.resolve("site.yaml") + ":2: error: site.yaml is not valid YAML: a list in"
                + " [ ] is not closed — add the closing `]`, or put the value in quotes if the [ is part of the text"
                + " (yaml-syntax)\nsite.yaml must be fixed first: nothing can be built or served without its brand,"
                + " title and base_url.\n");
    }

    @Test
    void subscribersCanBeExportedAndCounted() {
        try (Database db = Database.open(dir, null)) {
            db.write(c -> {
                insert(c, "=HYPERLINK(\"http://evil.example\")@example.com", "confirmed", 1_790_000_000_000L);
                insert(c, "plain@example.com", "pending", 1_790_000_100_000L);
                return null;
            });
        }
        assertThat(Main.run("subscribers", "count", "--data", dir.toString())).isEqualTo(Main.OK);
        assertThat(stdout()).isEqualTo("1\n");
        out.reset();
        assertThat(Main.run("subscribers", "export", "--status", "confirmed", "--data", dir.toString()))
                .isEqualTo(Main.OK);
        assertThat(stdout()).isEqualTo("email,status,source_page,signed_up_at,confirmed_at,unsubscribed_at,consent_text\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\")@example.com\",confirmed,/answers/x,2026-09-21T14:13:20Z,,,"
                + "\"Tips — weekly, no spam.\"\r\n");
        out.reset();
        assertThat(Main.run("subscribers", "export", "--data", dir.toString())).isEqualTo(Main.OK);
        assertThat(stdout().lines()).hasSize(3);
        assertThat(Main.run("subscribers", "export", "--status", "gone", "--data", dir.toString()))
                .isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--status gone is not a status — use pending, confirmed, unsubscribed or bounced");
    }

    private static void insert(java.sql.Connection c, String email, String status, long at) throws java.sql.SQLException {
        try (var insert = c.prepareStatement("INSERT INTO subscriber (email, status, source_page, consent_text,"
                + " signed_up_at, updated_at) VALUES (?, ?, '/answers/x', 'Tips — weekly, no spam.', ?, ?)")) {
            insert.setString(1, email);
            insert.setString(2, status);
            insert.setLong(3, at);
            insert.setLong(4, at);
            insert.executeUpdate();
        }
    }

    @Test
    void subscribersWithoutADatabaseSayWhereToLook() {
        assertThat(Main.run("subscribers", "count", "--data", dir.resolve("nothing").toString()))
                .isEqualTo(Main.FAILURE);
        assertThat(stderr()).contains("there is no subscriber database in", "pass --data with the folder that"
                + " `answerline serve` used");
    }

    @Test
    void aWrongOptionShowsTheUsage() {
        assertThat(Main.run("serve", "--prot", "80")).isEqualTo(Main.USAGE);
        assertThat(stderr()).startsWith("Unknown options: '--prot', '80'\nUsage: answerline serve");
        err.reset();
        assertThat(Main.run("serv")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("Unmatched argument at index 0: 'serv'", "Did you mean: answerline serve or answerline newsletter or answerline subscribers?");
        err.reset();
        assertThat(Main.run("serve", "--port", "eighty")).isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("Invalid value for option '--port': 'eighty' is not an int",
                "Usage: answerline serve");
    }

    @Test
    void helpShowsTheDefaults() {
        assertThat(Main.run("serve", "--help")).isEqualTo(Main.OK);
        assertThat(stdout()).contains("--port=<port>", "Default: 8080", "--host=<host>", "Default: 127.0.0.1",
                "--site=DIR");
    }
}
