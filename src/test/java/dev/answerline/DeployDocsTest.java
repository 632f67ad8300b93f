package dev.answerline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.answerline.admin.Dashboard;
import dev.answerline.cli.Main;
import dev.answerline.newsletter.MailSettings;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code deploy/answerline.service} and the commands of {@code deploy/README.md}, as far as they can be checked
 * without the release tarball: systemd's own check of the unit, every {@code answerline} command line parsed
 * as {@code answerline} parses it, the environment file's names, and the PostgreSQL backup and restore run
 * against PostgreSQL. {@code ReleaseTarballIT} runs the rest with the real release.
 */
class DeployDocsTest {
    @TempDir
    Path dir;

    @Test
    void theUnitRunsServeAsItsOwnUserWithTheDataFolderAsItsStateAndStopsWithSigterm() {
        Map<String, String> unit = DeployDocs.unit();
        assertThat(unit).containsEntry("User", "answerline").containsEntry("ProtectSystem", "strict")
                .containsEntry("StateDirectory", "answerline").containsEntry("Restart", "on-failure")
                .containsEntry("EnvironmentFile", "/etc/answerline/env").containsEntry("KillSignal", "SIGTERM")
                .containsEntry("NoNewPrivileges", "yes").containsEntry("ProtectHome", "yes")
                // jte's compiled templates and the drivers' native libraries go to java.io.tmpdir
                .containsEntry("PrivateTmp", "yes")
                .doesNotContainKeys("DynamicUser", "MemoryDenyWriteExecute", "NoExecPaths");
        assertThat(DeployDocs.answerlineArguments(unit.get("ExecStart")))
                .containsSubsequence("--data", "/var/lib/" + unit.get("StateDirectory")).startsWith("serve")
                .contains("--behind-proxy");
        // longer than serve's own wait for the counts and the database at a stop (the hook in ServeCommand)
        assertThat(Integer.parseInt(unit.get("TimeoutStopSec"))).isGreaterThan(20);
    }

    @Test
    void systemdFindsNothingWrongWithTheUnit() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not installed");
        // the launcher must exist for verify: the clone's stands in for the release's
        Path unit = dir.resolve("answerline.service");
        Files.writeString(unit, Files.readString(DeployDocs.UNIT)
                .replace(DeployDocs.LAUNCHER, Path.of("bin/answerline").toAbsolutePath().toString()));
        Process verify = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true)
                .start();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(said).isEmpty();
        assertThat(verify.exitValue()).isZero();
    }

    @Test
    void everyAnswerlineCommandLineOfTheReadmeAndTheUnitParses() {
        List<String> lines = new ArrayList<>();
        lines.add(DeployDocs.unit().get("ExecStart"));
        for (String language : List.of("sh", "ini")) {
            for (String block : DeployDocs.blocks(language)) {
                block.lines().filter(line -> line.contains(DeployDocs.LAUNCHER)).forEach(lines::add);
            }
        }
        Set<String> commands = lines.stream().map(line -> {
            List<String> args = DeployDocs.answerlineArguments(line.replaceFirst("^ExecStart=", ""));
            assertThatCode(() -> new CommandLine(new Main()).parseArgs(args.toArray(String[]::new)))
                    .as(line).doesNotThrowAnyException();
            return String.join(" ", args.subList(0, args.get(0).equals("subscribers") ? 2 : 1));
        }).collect(Collectors.toSet());
        assertThat(commands).containsExactlyInAnyOrder("serve", "build", "backup", "subscribers export");
        assertThat(lines).hasSize(5);
    }

    @Test
    void theEnvironmentFileNamesWhatAnswerlineReads() {
        Map<String, String> env = DeployDocs.environment(DeployDocs.block("ini", "# /etc/answerline/env"));
        assertThat(env).containsKey(Dashboard.PASSWORD_VARIABLE);
        assertThat(env.keySet()).allMatch(name -> name.equals(Dashboard.PASSWORD_VARIABLE)
                || name.startsWith("ANSWERLINE_SMTP_"));
        MailSettings mail = MailSettings.fromEnvironment(env);
        assertThat(mail).isEqualTo(new MailSettings("smtp.example.com", 587, MailSettings.Security.STARTTLS,
                "answers@example.com", "the SMTP password", "Northroll Answers <answers@example.com>"));
    }

    @Test
    void thePostgresqlBackupAndRestoreOfTheReadmeWork() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_dump")), "pg_dump is not installed");
        String name = "answerline_deploy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Database scratch = TestDatabases.open(Database.Kind.POSTGRESQL, dir)) {
            // reachable (else skipped, or failed in CI): a database of its own for pg_restore --clean
            scratch.read(c -> c.isValid(2));
        }
        execute(TestDatabases.POSTGRES, "CREATE DATABASE " + name);
        String jdbc = TestDatabases.POSTGRES.replaceFirst("/[^/]*$", "/" + name);
        try {
            try (Database db = Database.open(null, jdbc)) {
                db.write(c -> c.createStatement().executeUpdate("INSERT INTO subscriber (email, status, source_page,"
                        + " consent_text, signed_up_at, updated_at) VALUES ('kept@example.com', 'confirmed', '/', 'yes',"
                        + " 1, 1)"));
            }
            run(DeployDocs.block("sh", "pg_dump"), jdbc);
            execute(jdbc, "DELETE FROM subscriber");
            run(DeployDocs.block("sh", "pg_restore"), jdbc);
            try (Connection c = DriverManager.getConnection(jdbc); Statement sql = c.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT email FROM subscriber")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept@example.com");
            }
        } finally {
            execute(TestDatabases.POSTGRES, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** A block's lines in a shell, with the README's database and backup folder replaced by this test's. */
    private void run(String block, String jdbc) throws Exception {
        String script = block.replace("postgresql://db.internal:5432/answerline?user=answerline",
                jdbc.substring("jdbc:".length())).replace("/var/backups/answerline", dir.toString());
        Process shell = new ProcessBuilder("sh", "-eu", "-c", script).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sh.log").toFile()).start();
        assertThat(shell.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as(script + "\n" + Files.readString(dir.resolve("sh.log"))).isZero();
    }

    private static void execute(String jdbc, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc); Statement sql = c.createStatement()) {
            sql.execute(statement);
        }
    }
}
