package dev.answerline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {
    @TempDir
    Path dir;

    private static String pragma(Connection c, String name) throws java.sql.SQLException {
        try (var s = c.createStatement(); var r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void sqliteIsSetUpForDurableConcurrentWrites() {
        try (Database db = Database.open(dir, null)) {
            assertThat(db.kind()).isEqualTo(Database.Kind.SQLITE);
            assertThat(dir.resolve(Database.SQLITE_FILE)).exists();
            for (int i = 0; i < 6; i++) {
                db.read(c -> {
                    assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(c, "synchronous")).as("FULL").isEqualTo("2");
                    assertThat(pragma(c, "busy_timeout")).isEqualTo("10000");
                    assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
                    return null;
                });
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theSameMigrationMakesTheSameTables(Database.Kind kind) {
        try (Database db = TestDatabases.open(kind, dir)) {
            List<String> tables = db.read(c -> {
                List<String> names = new ArrayList<>();
                try (ResultSet r = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                    while (r.next()) {
                        names.add(r.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
                return names;
            });
            assertThat(tables).contains("setting", "subscriber", "token", "outbox", "flyway_schema_history");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void concurrentWritersAllCommitAndAFailedOneRollsBack(Database.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                writes.add(pool.submit(() -> db.write(c -> {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO setting (name, value) VALUES (?, ?)")) {
                        insert.setString(1, "k" + n);
                        insert.setString(2, "v");
                        return insert.executeUpdate();
                    }
                })));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            pool.shutdown();
            assertThatThrownBy(() -> db.write(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO setting (name, value) VALUES (?, ?)")) {
                    insert.setString(1, "rolled-back");
                    insert.setString(2, "v");
                    insert.executeUpdate();
                }
                throw new IllegalStateException("fails after the insert");
            })).isInstanceOf(IllegalStateException.class);
            long count = db.read(c -> {
                try (var s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM setting")) {
                    r.next();
                    return r.getLong(1);
                }
            });
            assertThat(count).isEqualTo(200);
        }
    }

    @Test
    void anUnknownDatabaseUrlIsExplained() {
        assertThatThrownBy(() -> Database.open(dir, "jdbc:mysql://x/y?password=secret"))
                .isInstanceOf(StoreException.class)
                .hasMessage("--db jdbc:mysql://x/y?password=*** is not a database Answerline can use — give a"
                        + " jdbc:postgresql://host/database URL, or leave --db out to use SQLite in the data folder");
    }

    @Test
    void anUnreachablePostgresqlIsExplainedWithoutItsPassword() {
        assertThatThrownBy(() -> Database.open(dir, "jdbc:postgresql://127.0.0.1:1/test?password=secret&connectTimeout=2"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open PostgreSQL jdbc:postgresql://127.0.0.1:1/test?password=***")
                .hasMessageEndingWith("check that PostgreSQL runs and that the URL's host, port, database and user"
                        + " are right")
                .hasMessageNotContaining("secret");
    }
}
