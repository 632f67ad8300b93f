package dev.answerline.store;

import dev.answerline.AnswerlineException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Copies of the database for safekeeping. SQLite is copied by {@link #sqlite} while {@code serve} goes on
 * writing to it; PostgreSQL is backed up with its own {@code pg_dump}, whose command line {@link #pgDump} writes.
 *
 * <pre>{@code
 * Backup.Copy copy = Backup.sqlite(Path.of("data/answerline.db"), Path.of("backup.db"), false);
 * }</pre>
 */
public final class Backup {
    private static final int BUSY_TIMEOUT_MS = 10_000;
    /** The parameters of a JDBC URL that libpq (pg_dump) reads the same way; others would make it fail. */
    private static final Set<String> LIBPQ_PARAMETERS = Set.of("user", "sslmode", "sslcert", "sslkey",
            "sslrootcert", "connect_timeout", "application_name", "options", "target_session_attrs");

    /** A finished copy: where it is, its size, and what it holds. */
    public record Copy(Path source, Path file, long bytes, long subscribers, String schemaVersion, Duration took) {}

    /** A pg_dump command line, and whether a password in the URL was left out of it (it belongs in PGPASSWORD). */
    public record Dump(List<String> command, boolean passwordLeftOut) {}

    private Backup() {
    }

    /**
     * Copies the SQLite database {@code database} to {@code target}, consistently, while other processes go on
     * writing to it. The copy is written beside the target under a temporary name, checked with
     * {@code PRAGMA integrity_check} and moved into place only then, so that {@code target} is either the
     * previous file or a whole, sound copy.
     *
     * @param replace whether an existing {@code target} may be replaced
     * @throws StoreException when there is no database, the target exists (and may not be replaced) or cannot
     *     be written, or the copy is not sound
     */
    public static Copy sqlite(Path database, Path target, boolean replace) {
        Path source = database.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new StoreException("there is no SQLite database at " + source,
                    "give --data the folder that serve uses (the one that holds " + Database.SQLITE_FILE + ")");
        }
        Path file = target.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new StoreException("--to " + target + " is a folder", "give the backup's file name, e.g. --to "
                    + target.resolve("answerline-backup.db"));
        }
        if (file.equals(source)) {
            throw new StoreException("--to " + target + " is the database itself", "give another file for the copy");
        }
        if (!replace && Files.exists(file)) {
            throw new StoreException(target + " already exists", "give another file with --to, or add --force to"
                    + " replace it");
        }
        long started = System.nanoTime();
        Path partial = null;
        try {
            Files.createDirectories(file.getParent());
            partial = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".partial");
            copy(source, partial);
            Copy copy = check(source, partial, file);
            try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            if (replace) {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(partial, file);
            }
            return new Copy(copy.source(), file, copy.bytes(), copy.subscribers(), copy.schemaVersion(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(target + " already exists", "give another file with --to, or add --force to"
                    + " replace it", e);
        } catch (IOException e) {
            throw new StoreException("cannot write the backup " + file + ": " + AnswerlineException.describe(e),
                    "give --to a file in a writable folder with room for a copy of " + source, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * SQLite's online backup API, rather than {@code VACUUM INTO}: it copies the pages as they are (same page
     * size and layout, no rebuilt indexes, no temporary space), and all of them in one step (-1 pages per
     * step), inside one read transaction. In WAL mode that read sees one committed state and does not stop
     * serve's writers; copied a few pages at a time, as the driver's {@code backup to} statement does, every
     * write by another process between two steps would start the copy over, and a busy site might never let
     * it finish.
     */
    private static void copy(Path source, Path partial) throws IOException {
        Database.loadSqlite();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + source);
        try (Connection connection = sqlite.getConnection()) {
            int result = connection.unwrap(SQLiteConnection.class).getDatabase()
                    .backup("main", partial.toString(), null, 100, BUSY_TIMEOUT_MS / 100, -1);
            if (result != 0) {
                throw new StoreException("the copy of " + source + " stopped with SQLite's code " + result,
                        "try again; if it fails again, check the disk of the target folder");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot copy " + source + ": " + e.getMessage(),
                    "check that the file is an Answerline database and readable by this user, then try again", e);
        }
    }

    /**
     * Makes the copy one self-contained file (rollback journal instead of WAL: nothing beside it to carry
     * along; serve switches it back to WAL when it opens it), checks it, and reads what it holds.
     */
    private static Copy check(Path source, Path partial, Path file) throws IOException {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + partial);
        try (Connection copy = sqlite.getConnection(); Statement sql = copy.createStatement()) {
            sql.execute("PRAGMA journal_mode=DELETE");
            String integrity = single(sql, "PRAGMA integrity_check");
            if (!"ok".equals(integrity)) {
                throw new StoreException("the copy of " + source + " is not sound: " + integrity,
                        "run PRAGMA integrity_check on " + source + " with the sqlite3 tool; restore it from an"
                                + " earlier backup if it reports the same");
            }
            long subscribers = tableExists(sql, "subscriber")
                    ? Long.parseLong(single(sql, "SELECT COUNT(*) FROM subscriber")) : 0;
            String version = tableExists(sql, "flyway_schema_history") ? single(sql, "SELECT version FROM"
                    + " flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC"
                    + " LIMIT 1") : null;
            return new Copy(source, file, Files.size(partial), subscribers, version, Duration.ZERO);
        } catch (SQLException e) {
            throw new StoreException("cannot read the copy of " + source + ": " + e.getMessage(),
                    "check that " + source + " is an Answerline database", e);
        }
    }

    /**
     * The SQLite file that {@link Database#open} opens for the same arguments: {@code dataDir}'s
     * {@value Database#SQLITE_FILE}, or the file of a {@code jdbc:sqlite:} URL.
     *
     * @throws StoreException when {@code jdbcUrl} is another kind of URL
     */
    public static Path sqliteFile(Path dataDir, String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return dataDir.resolve(Database.SQLITE_FILE);
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
        }
        throw new StoreException("--db " + Database.redact(jdbcUrl) + " is not a SQLite database",
                "give the jdbc:postgresql://host/database URL that serve uses, or leave --db out to copy the SQLite"
                        + " database in --data");
    }

    /**
     * The {@code pg_dump} command that backs up the PostgreSQL database at {@code jdbcUrl} into {@code file} in
     * pg_dump's custom format (for {@code pg_restore}). The URL's password is left out: pg_dump reads it from
     * {@code PGPASSWORD} or {@code ~/.pgpass}, and a command line is seen by every user of the machine.
     *
     * @throws StoreException when the URL is not a {@code jdbc:postgresql:} one
     */
    public static Dump pgDump(String jdbcUrl, Path file) {
        String prefix = "jdbc:postgresql:";
        if (jdbcUrl == null || !jdbcUrl.startsWith(prefix)) {
            throw new StoreException("--db " + Database.redact(String.valueOf(jdbcUrl)) + " is not a PostgreSQL URL",
                    "give a jdbc:postgresql://host/database URL");
        }
        String rest = jdbcUrl.substring(prefix.length());
        // jdbc:postgresql:database and jdbc:postgresql:/ mean the local server on the default port
        String location = rest.startsWith("//") ? rest.substring(2) : "localhost/" + rest.replaceFirst("^/", "");
        int question = location.indexOf('?');
        String address = question < 0 ? location : location.substring(0, question);
        List<String> kept = new ArrayList<>();
        boolean password = false;
        if (question >= 0) {
            for (String parameter : location.substring(question + 1).split("&")) {
                String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (name.equals("password")) {
                    password = true;
                } else if (LIBPQ_PARAMETERS.contains(name)) {
                    kept.add(parameter);
                }
            }
        }
        String url = "postgresql://" + address + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new Dump(List.of("pg_dump", "--format=custom", "--file=" + file, url), password);
    }

    private static boolean tableExists(Statement sql, String table) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '"
                + table + "'")) {
            return rows.next();
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException e) {
                // a leftover hidden temporary file is harmless; the backup's own outcome is what is reported
            }
        }
    }
}
