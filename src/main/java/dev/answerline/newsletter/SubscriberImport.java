package dev.answerline.newsletter;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.answerline.store.Database;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads subscribers from a CSV file: our own {@code subscribers export} (restored as it was, so that an
 * export imported into an empty database exports the same rows), or a list from another tool (Mailchimp,
 * Substack, listmonk, ...), whose consent record then says where it came from. Never sends an email.
 */
final class SubscriberImport {
    private static final List<String> EMAIL = List.of("email", "emailaddress", "email_address", "e-mail", "mail");
    private static final List<String> STATUS = List.of("status", "subscription_status", "subscriber_status");
    private static final List<String> SIGNED_UP = List.of("optin_time", "opt_in_time", "subscribed_at", "created_at",
            "signed_up_at", "created", "timestamp_opt");
    private static final List<String> CONFIRMED = List.of("confirm_time", "confirmed_at", "timestamp_confirm");
    private static final List<String> TEXT = List.of("consent_text", "consent", "optin_text");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private SubscriberImport() {}

    static ImportReport read(Database db, Reader csv, String source, long now) {
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.TRIM_SPACES).readerForListOf(String.class).readValues(csv)) {
            if (!it.hasNextValue()) {
                throw new NewsletterException("the file is empty", "give a CSV file with a header line, e.g. one"
                        + " written by `answerline subscribers export`");
            }
            List<String> header = it.nextValue();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_')
                        .replace("\uFEFF", ""), i);
            }
            if (column(columns, EMAIL) < 0) {
                throw new NewsletterException("the file has no email column (its header is " + header + ")",
                        "name the column of addresses `email` or `Email Address`");
            }
            boolean ours = columns.containsKey("source_page") && columns.containsKey("signed_up_at");
            while (it.hasNextValue()) {
                List<String> cells = it.nextValue();
                int line = it.getParser().currentTokenLocation().getLineNr();
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                try {
                    rows.add(ours ? ours(columns, cells) : foreign(columns, cells, source, now));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage() + " — left out");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof NewsletterException n) {
                throw n;
            }
            throw new NewsletterException("the file is not CSV that can be read: " + e.getMessage(),
                    "export it again from the other tool as CSV (comma-separated, UTF-8)", e);
        }
        int[] counts = db.write(c -> store(c, rows));
        return new ImportReport(counts[0], counts[1], rows.size() - counts[0] - counts[1], problems);
    }

    /** A subscriber as the file gives them; null times are unknown. */
    private record Row(String email, Subscriber.Status status, String sourcePage, String consentText, long signedUpAt,
            Long confirmedAt, Long unsubscribedAt) {}

    private static Row ours(Map<String, Integer> columns, List<String> cells) {
        String email = email(cell(columns, cells, "email"));
        Subscriber.Status status = Subscriber.Status.of(cell(columns, cells, "status"));
        return new Row(email, status, unquote(cell(columns, cells, "source_page")),
                unquote(cell(columns, cells, "consent_text")), time(cell(columns, cells, "signed_up_at"), 0L),
                time(cell(columns, cells, "confirmed_at"), null), time(cell(columns, cells, "unsubscribed_at"), null));
    }

    private static Row foreign(Map<String, Integer> columns, List<String> cells, String source, long now) {
        String email = email(cell(cells, column(columns, EMAIL)));
        Subscriber.Status status = status(cell(cells, column(columns, STATUS)));
        Long when = time(cell(cells, column(columns, SIGNED_UP)), null);
        Long confirmed = time(cell(cells, column(columns, CONFIRMED)), null);
        String text = cell(cells, column(columns, TEXT));
        long signedUp = when != null ? when : confirmed != null ? confirmed : now;
        return new Row(email, status, "import:" + source,
                "imported from " + source + (text.isEmpty() ? "" : ": " + text), signedUp,
                status == Subscriber.Status.CONFIRMED ? (confirmed != null ? confirmed : signedUp) : null,
                status == Subscriber.Status.UNSUBSCRIBED ? now : null);
    }

    /** Inserts new addresses; an existing one only leaves pending, never goes back. Returns added, changed. */
    private static int[] store(Connection c, List<Row> rows) throws SQLException {
        int added = 0;
        int changed = 0;
        for (Row row : rows) {
            String status = null;
            try (PreparedStatement select = c.prepareStatement("SELECT status FROM subscriber WHERE email = ?")) {
                select.setString(1, row.email());
                try (ResultSet found = select.executeQuery()) {
                    status = found.next() ? found.getString(1) : null;
                }
            }
            if (status == null) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO subscriber (email, status, source_page,"
                        + " consent_text, signed_up_at, confirmed_at, unsubscribed_at, updated_at, bounced_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, row.email());
                    insert.setString(2, row.status().code());
                    insert.setString(3, row.sourcePage());
                    insert.setString(4, row.consentText());
                    insert.setLong(5, row.signedUpAt());
                    insert.setObject(6, row.confirmedAt());
                    insert.setObject(7, row.unsubscribedAt());
                    insert.setLong(8, row.signedUpAt());
                    insert.setObject(9, row.status() == Subscriber.Status.BOUNCED ? row.signedUpAt() : null);
                    insert.executeUpdate();
                }
                added++;
            } else if (status.equals(Subscriber.Status.PENDING.code()) && row.status() != Subscriber.Status.PENDING) {
                // confirmed (or left) in the other tool: that settles a confirmation still open here
                try (PreparedStatement update = c.prepareStatement("UPDATE subscriber SET status = ?, source_page = ?,"
                        + " consent_text = ?, confirmed_at = ?, unsubscribed_at = ? WHERE email = ? AND status = ?")) {
                    update.setString(1, row.status().code());
                    update.setString(2, row.sourcePage());
                    update.setString(3, row.consentText());
                    update.setObject(4, row.confirmedAt());
                    update.setObject(5, row.unsubscribedAt());
                    update.setString(6, row.email());
                    update.setString(7, Subscriber.Status.PENDING.code());
                    changed += update.executeUpdate();
                }
            }
        }
        return new int[] {added, changed};
    }

    private static String email(String cell) {
        EmailAddress.Check check = EmailAddress.check(cell);
        if (!check.ok()) {
            throw new IllegalArgumentException("`" + cell + "` is not an email address: " + check.problem());
        }
        return check.address().value();
    }

    /** Other tools' words: Mailchimp's subscribed and cleaned, listmonk's enabled and blocklisted. */
    private static Subscriber.Status status(String cell) {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "confirmed", "subscribed", "active", "enabled", "true", "yes" -> Subscriber.Status.CONFIRMED;
            case "", "pending", "unconfirmed", "unverified" -> Subscriber.Status.PENDING;
            case "unsubscribed", "blocklisted", "blacklisted", "inactive", "false", "no" -> Subscriber.Status.UNSUBSCRIBED;
            case "bounced", "cleaned" -> Subscriber.Status.BOUNCED;
            default -> throw new IllegalArgumentException("the status `" + cell + "` is unknown; use subscribed,"
                    + " confirmed, pending, unsubscribed or bounced");
        };
    }

    private static Long time(String cell, Long none) {
        if (cell.isEmpty()) {
            return none;
        }
        try {
            if (cell.matches("\\d{10}")) {
                return Long.parseLong(cell) * 1000;
            }
            if (cell.matches("\\d{4}-\\d\\d-\\d\\d")) {
                return LocalDate.parse(cell).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (cell.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d(:\\d\\d)?")) {
                return LocalDateTime.parse(cell, SPACED).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (cell.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?")) {
                return LocalDateTime.parse(cell).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            if (cell.endsWith("Z")) {
                return Instant.parse(cell).toEpochMilli();
            }
            return OffsetDateTime.parse(cell).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the date `" + cell + "` is not one of 2026-05-01, 2026-05-01 10:00:00"
                    + " (UTC) or 2026-05-01T10:00:00Z");
        }
    }

    /** Undoes the apostrophe {@link SubscriberCsv} puts before what a spreadsheet would run. */
    private static String unquote(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static int column(Map<String, Integer> columns, List<String> names) {
        for (String name : names) {
            Integer i = columns.get(name);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(Map<String, Integer> columns, List<String> cells, String name) {
        return cell(cells, columns.getOrDefault(name, -1));
    }

    private static String cell(List<String> cells, int i) {
        return i < 0 || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).strip();
    }
}
