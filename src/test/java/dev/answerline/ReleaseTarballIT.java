package dev.answerline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as a user gets it: {@code target/answerline-{version}.tar.gz}, made by {@code mvn package}, unpacked
 * into an empty folder and run with an empty environment ({@code env -i}, a PATH that leads nowhere), so that
 * only the Java runtime inside it can run it. Run by failsafe in {@code mvn verify}, after the package phase.
 */
class ReleaseTarballIT {
    private static final Pattern SERVING = Pattern.compile("Serving .+ at (http://\\S+)");
    private static final String ANSWER = "/answers/should-you-foam-roll-your-lumbar-spine";

    @TempDir
    static Path dir;
    private static Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void unpack() throws Exception {
        String tarball = System.getProperty("answerline.tarball");
        assertThat(tarball).as("the tarball's path, set by failsafe in pom.xml").isNotNull();
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball, "-C", unpacked.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tar.log").toFile()).start();
        assertThat(tar.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(Files.readString(dir.resolve("tar.log"))).isZero();
        try (Stream<Path> top = Files.list(unpacked)) {
            assertThat(top.map(p -> p.getFileName().toString()))
                    .as("one folder, named after the version").containsExactly(System.getProperty("answerline.release"));
        }
        home = unpacked.resolve(System.getProperty("answerline.release"));
    }

    @Test
    void holdsTheJarItsLibrariesTheLauncherTheDemoSitesAndAJlinkRuntime() throws Exception {
        assertThat(home.resolve("answerline.jar")).isRegularFile();
        try (Stream<Path> libs = Files.list(home.resolve("lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("sqlite-jdbc-")).anyMatch(name -> name.startsWith("jetty-server-"));
        }
        assertThat(home.resolve("bin/answerline")).isExecutable();
        assertThat(home.resolve("demo/site.yaml")).isRegularFile();
        assertThat(home.resolve("demo-de/site.yaml")).isRegularFile();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();

        // a runtime made by jlink, not a copied JDK: no jmods, no jlink, and a fraction of the size
        Path runtime = home.resolve("runtime");
        assertThat(runtime.resolve("jmods")).doesNotExist();
        assertThat(runtime.resolve("bin/jlink")).doesNotExist();
        Path jdk = Path.of(System.getProperty("java.home"));
        assertThat(size(runtime)).as("the runtime against the JDK running this test (%s)", jdk)
                .isLessThan(size(jdk) / 2).isLessThan(100L << 20);
        // the modules that jdeps does not see but serve needs (see release.modules in pom.xml)
        String modules = Files.readAllLines(runtime.resolve("release")).stream()
                .filter(line -> line.startsWith("MODULES=")).findFirst().orElseThrow();
        assertThat(modules).contains("java.sql", "java.naming", "java.management", "jdk.compiler", "jdk.crypto.ec",
                "jdk.unsupported", "jdk.localedata");
    }

    @Test
    void servesTheDemoWithAnEmptyEnvironmentAndStopsCleanlyOnSigterm() throws Exception {
        Path data = dir.resolve("serve-data");
        Path out = dir.resolve("serve.out");
        Process serve = run(out, "serve", "--port", "0", "--data", data.toString());
        try {
            URI uri = await("the Serving line in " + out).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200)).until(() -> serving(serve, out), u -> u != null);
            // the launcher ran the runtime's java, not one found on the way (there is no PATH to find one on)
            assertThat(serve.info().command()).hasValue(home.resolve("runtime/bin/java").toRealPath().toString());

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri.resolve(ANSWER)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(title(page.body())).isEqualTo("Should you foam roll your lumbar spine? | Northroll Answers");

            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).as("a stop asked for is a clean end; see " + out).isZero();
            assertThat(data.resolve("answerline.db")).isRegularFile();
            assertThat(Files.readString(dir.resolve("serve.out.err"))).doesNotContain("Exception", "\tat ");
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void checksTheDemoAndCompilesASitesOwnTemplateWithTheRuntimesJavac() throws Exception {
        Process check = run(dir.resolve("check.out"), "check");
        assertThat(check.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("check.out"))).startsWith("No problems:");
        // the em dash between a problem and its fix survives an environment without a locale (Java 17 printed "?")
        Process backup = run(dir.resolve("backup.out"), "backup", "--to", dir.resolve("none.db").toString(),
                "--data", dir.resolve("no-data").toString());
        assertThat(backup.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(backup.exitValue()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("backup.out.err"), StandardCharsets.UTF_8))
                .contains("no-data/answerline.db — give --data the folder that serve uses");

        // a site's own template is compiled by jte with javac when the site loads: jdk.compiler must be there
        Path site = dir.resolve("own-template");
        TestSites.copyTree(home.resolve("demo"), site);
        Process copy = run(dir.resolve("copy.out"), "templates", "copy", "notfound", "--site", site.toString());
        assertThat(copy.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(copy.exitValue()).isZero();
        Path template = site.resolve("templates/notfound.jte");
        String source = Files.readString(template);
        assertThat(source).contains("<section class=\"not-found\">");
        Files.writeString(template, source.replace("<section class=\"not-found\">",
                "<section class=\"not-found\" data-made-by=\"the release's javac\">"));
        Path built = dir.resolve("built");
        Process build = run(dir.resolve("build.out"), "build", "--site", site.toString(), "--out", built.toString());
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as(Files.readString(dir.resolve("build.out.err"))).isZero();
        assertThat(Files.readString(built.resolve("404.html"))).contains("data-made-by=\"the release's javac\"");

        // build runs with C1 alone (the launcher says why); other commands do not
        Process flags = run(dir.resolve("flags.out"), List.of("ANSWERLINE_JAVA_OPTS=-XX:+PrintCommandLineFlags"),
                "build", "--help");
        assertThat(flags.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("flags.out"))).contains("-XX:TieredStopAtLevel=1");
        Process others = run(dir.resolve("others.out"), List.of("ANSWERLINE_JAVA_OPTS=-XX:+PrintCommandLineFlags"),
                "check", "--help");
        assertThat(others.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("others.out"))).doesNotContain("TieredStopAtLevel");
    }

