package dev.answerline.cli;

import dev.answerline.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the dynamic features keep their data: {@code --data} and {@code --db}. */
final class StorageOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "the data folder: the SQLite database, and emails when no SMTP server is set")
    Path data;

    @Option(names = "--db", paramLabel = "URL",
            description = "a jdbc:postgresql://host/database URL to keep subscribers in PostgreSQL instead of"
                    + " SQLite (for several app nodes)")
    String db;

    Path data() {
        return data;
    }

    Database open() {
        return Database.open(data, db);
    }

    /** True when there is a database to read: PostgreSQL, or an existing SQLite file. */
    boolean exists() {
        return db != null || java.nio.file.Files.exists(data.resolve(Database.SQLITE_FILE));
    }
}
