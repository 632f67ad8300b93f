package dev.answerline.logging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * Writes one log line per event to standard error, as text or JSON, and knows each logger's level. Thread-safe:
 * a line is written with one call, so lines from several threads never interleave.
 */
public final class Lines {
    static final String LEVELS_FILE = "answerline-logging.properties";
    /** Below every level: a logger set to {@code off} writes nothing. */
    static final int OFF = Integer.MAX_VALUE;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    /**
     * An address written out: a mail server's refusal quotes the recipient, an SMTP user is often one. The
     * characters of a local part are those {@code EmailAddress} accepts; masking is idempotent
     * ({@code r***@x.org} stays as it is).
     */
    private static final Pattern EMAIL = Pattern.compile(
            "([A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*(@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

    /**
     * A secret in an address's query: the token of a confirmation or unsubscribe link, a password in a JDBC URL.
     * Our own lines never carry a query; Jetty's warnings about a request may.
     */
    private static final Pattern QUERY_SECRET = Pattern.compile("([?&;](?:token|password)=)[^&;\\s\"']+",
            Pattern.CASE_INSENSITIVE);

    private static volatile boolean json;
    /** Logger name prefix to level, longest first; "" is the default. */
    private static final Map<String, Integer> LEVELS = levels();

    private Lines() {}

    /** JSON from now on, or text. */
    public static void json(boolean on) {
        json = on;
    }

    static int level(String logger) {
        String name = logger;
        while (true) {
            Integer level = LEVELS.get(name);
            if (level != null) {
                return level;
            }
            int dot = name.lastIndexOf('.');
            if (name.isEmpty()) {
                return Level.INFO.toInt();
            }
            name = dot < 0 ? "" : name.substring(0, dot);
        }
    }

    private static Map<String, Integer> levels() {
        Map<String, Integer> levels = new TreeMap<>();
        Properties file = new Properties();
        try (InputStream in = Lines.class.getClassLoader().getResourceAsStream(LEVELS_FILE)) {
            if (in != null) {
                file.load(in);
            }
        } catch (IOException e) {
            // the defaults below: info for everything
        }
        for (String key : file.stringPropertyNames()) {
            if (key.equals("level") || key.startsWith("level.")) {
                levels.put(key.equals("level") ? "" : key.substring("level.".length()),
                        parse(file.getProperty(key).trim()));
            }
        }
        levels.putIfAbsent("", Level.INFO.toInt());
        return Map.copyOf(levels);
    }

    private static int parse(String level) {
        if (level.equalsIgnoreCase("off")) {
            return OFF;
        }
        try {
            return Level.valueOf(level.toUpperCase(Locale.ROOT)).toInt();
        } catch (IllegalArgumentException e) {
            return Level.INFO.toInt();
        }
    }

    /** Writes one event; {@code fields} may be empty, {@code failure} null. */
    static void write(Instant time, Level level, String logger, String message, List<KeyValuePair> fields,
            Throwable failure) {
        String line = json ? json(time, level, logger, mask(message), fields, failure)
                : text(time, level, logger, mask(message), failure);
        // System.err as it is now: tests and the preview swap it
        System.err.print(line);
        System.err.flush();
    }

    /** As slf4j-simple wrote it before: {@code 08:15:02 INFO Newsletter - message}. */
    private static String text(Instant time, Level level, String logger, String message, Throwable failure) {
        StringBuilder line = new StringBuilder(message.length() + 64);
        line.append(LocalTime.ofInstant(time, ZoneId.systemDefault()).format(CLOCK)).append(' ')
                .append(level.name()).append(' ').append(logger.substring(logger.lastIndexOf('.') + 1))
                .append(" - ");
        // a line break that came with a request (a form field, a path) must not start a forged line
        oneLine(message, line);
        // fields are for machines: the message says the same in words
        line.append(System.lineSeparator());
        if (failure != null) {
            line.append(mask(stackTrace(failure)));
        }
        return line.toString();
    }

    private static void oneLine(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 && c != '\t') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
    }

    private static String json(Instant time, Level level, String logger, String message, List<KeyValuePair> fields,
            Throwable failure) {
        StringBuilder line = new StringBuilder(message.length() + 128);
        // milliseconds, whichever clock stamped the event: lines sort and compare as text
        line.append("{\"time\":\"").append(time.truncatedTo(ChronoUnit.MILLIS)).append("\",\"level\":\"").append(level.name())
                .append("\",\"logger\":");
        quote(logger, line);
        line.append(",\"message\":");
        quote(message, line);
        for (KeyValuePair field : fields) {
            if (List.of("time", "level", "logger", "message", "error").contains(field.key)) {
                continue;
            }
            line.append(',');
            quote(field.key, line);
            line.append(':');
            if (field.value instanceof Number || field.value instanceof Boolean) {
                line.append(field.value);
            } else {
                quote(mask(String.valueOf(field.value)), line);
            }
        }
        if (failure != null) {
            line.append(",\"error\":");
            quote(mask(stackTrace(failure)), line);
        }
        return line.append("}\n").toString();
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /**
     * {@code reader@example.com} becomes {@code r***@example.com}, as {@code EmailAddress.masked()} writes it, and
     * {@code ?token=abc} becomes {@code ?token=***}.
     */
    static String mask(String text) {
        String masked = text;
        if (masked.indexOf('=') >= 0) {
            masked = QUERY_SECRET.matcher(masked).replaceAll("$1***");
        }
        if (masked.indexOf('@') >= 0) {
            masked = EMAIL.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "***" + m.group(2)));
        }
        return masked;
    }
}