    /**
     * deploy/README.md followed on this machine with a temporary folder standing for {@code /}: what changes the
     * machine itself (useradd, chown, systemctl) is left out, as is the user switch of {@code sudo -u answerline}.
     */
    @Test
    void followsTheDeployReadmeFromInstallToRestore() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        // what the machine has: the folders of the README's paths, the site, the downloaded tarball
        for (String folder : List.of("opt", "etc/systemd/system", "var/lib", "srv/answers")) {
            Files.createDirectories(root.resolve(folder));
        }
        TestSites.copyTree(home.resolve("demo"), root.resolve("srv/answers/site"));
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        Files.copy(Path.of(System.getProperty("answerline.tarball")), downloads.resolve(System.getProperty(
                "answerline.release") + ".tar.gz"));

        String version = System.getProperty("answerline.release").substring("answerline-".length());
        shell(root, downloads, DeployDocs.block("sh", "useradd").replaceFirst("(?m)^version=.*$", "version=" + version));
        assertThat(root.resolve("opt/answerline/bin/answerline")).isExecutable();
        assertThat(root.resolve("etc/systemd/system/answerline.service")).hasSameTextualContentAs(DeployDocs.UNIT);
        assertThat(root.resolve("etc/answerline/env")).isEmptyFile();

        // the owner writes the environment file; systemd makes the state folder and starts ExecStart with both
        Files.writeString(root.resolve("etc/answerline/env"), DeployDocs.block("ini", "# /etc/answerline/env"));
        Map<String, String> unit = DeployDocs.unit();
        Files.createDirectories(onMachine(root, "/var/lib/" + unit.get("StateDirectory")));
        Map<String, String> env = DeployDocs.environment(Files.readString(onMachine(root, unit.get("EnvironmentFile"))));
        List<String> execStart = new ArrayList<>(DeployDocs.words(onMachine(root.toString(), unit.get("ExecStart"))));
        execStart.addAll(List.of("--port", "0")); // 8080 may be taken on a machine that runs tests
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "-i", "PATH=" + dir.resolve("nowhere")));
        env.forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(execStart);
        Path out = dir.resolve("unit.out");
        Path backup = onMachine(root, "/var/backups/answerline/answerline-monday.db");
        Process serve = new ProcessBuilder(command).directory(onMachine(root, unit.get("WorkingDirectory")).toFile())
                .redirectOutput(out.toFile()).redirectError(Path.of(out + ".err").toFile()).start();
        try {
            URI uri = await("the Serving line in " + out).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200)).until(() -> serving(serve, out), u -> u != null);
            assertThat(Files.readString(out)).as("the admin password of the environment file").contains("Dashboard at ");
            assertThat(http.send(HttpRequest.newBuilder(uri.resolve(ANSWER)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

            // a backup while serving, and the export
            shell(root, downloads, DeployDocs.block("sh", "mkdir -p /var/backups/answerline"));
            assertThat(backup).isRegularFile();
            shell(root, downloads, DeployDocs.block("sh", "sudo -u answerline " + DeployDocs.LAUNCHER + " build"));
            assertThat(onMachine(root, "/var/lib/answerline/build").resolve(ANSWER.substring(1) + ".html")).isRegularFile();

            serve.destroy(); // systemctl stop: KillSignal=SIGTERM
            assertThat(serve.waitFor(Long.parseLong(unit.get("TimeoutStopSec")), TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).as("a stop is not a failure for Restart=on-failure").isZero();
        } finally {
            serve.destroyForcibly();
        }

        // restore: a stale WAL of the stopped database must not be applied to the copy
        Path database = onMachine(root, "/var/lib/answerline/answerline.db");
        Files.writeString(Path.of(database + "-wal"), "the stopped database's WAL");
        shell(root, downloads, DeployDocs.block("sh", "systemctl stop answerline"));
        assertThat(database).hasSameBinaryContentAs(backup);
        assertThat(Path.of(database + "-wal")).doesNotExist();
        shell(root, downloads, DeployDocs.block("sh", "sudo -u answerline " + DeployDocs.LAUNCHER + " subscribers export"));
        assertThat(Files.readString(dir.resolve("shell.out"))).startsWith("email,");
    }

    /** Runs a block of deploy/README.md in sh, its absolute paths moved under {@code root}. */
    private void shell(Path root, Path workingFolder, String block) throws Exception {
        StringBuilder script = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.matches("(useradd|chown|systemctl) .*")) {
                script.append(": left out: ").append(line.replace("'", "")).append('\n');
            } else {
                script.append(onMachine(root.toString(), line.replaceFirst("^sudo -u answerline ", ""))).append('\n');
            }
        }
        Process shell = new ProcessBuilder("sh", "-eu", "-c", script.toString()).directory(workingFolder.toFile())
                .redirectOutput(dir.resolve("shell.out").toFile()).redirectError(dir.resolve("shell.err").toFile())
                .start();
        assertThat(shell.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).as(script + "\n" + Files.readString(dir.resolve("shell.err"))).isZero();
    }

    private static String onMachine(String root, String text) {
        // /opt, /etc, /var and /srv as a whole word or a path's start, never only the start of a name
        return text.replaceAll("(?<=^|[\\s='])/(opt|etc|var|srv)(?=/|\\s|'|$)",
                Matcher.quoteReplacement(root) + "/$1");
    }

    private static Path onMachine(Path root, String path) {
        return Path.of(onMachine(root.toString(), path));
    }

    /** Runs the unpacked launcher with nothing in its environment but a PATH that leads nowhere. */
    private Process run(Path out, String... args) throws IOException {
        return run(out, List.of(), args);
    }

    /** The same, with {@code environment} ({@code NAME=value}) besides the PATH. */
    private Process run(Path out, List<String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "-i", "PATH=" + dir.resolve("nowhere")));
        command.addAll(environment);
        command.add(home.resolve("bin/answerline").toString());
        command.addAll(List.of(args));
        // the working folder is not the release's: the demo site is found through answerline.home
        return new ProcessBuilder(command).directory(Files.createDirectories(dir.resolve("work")).toFile())
                .redirectOutput(out.toFile()).redirectError(Path.of(out + ".err").toFile()).start();
    }

    private static URI serving(Process serve, Path out) throws IOException {
        Matcher m = SERVING.matcher(Files.readString(out, StandardCharsets.UTF_8));
        if (m.find()) {
            return URI.create(m.group(1));
        }
        if (!serve.isAlive()) {
            throw new AssertionError("serve ended with " + serve.exitValue() + ": "
                    + Files.readString(Path.of(out + ".err")));
        }
        return null;
    }

    private static String title(String html) {
        Matcher m = Pattern.compile("<title>(.*?)</title>").matcher(html);
        assertThat(m.find()).as("a title in the page").isTrue();
        return m.group(1);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
