package dev.answerline.cli;

import dev.answerline.store.Backup;
import dev.answerline.store.Database;
import dev.answerline.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Copies the SQLite database of --data to a file, consistently, also while serve runs.",
            "To restore it: stop serve, copy the file to DIR/" + Database.SQLITE_FILE + ", delete DIR/"
                    + Database.SQLITE_FILE + "-wal and -shm (they belong to the replaced file) and start serve"
                    + " again. PostgreSQL (--db) is backed up with pg_dump: this prints the command."})
final class BackupCommand implements Callable<Integer> {
    @Mixin
    private StorageOptions storage;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "the file to write the copy to")
    private Path to;

    @Option(names = "--force", description = "replace FILE when it exists")
    private boolean force;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (storage.db != null && storage.db.startsWith("jdbc:postgresql:")) {
            Backup.Dump dump = Backup.pgDump(storage.db, to);
            String command = dump.command().stream().map(BackupCommand::quoted).collect(Collectors.joining(" "));
            throw new StoreException("PostgreSQL is backed up with pg_dump, not by answerline backup; nothing was"
                    + " copied", "run " + command + (dump.passwordLeftOut() ? " with the URL's password in"
                    + " PGPASSWORD or ~/.pgpass" : "") + ", and restore with pg_restore (deploy/README.md)");
        }
        Backup.Copy copy = Backup.sqlite(Backup.sqliteFile(storage.data(), storage.db), to, force);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Copied %s to %s: %s, %d subscribers, schema version %s, integrity ok, in %d ms.%n",
                copy.source(), copy.file(), size(copy.bytes()), copy.subscribers(),
                copy.schemaVersion() == null ? "none" : copy.schemaVersion(), copy.took().toMillis());
        out.flush();
        return Main.OK;
    }

    /** A word for a POSIX shell: quoted when it has anything but letters, digits and {@code -_=./:,@%+}. */
    static String quoted(String word) {
        return word.matches("[A-Za-z0-9_=./:,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
