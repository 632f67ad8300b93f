package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.newsletter.internal.Outbox;
import dev.answerline.newsletter.internal.Subscribers;
import dev.answerline.store.Database;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists from other tools and our own exports come in without mailing anyone or undoing a choice. */
class SubscriberImportTest {
    private static final String MAILCHIMP = """
            Email Address,First Name,Status,OPTIN_TIME,CONFIRM_TIME
            ana@example.com,Ana,subscribed,2025-03-01 09:30:00,2025-03-01 09:31:00
            "bo@Example.COM",Bo,unsubscribed,2024-01-02 10:00:00,
            cy@example.com,Cy,pending,2025-04-04 08:00:00,
            """;

    @TempDir
    Path dir;

    @Test
    void aMailchimpListComesInConfirmedOrPendingWithItsSourceAndMailsNoOne() {
        try (Database db = Database.open(dir, null)) {
            ImportReport report = Newsletter.importCsv(db, new StringReader(MAILCHIMP), "mailchimp");

            assertThat(report).isEqualTo(new ImportReport(3, 0, 0, java.util.List.of()));
            Subscriber ana = subscribers(db).find("ana@example.com");
            assertThat(ana.status()).isEqualTo(Subscriber.Status.CONFIRMED);
            assertThat(ana.sourcePage()).isEqualTo("import:mailchimp");
            assertThat(ana.consentText()).isEqualTo("imported from mailchimp");
            assertThat(ana.confirmedAt()).isEqualTo(Instant.parse("2025-03-01T09:31:00Z"));
            assertThat(subscribers(db).find("bo@example.com").status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
            assertThat(subscribers(db).find("cy@example.com").status()).isEqualTo(Subscriber.Status.PENDING);
            assertThat(new Outbox(db).waiting()).as("no email on import").isZero();

            // twice changes nothing
            assertThat(Newsletter.importCsv(db, new StringReader(MAILCHIMP), "mailchimp"))
                    .isEqualTo(new ImportReport(0, 0, 3, java.util.List.of()));
        }
    }

    @Test
    void anUnsubscribedAddressStaysUnsubscribedAndAPendingOneMayBeConfirmed() {
        try (Database db = Database.open(dir, null)) {
            Newsletter.importCsv(db, new StringReader("email,status\nana@example.com,unsubscribed\n"
                    + "cy@example.com,pending\nbo@example.com,bounced\n"), "old");

            ImportReport report = Newsletter.importCsv(db, new StringReader("email,status\nana@example.com,subscribed\n"
                    + "cy@example.com,subscribed\nbo@example.com,active\n"), "substack");

            assertThat(report).isEqualTo(new ImportReport(0, 1, 2, java.util.List.of()));
            assertThat(subscribers(db).find("ana@example.com").status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
            assertThat(subscribers(db).find("bo@example.com").status()).isEqualTo(Subscriber.Status.BOUNCED);
            assertThat(subscribers(db).find("cy@example.com").status()).isEqualTo(Subscriber.Status.CONFIRMED);
            assertThat(subscribers(db).find("cy@example.com").sourcePage()).isEqualTo("import:substack");
        }
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheRestIsImported() {
        try (Database db = Database.open(dir, null)) {
            ImportReport report = Newsletter.importCsv(db, new StringReader("""
                    email,status,created_at
                    ok@example.com,enabled,2025-01-01T00:00:00Z
                    not-an-address,subscribed,
                    who@example.com,maybe,
                    when@example.com,subscribed,last tuesday
                    fine@example.com,blocklisted,
                    """), "listmonk");

            assertThat(report.added()).isEqualTo(2);
            assertThat(report.problems()).containsExactly(
                    "line 3: `not-an-address` is not an email address: it needs exactly one @ — left out",
                    "line 4: the status `maybe` is unknown; use subscribed, confirmed, pending, unsubscribed or bounced"
                            + " — left out",
                    "line 5: the date `last tuesday` is not one of 2026-05-01, 2026-05-01 10:00:00 (UTC) or"
                            + " 2026-05-01T10:00:00Z — left out");
        }
    }

    @Test
    void anExportImportedIntoAnEmptyDatabaseExportsTheSameRows() {
        StringBuilder first = new StringBuilder();
        try (Database db = Database.open(dir.resolve("a"), null)) {
            Newsletter.importCsv(db, new StringReader(MAILCHIMP), "mailchimp");
            Newsletter.importCsv(db, new StringReader("email,status,consent_text\n\"d@example.com\",subscribed,"
                    + "\"=1+1, \"\"quoted\"\"\"\n"), "csv");
            Newsletter.export(db, null, first);
        }
        StringBuilder second = new StringBuilder();
        try (Database db = Database.open(dir.resolve("b"), null)) {
            ImportReport report = Newsletter.importCsv(db, new StringReader(first.toString()), "backup");
            assertThat(report.added()).isEqualTo(4);
            Newsletter.export(db, null, second);
        }
        assertThat(second.toString()).isEqualTo(first.toString()).contains("\"imported from csv: =1+1, \"\"quoted\"\"\"");
    }

    @Test
    void aFileWithoutAnEmailColumnIsRefusedWithTheFix() {
        try (Database db = Database.open(dir, null)) {
            assertThatThrownBy(() -> Newsletter.importCsv(db, new StringReader("name,phone\nAna,123\n"), "x"))
                    .isInstanceOf(NewsletterException.class).hasMessageContaining("the file has no email column")
                    .hasMessageContaining("`Email Address`");
        }
    }

    private static Subscribers subscribers(Database db) {
        return new Subscribers(db, new Outbox(db), Clock.systemUTC());
    }
}
