package dev.answerline.newsletter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Subscribers as CSV (RFC 4180). A cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so that an address or a page
 * chosen by a stranger cannot run anything on the brand's computer.
 */
final class SubscriberCsv {
    private final Appendable out;

    SubscriberCsv(Appendable out) {
        this.out = out;
    }

    void header() {
        line(List.of("email", "status", "source_page", "signed_up_at", "confirmed_at", "unsubscribed_at",
                "consent_text"));
    }

    void row(Subscriber s) {
        line(List.of(s.email(), s.status().code(), s.sourcePage(), time(s.signedUpAt()), time(s.confirmedAt()),
                time(s.unsubscribedAt()), s.consentText()));
    }

    private void line(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
