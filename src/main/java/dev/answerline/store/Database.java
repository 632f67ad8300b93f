package dev.answerline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.answerline.AnswerlineException;
import dev.answerline.memory.MemoryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteJDBCLoader;

/**
 * The database of the dynamic features: SQLite in a file by default, PostgreSQL for several app nodes.
 * Opening one migrates its schema with Flyway (the same migrations on both).
 *
 * <p>Writes run in a transaction that is committed before {@link #write} returns, so an acknowledged write
 * survives a crash. On SQLite the file is in WAL mode with {@code synchronous=FULL}, transactions start
 * with {@code BEGIN IMMEDIATE} (one writer at a time, no upgrade deadlocks) and a busy timeout lets
 * writers queue instead of failing. Thread-safe.
 *
 * <pre>{@code
 * try (Database db = Database.open(Path.of("data"), null)) {
 *     long count = db.read(c -> ...);
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    /** The SQLite file in the data folder. */
    public static final String SQLITE_FILE = "answerline.db";
    private static final int BUSY_TIMEOUT_MS = 10_000;
    /** A failed statement on a database that opened: the database went away, or its disk is full. */
    private static final String AGAIN = "check that the database still runs and its disk has room, then try again";

    /** Which database this is; SQL differs in a few places. */
    public enum Kind { SQLITE, POSTGRESQL }

    private final HikariDataSource pool;
    private final Kind kind;
    private final String description;
    /**
     * SQLite takes one writer at a time. Writers of this process queue here, in order, instead of polling
     * the file lock in SQLite's busy handler, whose growing sleeps made the slowest signups wait a second.
     */
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);

    /** Runs SQL on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Database(HikariDataSource pool, Kind kind, String description) {
        this.pool = pool;
        this.kind = kind;
        this.description = description;
    }

    /**
     * Opens PostgreSQL when {@code jdbcUrl} is a {@code jdbc:postgresql:} URL, otherwise SQLite in
     * {@code dataDir}, and brings its schema up to date.
     *
     * @throws StoreException when it cannot be reached, created or migrated
     * @throws MemoryException when SQLite's driver cannot unpack its native library into the temporary folder
     */
    public static Database open(Path dataDir, String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            return sqlite(dataDir.resolve(SQLITE_FILE));
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return postgresql(jdbcUrl);
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return sqlite(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())));
        }
        throw new StoreException("--db " + redact(jdbcUrl) + " is not a database Answerline can use",
                "give a jdbc:postgresql://host/database URL, or leave --db out to use SQLite in the data folder");
    }

    /** SQLite in {@code file}, created with its folder when missing. */
    public static Database sqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder for " + file + ": "
                    + AnswerlineException.describe(e), "choose a writable folder with --data", e);
        }
        loadSqlite();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("answerline-sqlite");
        // one writer at a time anyway; a few connections let reads go on beside it
        pool.setMaximumPoolSize(4);
        return start(pool, Kind.SQLITE, "SQLite " + file.toAbsolutePath());
    }

    /**
     * SQLite's driver unpacks its native library into the temporary folder before its first connection; when
     * that fails, its own logger's stack traces (switched off in simplelogger.properties) said only that no
     * library was found, and opening the database blamed the data folder.
     */
    static void loadSqlite() {
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            Path tmp = Path.of(System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir")));
            throw MemoryException.temporaryFolder(tmp, "the native library of SQLite's driver", e);
        }
    }

    /** PostgreSQL at a JDBC URL; user and password may be given as URL parameters or the PG* environment. */
    public static Database postgresql(String jdbcUrl) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setPoolName("answerline-postgresql");
        pool.setMaximumPoolSize(10);
        pool.setConnectionTimeout(10_000);
        String user = System.getenv("PGUSER");
        if (user != null && !jdbcUrl.contains("user=")) {
            pool.setUsername(user);
            pool.setPassword(System.getenv("PGPASSWORD"));
        }
        return start(pool, Kind.POSTGRESQL, "PostgreSQL " + redact(jdbcUrl));
    }

    private static Database start(HikariConfig config, Kind kind, String description) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open " + description + ": " + rootMessage(e),
                    kind == Kind.POSTGRESQL ? "check that PostgreSQL runs and that the URL's host, port, database"
                            + " and user are right" : "check that the data folder is writable", e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("cannot bring the schema of " + description + " up to date: " + rootMessage(e),
                    "restore the database from a backup, or point --data or --db at another one", e);
        }
        return new Database(pool, kind, description);
    }

    /** Runs {@code work} in a transaction and commits it; rolls back when it throws. */
    public <T> T write(Work<T> work) {
        if (kind == Kind.SQLITE) {
            sqliteWriter.lock();
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("a write to " + description + " failed: " + e.getMessage(), AGAIN, e);
        } finally {
            if (kind == Kind.SQLITE) {
                sqliteWriter.unlock();
            }
        }
    }

    /** Runs {@code work} outside a transaction, for reads. */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("a read from " + description + " failed: " + e.getMessage(), AGAIN, e);
        }
    }

    /** {@code " FOR UPDATE"} where a locking read needs it; SQLite locks the whole file for a write anyway. */
    public String forUpdate() {
        return kind == Kind.POSTGRESQL ? " FOR UPDATE" : "";
    }

    /**
     * {@code " FOR UPDATE SKIP LOCKED"} on PostgreSQL, so that app nodes sharing a queue take different rows;
     * nothing on SQLite, where one writer holds the whole file.
     */
    public String forUpdateSkipLocked() {
        return kind == Kind.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    public Kind kind() {
        return kind;
    }

    /** The database in words, without a password, for messages and logs. */
    public String description() {
        return description;
    }

    /** The pooled data source, for tools and tests. */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A JDBC URL with its password parameter hidden. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
