package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.answerline.TestSites;
import dev.answerline.newsletter.Newsletter;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsletter send} and {@code subscribers import} as real processes: the docs' commands, SIGKILL, no SMTP. */
class NewsletterCommandTest {
    private static final String SLUG = "2026-06-spring";
    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private Path site;
    private Path data;

    @BeforeEach
    void site() throws IOException {
        site = TestSites.copy("small", dir.resolve("site"));
        Files.createDirectories(site.resolve("newsletters"));
        Files.writeString(site.resolve("newsletters").resolve(SLUG + ".md"), "---\nsubject: Spring rolling\n---\nStretch.\n");
        data = dir.resolve("data");
    }

    @Test
    void theCommandsOfTheSendingPageWork() throws Exception {
        Files.writeString(dir.resolve("mailchimp.csv"), "Email Address,Status,OPTIN_TIME\n"
                + "ana@example.com,subscribed,2025-03-01 09:30:00\nbo@example.com,subscribed,\n"
                + "cy@example.com,pending,\n");
        List<String> lines = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(Path.of("docs/newsletter-sending.md")));
        while (block.find()) {
            Arrays.stream(block.group(1).split("\n")).filter(l -> l.startsWith("bin/answerline ")).forEach(lines::add);
        }
        // the list comes in before anything is sent to it
        lines.sort((a, b) -> Boolean.compare(!a.contains(" import "), !b.contains(" import ")));
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            List<String> args = new ArrayList<>(List.of(line.substring("bin/answerline ".length()).split(" ")));
            if (args.get(0).equals("newsletter")) {
                args.addAll(List.of("--site", site.toString()));
            }
            args.addAll(List.of("--data", data.toString()));
            assertThat(run(smtp(), args)).as(line + "; see " + dir.resolve("run.log")).isZero();
        }
        Map<String, Long> received = recipients(MAIL.getReceivedMessages());
        assertThat(received).containsOnly(Map.entry("editor@northroll.example", 1L), Map.entry("ana@example.com", 1L),
                Map.entry("bo@example.com", 1L));
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(NewsletterCommandTest::subject))
                .containsExactlyInAnyOrder("[Test] Spring rolling", "Spring rolling", "Spring rolling");
        String log = Files.readString(dir.resolve("run.log"));
        assertThat(log).contains("Done: 2 sent, 0 bounced, 0 failed, 0 skipped").doesNotContain("\r", "\u001b");
    }

    @Test
    void aSendKilledWithSigkillAndRunAgainSendsOnlyWhatWasNotSent() throws Exception {
        String csv = readers(300);
        try (Database db = Database.open(data, null)) {
            Newsletter.importCsv(db, new StringReader(csv), "test");
        }
        Process first = start(smtp(), List.of("newsletter", "send", SLUG, "--site", site.toString(), "--data",
                data.toString(), "--rate", "40/s"), "killed.log");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> MAIL.getReceivedMessages().length >= 50);
        } finally {
            first.destroyForcibly(); // SIGKILL: nothing runs on the way out
            first.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(MAIL.getReceivedMessages().length).isLessThan(300);
        try (Database db = Database.open(data, null)) {
            // two minutes later: the dead sender's claims have expired
            db.write(c -> {
                try (Statement sql = c.createStatement()) {
                    return sql.executeUpdate("UPDATE delivery SET claimed_until = 0 WHERE claimed_until IS NOT NULL");
                }
            });
        }

        assertThat(run(smtp(), List.of("newsletter", "send", SLUG, "--site", site.toString(), "--data", data.toString(),
                "--rate", "1000/s"))).as("see " + dir.resolve("run.log")).isZero();

        Map<String, Long> received = recipients(MAIL.getReceivedMessages());
        assertThat(received).hasSize(300);
        assertThat(received.values().stream().filter(n -> n > 1).count()).as("sent twice").isLessThanOrEqualTo(1);
        assertThat(received.values().stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(301);
    }

    @Test
    void aSendStoppedWithSigtermRecordsWhatWentOutAndTheNextRunSendsTheRestToEachPersonOnce() throws Exception {
        String csv = readers(300);
        try (Database db = Database.open(data, null)) {
            Newsletter.importCsv(db, new StringReader(csv), "test");
        }
        Process first = start(smtp(), List.of("newsletter", "send", SLUG, "--site", site.toString(), "--data",
                data.toString(), "--rate", "40/s"), "stopped.log");
        await().atMost(Duration.ofSeconds(60)).until(() -> MAIL.getReceivedMessages().length >= 50);
        first.destroy(); // SIGTERM, as a service manager or Ctrl+C stops it
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("stopped.log"));
        assertThat(first.exitValue()).as(log).isZero();
        Matcher stopped = Pattern.compile("Stopped: (\\d+) sent, (\\d+) left").matcher(log);
        assertThat(stopped.find()).as(log).isTrue();
        // what it says it sent is what arrived: the message in hand was finished and recorded
        assertThat(MAIL.getReceivedMessages().length).isEqualTo(Integer.parseInt(stopped.group(1)));
        assertThat(Integer.parseInt(stopped.group(1)) + Integer.parseInt(stopped.group(2))).isEqualTo(300);

        // no claim to wait for: the stopped sender gave back what it held
        assertThat(run(smtp(), List.of("newsletter", "send", SLUG, "--site", site.toString(), "--data", data.toString(),
                "--rate", "1000/s"))).as("see " + dir.resolve("run.log")).isZero();
        assertThat(recipients(MAIL.getReceivedMessages())).hasSize(300).allSatisfy((to, n) -> assertThat(n).as(to)
                .isEqualTo(1L));
    }

    @Test
    void twoSendProcessesOnOnePostgresqlShareTheWorkAndMailEachPersonOnce() throws Exception {
        String schema = "t_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestDatabases.POSTGRES);
                Statement sql = c.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") == null,
                    "CI must test PostgreSQL: " + e.getMessage());
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "skipped: no PostgreSQL: " + e.getMessage());
        }
        String url = TestDatabases.POSTGRES + "?currentSchema=" + schema;
        try {
            String csv = readers(400);
            try (Database db = Database.open(null, url)) {
                Newsletter.importCsv(db, new StringReader(csv), "test");
            }
            List<String> send = List.of("newsletter", "send", SLUG, "--site", site.toString(), "--db", url, "--rate",
                    "40/s"); // slow enough that neither is done before the other starts
            Process one = start(smtp(), send, "one.log");
            Process two = start(smtp(), send, "two.log");
            for (Process p : List.of(one, two)) {
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as("see " + dir.resolve("one.log") + " and two.log").isZero();
            }

            Map<String, Long> received = recipients(MAIL.getReceivedMessages());
            assertThat(received).hasSize(400).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1L));
            // both processes sent some: the work was shared, not done twice or by one alone
            assertThat(Files.readString(dir.resolve("one.log"))).containsPattern("Done: [1-9][0-9]* sent");
            assertThat(Files.readString(dir.resolve("two.log"))).containsPattern("Done: [1-9][0-9]* sent");
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestDatabases.POSTGRES);
                    Statement sql = c.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void withoutAnSmtpServerItRefusesAndSaysWhatToSet() throws Exception {
        assertThat(run(Map.of(), List.of("newsletter", "send", SLUG, "--site", site.toString(), "--data",
                data.toString()))).isEqualTo(Main.FAILURE);
        assertThat(Files.readString(dir.resolve("run.log")))
                .contains("answerline: no SMTP server is set, and an issue goes out only through one — set"
                        + " ANSWERLINE_SMTP_HOST")
                .doesNotContain("Exception", "\tat ");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    /** A list of {@code n} subscribed readers, reader0@example.com and on, as our own export writes it. */
    private static String readers(int n) {
        StringBuilder csv = new StringBuilder("email,status\n");
        for (int i = 0; i < n; i++) {
            csv.append("reader").append(i).append("@example.com,subscribed\n");
        }
        return csv.toString();
    }

    private static Map<String, String> smtp() {
        return Map.of("ANSWERLINE_SMTP_HOST", "127.0.0.1", "ANSWERLINE_SMTP_PORT",
                String.valueOf(MAIL.getSmtp().getPort()), "ANSWERLINE_SMTP_SECURITY", "none");
    }

    private int run(Map<String, String> env, List<String> args) throws Exception {
        Process process = start(env, args, "run.log");
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("answerline " + args + " did not end; see " + dir.resolve("run.log"));
        }
        return process.exitValue();
    }

    private Process start(Map<String, String> env, List<String> args, String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.answerline.cli.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("ANSWERLINE_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Map<String, Long> recipients(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
