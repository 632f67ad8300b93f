package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.answerline.TestSites;
import dev.answerline.render.RenderException;
import dev.answerline.store.Database;
import dev.answerline.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user who gets something wrong reads: the real command, and for each mistake one line that says what
 * is wrong, where, and what to do — never a stack trace (issue 15). Mistakes in Java's temporary folder need a
 * process of their own, since the folder is read once per process.
 */
class FailureMessagesTest {
    /** How a failure is shown: a line from the command, with the fix after a dash. */
    private static final String LINE = "answerline: ";
    private static final String TMPDIR_FIX = "ANSWERLINE_JAVA_OPTS=-Djava.io.tmpdir=/path/to/folder";

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

    /** Runs the command in this process and checks that it failed with a message rather than a trace. */
    private AbstractStringAssert<?> failure(String... args) {
        int code = Main.run(args);
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code; stderr: %s", said).isEqualTo(Main.FAILURE);
        return explained(said);
    }

    private static AbstractStringAssert<?> explained(String said) {
        return assertThat(said).startsWith(LINE).contains(" — ").doesNotContain("\tat ", "Exception", "Caused by",
                "bug in Answerline");
    }

    private String small() {
        return TestSites.fixture("small").toString();
    }

    @Test
    void aMissingSiteFolder() {
        failure("build", "--site", dir.resolve("missing").toString(), "--out", dir.resolve("out").toString())
                .contains(dir.resolve("missing") + " is not a folder",
                        "pass --site with the folder that holds site.yaml");
    }

