package dev.answerline.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases for tests: SQLite in a temporary folder, or PostgreSQL on 127.0.0.1:5432 (database
 * {@code test}, trust authentication) in a schema of its own that is dropped afterwards. Without a
 * reachable PostgreSQL the test is skipped with a message, except in CI ({@code CI} set), where it fails.
 */
public final class TestDatabases {
    public static final String POSTGRES = System.getProperty("answerline.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test");

    private TestDatabases() {}

    /** A database of the kind asked for; close it to drop a PostgreSQL schema. */
    public static Database open(Database.Kind kind, Path dir) {
        return kind == Database.Kind.SQLITE ? Database.open(dir, null) : postgres();
    }

    private static Database postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            boolean ci = System.getenv("CI") != null;
            if (ci) {
                throw new IllegalStateException("CI must test PostgreSQL, but " + POSTGRES + " is not reachable: "
                        + e.getMessage() + " — .ci/run starts it", e);
            }
            assumeTrue(false, "skipped: no PostgreSQL at " + POSTGRES + " (" + e.getMessage() + "); start it with"
                    + " pg_ctlcluster --skip-systemctl-redirect 15 main start");
        }
        Database db = Database.open(null, POSTGRES + "?currentSchema=" + schema);
        return new DroppingDatabase(db, schema).db();
    }

    /** Drops the test schema when the JVM ends; the schemas are small and the names unique. */
    private record DroppingDatabase(Database db, String schema) {
        DroppingDatabase {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    // the test database is a scratch database; a leftover schema does no harm
                }
            }));
        }
    }
}
