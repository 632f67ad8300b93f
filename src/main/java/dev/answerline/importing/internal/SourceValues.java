package dev.answerline.importing.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How every reader takes a value from what a source offers: the first given, a date in any of its forms. */
final class SourceValues {
    private SourceValues() {}

    /** The first text that is not blank, stripped; null when none is. */
    static String firstOf(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }

    /**
     * The first of {@code texts} that is a date: {@code 2024-05-02}, with a time after it ({@code 2024-05-02
     * 08:30:00}, {@code 2024-05-02T09:00:00+02:00}) or as RSS writes them ({@code Mon, 03 Feb 2025 07:00:00
     * +0000}); null when none is. WordPress's {@code 0000-00-00} is none.
     */
    static LocalDate date(String... texts) {
        for (String text : texts) {
            if (text == null || text.length() < 10 || text.startsWith("0000")) {
                continue;
            }
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException e) {
                try {
                    return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
                } catch (DateTimeParseException again) {
                    // the next one
                }
            }
        }
        return null;
    }

    /** The path of an old address, or null when it has a query ({@code /?p=12}) or is not an address. */
    static String oldPath(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(link.strip());
            if (uri.getRawQuery() != null || uri.getPath() == null || uri.getPath().length() < 2) {
                return null;
            }
            return uri.getPath();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