    @Test
    void aSiteFolderThatIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("site.yaml"), "brand: B\n");
        failure("check", "--site", file.toString())
                .contains(file + " is not a folder — pass --site with the folder that holds site.yaml");
    }

    @Test
    void anUnreadableSiteFolder() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(site), "skipped: chmod 000 does not stop this user (root?) from reading "
                    + site);
            failure("build", "--site", site.toString(), "--out", dir.resolve("out").toString())
                    .contains("site.yaml in " + site + " cannot be read: permission denied",
                            "check the permissions");
        } finally {
            Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anUnreadableAnswersFolder() throws IOException {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Path answers = site.resolve("answers");
        Files.setPosixFilePermissions(answers, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(answers), "skipped: chmod 000 does not stop this user (root?) from reading "
                    + answers);
            failure("build", "--site", site.toString(), "--out", dir.resolve("out").toString())
                    .contains(answers + " cannot be read: permission denied — check its permissions");
        } finally {
            Files.setPosixFilePermissions(answers, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void buildIntoAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("out.html"), "mine");
        failure("build", "--site", small(), "--out", file.toString())
                .contains(file + " is a file, not a folder — choose a folder with --out");
        assertThat(file).hasContent("mine");
    }

    @Test
    void buildIntoAFolderOfOtherFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(folder.resolve("thesis.txt"), "mine");
        failure("build", "--site", small(), "--out", folder.toString())
                .contains(folder + " is not empty and was not made by answerline build — choose an empty or new"
                        + " folder with --out");
        assertThat(folder.resolve("thesis.txt")).hasContent("mine");
    }

    @Test
    void serveOnATakenPortFailsAtOnce() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            // serve blocks while it serves: a port it did not notice was taken would hang here
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> failure("serve", "--site", small(), "--port",
                    String.valueOf(port), "--data", dir.resolve("data").toString())
                    .contains("cannot listen on 127.0.0.1:" + port,
                            "stop the program using that port, or pass another one with --port"));
        }
    }

    @Test
    void serveOnAPortOutOfRange() {
        failure("serve", "--site", small(), "--port", "70000", "--data", dir.resolve("data").toString())
                .contains("port 70000 is not between 0 and 65535 — pass a port in that range with --port");
    }

    @Test
    void serveOnAnAddressOfAnotherMachine() {
        // 192.0.2.0/24 is for documentation (RFC 5737): no machine has it
        failure("serve", "--site", small(), "--port", "0", "--host", "192.0.2.1", "--data",
                dir.resolve("data").toString())
                .contains("cannot listen on 192.0.2.1:0", "pass an address of this machine with --host");
    }

    @Test
    void aDatabaseThatIsNotThere() {
        failure("subscribers", "count", "--db", "jdbc:postgresql://127.0.0.1:1/nope")
                .contains("cannot open PostgreSQL jdbc:postgresql://127.0.0.1:1/nope",
                        "check that PostgreSQL runs and that the URL's host, port, database and user are right");
    }

    @Test
    void aDatabaseUrlThatIsNone() {
        failure("subscribers", "count", "--db", "nonsense")
                .contains("--db nonsense is not a database Answerline can use — give a jdbc:postgresql://host/database"
                        + " URL, or leave --db out");
    }

    @Test
    void onlyOurBugsAskForAReport() {
        StringWriter bug = new StringWriter();
        Main.report(RenderException.bug("rendering /x with answer.jte failed: boom", null), new PrintWriter(bug));
        assertThat(bug.toString()).isEqualTo("answerline: rendering /x with answer.jte failed: boom\n"
                + "This is a bug in Answerline, not in your content or settings: please report it, with the command"
                + " and the message above.\n");

        StringWriter mistake = new StringWriter();
        Main.report(new StoreException("cannot open SQLite x", "check that the data folder is writable"),
                new PrintWriter(mistake));
        assertThat(mistake.toString()).isEqualTo("answerline: cannot open SQLite x — check that the data folder is"
                + " writable\n");
    }

    // --- Java's temporary folder, where pages, long bodies and the search index are kept outside the heap

    @Test
    void aMissingTemporaryFolder() throws Exception {
        Path missing = dir.resolve("no-such-tmp");
        for (String command : List.of("build", "serve")) {
            Run run = answerline(List.of(), missing, command);
            run.assertExplained().contains("the temporary folder " + missing, "no such file or folder", TMPDIR_FIX);
        }
        // SQLite's driver unpacks its native code there too, which the subscriber commands need first
        Database.open(dir.resolve("data"), null).close();
        answerline(List.of(), missing, List.of("subscribers", "count", "--data", dir.resolve("data").toString()))
                .assertExplained().contains("the temporary folder " + missing + " for the native library of SQLite's"
                        + " driver", TMPDIR_FIX);
    }

    @Test
    void aReadOnlyTemporaryFolder() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("read-only-tmp"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // chmod stops anyone but root; for root, a read-only file system mounted there in a namespace of
            // the process's own
            List<String> mount = Files.isWritable(readOnly) ? tmpfs("ro,size=1m", readOnly) : List.of();
            for (String command : List.of("build", "serve")) {
                Run run = answerline(mount, readOnly, command);
                run.assertExplained().contains("the temporary folder " + readOnly, TMPDIR_FIX)
                        .containsAnyOf("Read-only file system", "permission denied");
            }
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFullTemporaryFolder() throws Exception {
        Path full = Files.createDirectories(dir.resolve("full-tmp"));
        // too small for anything: the bodies a build keeps outside the heap are refused before a byte is written
        answerline(tmpfs("size=16k", full), full, "build").assertExplained()
                .containsPattern("the temporary folder " + Pattern.quote(full.toString()) + " has 0 MiB free, and"
                        + " keeping pages and texts outside the heap needs 64 MiB more")
                .contains(TMPDIR_FIX);
        // so are the pages of a served site
        answerline(tmpfs("size=4m", full), full, "serve").assertExplained()
                .containsPattern("the temporary folder " + Pattern.quote(full.toString()) + " has [0-4] MiB free, and"
                        + " keeping pages and texts outside the heap needs 64 MiB more")
                .contains(TMPDIR_FIX);
    }

    /** A command's exit code and everything it printed. */
    private record Run(int code, String output) {
        AbstractStringAssert<?> assertExplained() {
            assertThat(code).as("exit code; output: %s", output).isEqualTo(Main.FAILURE);
            return explained(output);
        }
    }

    /** Runs {@code answerline build} or {@code serve} on the small site; see {@link #answerline(List, Path, List)}. */
    private Run answerline(List<String> prefix, Path tmpdir, String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command, "--site", small()));
        args.addAll(command.equals("serve") ? List.of("--port", "0", "--data", dir.resolve("data").toString())
                : List.of("--out", dir.resolve("out").toString()));
        return answerline(prefix, tmpdir, args);
    }

    /** Runs {@code answerline ARGS} in a process of its own, with this temporary folder, after {@code prefix}. */
    private Run answerline(List<String> prefix, Path tmpdir, List<String> args) throws Exception {
        List<String> line = new ArrayList<>(prefix);
        line.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-Djava.io.tmpdir=" + tmpdir,
                "-cp", System.getProperty("java.class.path"), "dev.answerline.cli.Main"));
        line.addAll(args);
        String command = args.get(0);
        Path log = dir.resolve("answerline.log");
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ANSWERLINE_"));
        Process process = builder.start();
        try {
            // serve that did not fail would be serving, and wait for Ctrl+C
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended; output: %s", command, Files.exists(log)
                    ? Files.readString(log) : "").isTrue();
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * A command prefix that mounts a tmpfs at {@code at} for the process alone, in mount and user namespaces
     * of its own: a read-only or tiny file system without being root, and gone when the process ends. Skips
     * the test where such namespaces are not allowed.
     */
    private static List<String> tmpfs(String options, Path at) throws Exception {
        List<String> prefix = List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                "mount -t tmpfs -o \"$1\" tmpfs \"$2\" && shift 2 && exec \"$@\"", "sh", options, at.toString());
        List<String> probe = new ArrayList<>(prefix);
        probe.add("true");
        String why;
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            why = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assumeTrue(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0,
                    "skipped: cannot mount a tmpfs in a namespace of its own here (" + why + ")");
        } catch (IOException e) {
            assumeTrue(false, "skipped: unshare is not installed (" + e.getMessage() + ")");
        }
        return prefix;
    }
}
