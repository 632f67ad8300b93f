package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code answerline backup}: a copy of a SQLite database that is being written to, taken and checked as a user
 * would; restoring it; and the pointer to pg_dump for PostgreSQL, whose command is run.
 */
class BackupCommandTest {
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

    @Test
    void copiesADatabaseThatIsBeingWrittenToAndTheCopyRestores() throws Exception {
        Path data = dir.resolve("data");
        Path backup = dir.resolve("backups/answerline-backup.db");
        AtomicInteger committed = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        int before;
        int after;
        try (Database db = Database.open(data, null);
                Connection reader = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.SQLITE_FILE));
                Statement reading = reader.createStatement()) {
            // a long read, as serve's pages and counts make: no checkpoint can move the rows written after it
            // from the WAL into the database file, so a copy of the file alone would miss all of them
            reader.setAutoCommit(false);
            single(reading, "SELECT COUNT(*) FROM subscriber");
            // a writer like serve's signups: one committed subscriber after another, on its own connections
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    int n = committed.get();
                    db.write(c -> insert(c, n));
                    committed.incrementAndGet();
                }
            }, "signups");
            writer.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> committed.get() >= 300);
                before = committed.get();
                assertThat(Main.run("backup", "--to", backup.toString(), "--data", data.toString()))
                        .as(stderr()).isEqualTo(Main.OK);
                after = committed.get();
                // the writer was not held up by the copy: it goes on committing
                await().atMost(Duration.ofSeconds(10)).until(() -> committed.get() > after + 50);
            } finally {
                writing.set(false);
                writer.join(10_000);
            }
        }

        assertThat(stdout()).matches("Copied \\S+answerline\\.db to \\S+answerline-backup\\.db: [\\d.]+ KB, \\d+"
                + " subscribers, schema version \\d+, integrity ok, in \\d+ ms\\.\\n");
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement sql = copy.createStatement()) {
            assertThat(single(sql, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(single(sql, "PRAGMA journal_mode")).as("one file, nothing beside it").isEqualTo("delete");
            long rows = Long.parseLong(single(sql, "SELECT COUNT(*) FROM subscriber"));
            // every row committed before the backup started, nothing half-way: rows 0..n-1, one snapshot
            assertThat(rows).isBetween((long) before, (long) after);
            assertThat(Long.parseLong(single(sql, "SELECT MAX(CAST(SUBSTR(email, 7) AS INTEGER)) + 1 FROM subscriber"
                    + " WHERE email LIKE 'reader%'"))).isEqualTo(rows);
            assertThat(stdout()).contains(rows + " subscribers");
        }
        try (Stream<Path> files = Files.list(backup.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactly("answerline-backup.db");
        }

        // restoring: serve stopped, the file copied back as DIR/answerline.db, and it is read as the original
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(backup, restored.resolve(Database.SQLITE_FILE));
        out.reset();
        assertThat(Main.run("subscribers", "export", "--data", restored.toString())).as(stderr()).isEqualTo(Main.OK);
        assertThat(stdout()).contains("reader0@example.com", "reader" + (before - 1) + "@example.com");
    }

    @Test
    void refusesToReplaceAFileUnlessForced() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data, null)) {
            db.write(c -> insert(c, 0));
        }
        Path backup = Files.writeString(dir.resolve("backup.db"), "an earlier backup");

        assertThat(Main.run("backup", "--to", backup.toString(), "--data", data.toString())).isEqualTo(Main.FAILURE);
        assertThat(stderr()).isEqualTo("answerline: " + backup + " already exists — give another file with --to, or"
                + " add --force to replace it\n");
        assertThat(Files.readString(backup)).isEqualTo("an earlier backup");

        assertThat(Main.run("backup", "--to", backup.toString(), "--data", data.toString(), "--force"))
                .isEqualTo(Main.OK);
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement sql = copy.createStatement()) {
            assertThat(single(sql, "SELECT email FROM subscriber")).isEqualTo("reader0@example.com");
        }
    }

    @Test
    void saysWhenThereIsNoDatabaseToCopy() {
        assertThat(Main.run("backup", "--to", dir.resolve("b.db").toString(), "--data", dir.resolve("none").toString()))
                .isEqualTo(Main.FAILURE);
        assertThat(stderr()).isEqualTo("answerline: there is no SQLite database at " + dir.resolve("none/answerline.db")
                + " — give --data the folder that serve uses (the one that holds answerline.db)\n");
        assertThat(dir.resolve("b.db")).doesNotExist();
    }

    @Test
    void pointsPostgresqlToPgDumpWithACommandThatWorks() throws Exception {
        String schema;
        try (Database db = TestDatabases.open(Database.Kind.POSTGRESQL, dir)) {
            db.write(c -> insert(c, 7));
            schema = db.read(c -> c.getSchema());
        }
        Path dump = dir.resolve("answerline.dump");
        String url = TestDatabases.POSTGRES + "?currentSchema=" + schema + "&password=secret&sslmode=disable";

        assertThat(Main.run("backup", "--db", url, "--to", dump.toString())).isEqualTo(Main.FAILURE);
        Matcher told = Pattern.compile("answerline: PostgreSQL is backed up with pg_dump, not by answerline backup;"
                + " nothing was copied — run (pg_dump .+) with the URL's password in PGPASSWORD or ~/.pgpass, and"
                + " restore with pg_restore \\(deploy/README.md\\)\\n").matcher(stderr());
        assertThat(told.matches()).as(stderr()).isTrue();
        String command = told.group(1);
        assertThat(command).isEqualTo("pg_dump --format=custom --file=" + dump + " 'postgresql://127.0.0.1:5432/test?"
                + "sslmode=disable'").doesNotContain("secret");
        assertThat(dump).as("nothing done").doesNotExist();

        // the command as printed, in a shell, against the same database
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_dump")), "pg_dump is not installed");
        Process pgDump = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pg_dump.log").toFile()).start();
        assertThat(pgDump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pgDump.exitValue()).as(Files.readString(dir.resolve("pg_dump.log"))).isZero();
        Process list = new ProcessBuilder("pg_restore", "--list", dump.toString()).redirectErrorStream(true).start();
        String contents = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(contents).contains("TABLE DATA " + schema + " subscriber");
    }

    private static int insert(Connection c, int n) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO subscriber (email, status, source_page,"
                + " consent_text, signed_up_at, updated_at) VALUES (?, 'confirmed', '/', 'yes', ?, ?)")) {
            insert.setString(1, "reader" + n + "@example.com");
            insert.setLong(2, n);
            insert.setLong(3, n);
            return insert.executeUpdate();
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

}
