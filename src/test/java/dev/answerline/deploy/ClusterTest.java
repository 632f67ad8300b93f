package dev.answerline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.answerline.TestSites;
import dev.answerline.export.Nginx;
import dev.answerline.newsletter.Newsletter;
import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment of the README and deploy/: PostgreSQL, two {@code serve} nodes and a real nginx in front,
 * configured with {@code deploy/nginx.conf} itself (only the addresses replaced). Every check goes through
 * nginx, from clients with addresses of their own (127.0.0.x), as readers would; the nodes are stopped,
 * killed and restarted under load. The steps build on each other and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    private static final Path CONF = Path.of("deploy/nginx.conf");
    private static final String PASSWORD = "correct horse battery staple";
    private static final String ANSWER = "/answers/can-you-roll-every-day";
    private static final Pattern CONFIRM = Pattern.compile("/newsletter/confirm\\?token=([A-Za-z0-9_-]{43})");

    private Path dir;

    private String schema;
    private String url;
    private GreenMail mail;
    private Node one;
    private Node two;
    private Nginx nginx;
    private Wire wire;

    @BeforeAll
    void cluster(@TempDir Path dir) throws Exception {
        this.dir = dir;
        Nginx.assumeInstalled();
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES); Statement sql = c.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI must test several nodes on PostgreSQL: " + e.getMessage(), e);
            }
            Assumptions.assumeTrue(false, "skipped: no PostgreSQL at " + TestDatabases.POSTGRES);
        }
        url = TestDatabases.POSTGRES + "?currentSchema=" + schema;
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Path site = TestSites.copy("small", dir.resolve("site"));
        Path config = site.resolve("site.yaml");
        // the figure shows from the first subscriber, so that a few signups change it
        Files.writeString(config, Files.readString(config).replace("newsletter:\n", "newsletter:\n  min_count_shown: 1\n"));
        Map<String, String> env = Map.of("ANSWERLINE_SMTP_HOST", "127.0.0.1", "ANSWERLINE_SMTP_PORT",
                String.valueOf(mail.getSmtp().getPort()), "ANSWERLINE_SMTP_SECURITY", "none",
                "ANSWERLINE_ADMIN_PASSWORD", PASSWORD);
        Function<String, List<String>> args = name -> List.of("--site", site.toString(), "--data",
                dir.resolve(name).toString(), "--db", url, "--behind-proxy", "--signup-limit", "8/10m");
        one = Node.start("one", dir, args.apply("one"), env);
        two = Node.start("two", dir, args.apply("two"), env);
        String conf = Files.readString(CONF);
        assertThat(conf).contains("server 10.0.0.11:8080 ", "server 10.0.0.12:8080 ", "listen 80;");
        Path work = Files.createDirectories(dir.resolve("nginx"));
        nginx = Nginx.startHttp(work, port -> conf.replace("server 10.0.0.11:8080 ", "server 127.0.0.1:" + one.port() + " ")
                .replace("server 10.0.0.12:8080 ", "server 127.0.0.1:" + two.port() + " ")
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";"));
        wire = new Wire(nginx.uri("/").getPort());
    }

    @AfterAll
    void stop() throws SQLException {
        for (AutoCloseable part : Arrays.asList(nginx, one, two)) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // the others still stop
            }
        }
        if (mail != null) {
            mail.stop();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES); Statement sql = c.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    @Order(0)
    void theReadmeShowsTheNginxConfigurationTheTestRuns() throws IOException {
        String conf = Files.readString(CONF);
        assertThat(Files.readString(Path.of("README.md"))).contains("```nginx\n" + conf + "```");
        assertThat(Files.readString(Path.of("deploy/README.md"))).contains("deploy/nginx.conf");
    }

    @Test
    @Order(1)
    void signupsOnEitherNodeAreOneListAndEachGetsOneEmail() throws MessagingException {
        for (int i = 0; i < 12; i++) {
            Wire.Answer answer = wire.subscribe("127.0.0." + (10 + i), "reader" + i + "@example.com");
            assertThat(answer.status()).as("signup %d: %s", i, answer.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.getReceivedMessages().length >= 12);
        assertThat(recipients()).hasSize(12).allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
        // nginx took turns: both nodes signed readers up, on one list
        assertThat(one.log()).contains("signup from");
        assertThat(two.log()).contains("signup from");
        assertThat(countWhere("SELECT COUNT(*) FROM subscriber")).isEqualTo(12);
    }

    @Test
    @Order(2)
    void theSignupLimitIsOneForAllNodesPerClientAddressNginxPassesOn() {
        for (int i = 0; i < 8; i++) {
            assertThat(wire.subscribe("127.0.0.50", "limited" + i + "@example.com").status()).as("signup %d", i)
                    .isEqualTo(200);
        }
        // four more, so both nodes answer at least one; a forged header changes nothing, nginx appends the truth
        for (int i = 0; i < 4; i++) {
            Wire.Answer answer = wire.subscribe("127.0.0.50", "over" + i + "@example.com", "X-Forwarded-For",
                    "203.0.113." + i);
            assertThat(answer.status()).as("signup %d over the limit", 9 + i).isEqualTo(429);
            assertThat(answer.headers()).containsKey("retry-after");
        }
        assertThat(wire.subscribe("127.0.0.51", "neighbour@example.com").status()).isEqualTo(200);
        // no client address is stored, only a keyed hash of it
        assertThat(countWhere("SELECT COUNT(*) FROM rate_window WHERE client LIKE '127.%'")).isZero();
        assertThat(countWhere("SELECT attempts FROM rate_window ORDER BY attempts DESC LIMIT 1")).isEqualTo(12);
    }

    @Test
    @Order(3)
    void theSubscriberFigureIsTheSameOnEveryNodeWithinSeconds() throws Exception {
        MimeMessage[] received = mail.getReceivedMessages();
        for (int i = 0; i < 7; i++) {
            Matcher link = CONFIRM.matcher(plainText(received[i]));
            assertThat(link.find()).as("a confirmation link in email %d", i).isTrue();
            Wire.Answer confirmed = wire.post("127.0.0." + (10 + i), "/newsletter/confirm",
                    Map.of("token", link.group(1)));
            assertThat(confirmed.status()).as("confirmation %d: %s", i, confirmed.body()).isEqualTo(200);
        }
        try (Database db = Database.open(null, url)) {
            StringBuilder csv = new StringBuilder("email,status\n");
            for (int i = 0; i < 23; i++) {
                csv.append("imported").append(i).append("@example.com,subscribed\n");
            }
            Newsletter.importCsv(db, new StringReader(csv.toString()), "test");
        }
        // 7 confirmed on either node, 23 written by another program: 30 on every page of every node
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(one.get(ANSWER)).contains("<strong>30+</strong>");
            assertThat(two.get(ANSWER)).contains("<strong>30+</strong>");
        });
    }

    @Test
    @Order(4)
    void viewsAreCountedOnceAndSummedAcrossNodesWithOneSaltForTheDay() {
        String page = "/answers/how-long-should-you-roll";
        for (int i = 0; i < 10; i++) {
            assertThat(wire.get("127.0.0.70", page).status()).isEqualTo(200);
        }
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        // one reader on both nodes: ten views, one visitor, since both nodes hash with the day's one salt
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(countWhere("SELECT views FROM insight_day WHERE day = '" + day + "' AND path = '" + page + "'"))
                    .isEqualTo(10);
            assertThat(countWhere("SELECT visitors FROM insight_day WHERE day = '" + day + "' AND path = '" + page
                    + "'")).isEqualTo(1);
        });
    }

    @Test
    @Order(5)
    void anAdminSessionMadeOnOneNodeIsValidOnTheOther() {
        Wire.Answer login = wire.post("127.0.0.80", "/admin/login", Map.of("password", PASSWORD));
        assertThat(login.headers()).as("login answered %d: %s", login.status(), login.body()).containsKey("set-cookie");
        String cookie = login.headers().get("set-cookie").split(";")[0];
        for (int i = 0; i < 4; i++) {
            Wire.Answer dashboard = wire.get("127.0.0.80", "/admin/", "Cookie", cookie);
            assertThat(dashboard.status()).as("dashboard %d", i).isEqualTo(200);
            assertThat(dashboard.body()).contains("Log out");
        }
    }

    @Test
    @Order(6)
    void aNodeKilledWhileSignupsStreamInLosesNothingAcknowledged() throws Exception {
        int before = mail.getReceivedMessages().length;
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> streams = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            streams.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < 120; i = next.getAndIncrement()) {
                    String email = "stream" + i + "@example.com";
                    Wire.Answer answer = wire.subscribe("127.0.1." + (i + 1), email);
                    if (answer.ok()) {
                        acknowledged.add(email);
                    } else {
                        refused.put(email, answer.status());
                    }
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 30);
        one.kill();
        for (Future<?> stream : streams) {
            stream.get(120, TimeUnit.SECONDS);
        }
        clients.shutdown();
        // nginx sent what the dead node did not answer to the live one
        assertThat(refused).as("signups not acknowledged").isEmpty();
        assertThat(acknowledged).hasSize(120);
        Set<String> stored = new HashSet<>(emails("SELECT email FROM subscriber WHERE email LIKE 'stream%'"));
        assertThat(stored).containsAll(acknowledged);
        // the live node sends what the dead one queued: at once if it was waiting, after the dead one's
        // claim expires if it was in its hands
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(recipients().keySet()).containsAll(acknowledged));
        Map<String, Integer> sent = recipients();
        long twice = acknowledged.stream().filter(to -> sent.get(to) > 1).count();
        // a message sent and not yet marked sent when the node died goes again; at most the batch in hand
        assertThat(twice).as("sent twice").isLessThanOrEqualTo(20);
        assertThat(mail.getReceivedMessages().length - before).isLessThanOrEqualTo(120 + 20);
        one.start();
    }

    @Test
    @Order(7)
    void aRollingRestartUnderLoadLosesNoRequest() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger signups = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(load.submit(() -> {
                while (running.get()) {
                    for (String path : List.of(ANSWER, "/", "/answers/how-long-should-you-roll", "/search?q=roll")) {
                        Wire.Answer answer = wire.get("127.0.0.90", path);
                        if (answer.ok()) {
                            answered.incrementAndGet();
                        } else {
                            failures.add("GET " + path + ": " + answer.status() + " " + shorten(answer.body()));
                        }
                    }
                }
                return null;
            }));
        }
        workers.add(load.submit(() -> {
            for (int i = 1; running.get() && i < 250; i++) {
                Wire.Answer answer = wire.subscribe("127.0.2." + i, "rolling" + i + "@example.com");
                if (answer.ok()) {
                    signups.incrementAndGet();
                } else {
                    failures.add("signup " + i + ": " + answer.status() + " " + shorten(answer.body()));
                }
            }
            return null;
        }));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> answered.get() >= 100);
            for (Node node : List.of(one, two)) {
                int before = answered.get();
                assertThat(node.stop()).as("exit status after SIGTERM").isZero();
                node.start();
                assertThat(answered.get()).as("the other node carried the load meanwhile").isGreaterThan(before + 50);
                // as deploy/README.md says: the next node only once nginx takes this one back (its fail_timeout)
                int restarted = answered.get();
                await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30))
                        .until(() -> answered.get() >= restarted + 200);
            }
        } finally {
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            load.shutdown();
        }
        assertThat(failures).as("requests that failed during the rolling restart").isEmpty();
        assertThat(signups.get()).isPositive();
        assertThat(one.log() + two.log()).doesNotContain("\tat ", "Exception");
    }

    /** The decoded text/plain part of an email: its links are quoted-printable on the wire. */
    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(plainText(multipart.getBodyPart(i)));
            }
        }
        return text.toString();
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private Map<String, Integer> recipients() throws MessagingException {
        Map<String, Integer> count = new java.util.HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (jakarta.mail.Address to : message.getRecipients(Message.RecipientType.TO)) {
                count.merge(((jakarta.mail.internet.InternetAddress) to).getAddress(), 1, Integer::sum);
            }
        }
        return count;
    }

    private long countWhere(String sql) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement select = c.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private List<String> emails(String sql) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement select = c.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
