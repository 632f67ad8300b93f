package dev.answerline.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The log's two formats, as a person and a log shipper read them, and what they never show. */
class LogsTest {
    private static final Logger LOG = LoggerFactory.getLogger(LogsTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream saved;

    @BeforeEach
    void captureStandardError() {
        saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(saved);
        Logs.use(Logs.Format.TEXT);
    }

    private List<String> lines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void textLooksAsSlf4jSimpleWroteIt() {
        Logs.use(Logs.Format.TEXT);
        LOG.info("signup on {} refused ({}): {}", "/answers/x", 429, "too many signups from one client");
        LOG.warn("a warning");
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).matches("\\d\\d:\\d\\d:\\d\\d INFO LogsTest - signup on /answers/x refused \\(429\\):"
                + " too many signups from one client");
        assertThat(lines().get(1)).matches("\\d\\d:\\d\\d:\\d\\d WARN LogsTest - a warning");
    }

    @Test
    void jsonIsOneObjectALineWithTheEventsFields() throws Exception {
        Logs.use(Logs.Format.JSON);
        LOG.info("plain {}", "words");
        LOG.atInfo().addKeyValue("method", "GET").addKeyValue("status", 200).addKeyValue("ms", 3L)
                .log("GET / 200 3 ms");
        LOG.error("it failed: {}", "badly", new IllegalStateException("boom\nsecond line"));
        List<String> lines = lines();
        assertThat(lines).hasSize(3);
        JsonNode plain = JSON.readTree(lines.get(0));
        assertThat(plain.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(plain.get("level").asText()).isEqualTo("INFO");
        assertThat(plain.get("logger").asText()).isEqualTo(LogsTest.class.getName());
        assertThat(plain.get("message").asText()).isEqualTo("plain words");
        JsonNode fields = JSON.readTree(lines.get(1));
        assertThat(fields.get("method").asText()).isEqualTo("GET");
        assertThat(fields.get("status").isInt()).isTrue();
        assertThat(fields.get("status").asInt()).isEqualTo(200);
        assertThat(fields.get("ms").asLong()).isEqualTo(3);
        JsonNode failed = JSON.readTree(lines.get(2));
        assertThat(failed.get("level").asText()).isEqualTo("ERROR");
        assertThat(failed.get("message").asText()).isEqualTo("it failed: badly");
        assertThat(failed.get("error").asText()).startsWith("java.lang.IllegalStateException: boom\nsecond line");
    }

    @Test
    void anAddressIsMaskedWhereverItComesFromInBothFormats() throws Exception {
        for (Logs.Format format : Logs.Format.values()) {
            err.reset();
            Logs.use(format);
            LOG.warn("the email was not sent (550 5.1.1 <reader.one@example.com>: no such user); user {}",
                    "news+letters@mail.example.org");
            LOG.atInfo().addKeyValue("to", "o'brien@example.co.uk").log("sent");
            LOG.info("already masked: r***@example.com");
            String out = err.toString(StandardCharsets.UTF_8);
            assertThat(out).as(format.toString()).doesNotContain("reader.one@", "news+letters@", "o'brien@")
                    .contains("r***@example.com", "n***@mail.example.org");
            assertThat(out).contains("already masked: r***@example.com");
            if (format == Logs.Format.JSON) {
                assertThat(JSON.readTree(lines().get(1)).get("to").asText()).isEqualTo("o***@example.co.uk");
            }
        }
    }

    @Test
    void aTokenOrPasswordInAQueryIsMaskedWhoeverLogsIt() {
        for (Logs.Format format : Logs.Format.values()) {
            err.reset();
            Logs.use(format);
            LOG.warn("handling GET /newsletter/confirm?token=ufGwhPBp8k7baehwdnsROzzL51ftMDWpGj6uEBZ7CCw failed");
            LOG.warn("cannot open jdbc:postgresql://db/x?user=a&PASSWORD=hunter2&ssl=true");
            LOG.warn("POST /newsletter/unsubscribe;token=abc123 refused");
            assertThat(err.toString(StandardCharsets.UTF_8)).as(format.toString())
                    .doesNotContain("ufGwhPBp8k7", "hunter2", "abc123")
                    .contains("?token=*** failed", "&PASSWORD=***&ssl=true", ";token=*** refused");
        }
    }

    @Test
    void aLineBreakSentByAClientCannotStartAForgedLine() throws Exception {
        for (Logs.Format format : Logs.Format.values()) {
            err.reset();
            Logs.use(format);
            LOG.info("signup on {} ignored", "/x\n12:00:00 ERROR Server - forged\r\n");
            assertThat(lines()).as(format.toString()).hasSize(1);
            if (format == Logs.Format.JSON) {
                assertThat(JSON.readTree(lines().get(0)).get("message").asText()).contains("\n12:00:00 ERROR");
            } else {
                assertThat(lines().get(0)).endsWith("/x\\n12:00:00 ERROR Server - forged\\r\\n ignored");
            }
        }
    }

    @Test
    void levelsComeFromTheFileLongestNameFirst() {
        assertThat(LoggerFactory.getLogger("dev.answerline.cli.ServeCommand").isInfoEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("dev.answerline.cli.ServeCommand").isDebugEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.eclipse.jetty.server.Server").isInfoEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.eclipse.jetty.server.Server").isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("org.sqlite.SQLiteJDBCLoader").isErrorEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.sqlite.core.DB").isInfoEnabled()).isTrue();
    }

    @Test
    void formatsAreNamedAsTheOptionTakesThem() {
        assertThat(Logs.Format.named("json")).isEqualTo(Logs.Format.JSON);
        assertThat(Logs.Format.named("TEXT")).isEqualTo(Logs.Format.TEXT);
        assertThat(Logs.Format.named("xml")).isNull();
    }
}
