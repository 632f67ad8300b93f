package dev.answerline.logging;

import dev.answerline.logging.internal.Lines;
import java.util.Locale;

/**
 * How Answerline's log lines look. Every line is one event on standard error: {@link Format#TEXT}
 * ({@code 08:15:02 INFO Newsletter - signup from r***@example.com on /answers/x: pending}) for people, or
 * {@link Format#JSON} (one object a line: {@code time}, {@code level}, {@code logger}, {@code message}, and
 * the event's own fields) for log shippers.
 *
 * <pre>{@code
 * Logs.use(Logs.Format.JSON);   // from now on, in the whole process
 * }</pre>
 *
 * <p>Whatever the format, a line never shows an email address in full: one that reaches a message (say, in a
 * mail server's refusal) is masked like {@code r***@example.com}. Levels per logger are set in
 * {@code answerline-logging.properties} on the class path. Thread-safe.
 */
public final class Logs {
    /** What a log line looks like. */
    public enum Format {
        /** {@code HH:mm:ss LEVEL Logger - message}, as it always was. */
        TEXT,
        /** One JSON object a line. */
        JSON;

        /**
         * The format called {@code name} ({@code text} or {@code json}, any case), or null for another name.
         */
        public static Format named(String name) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name)) {
                    return format;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Logs() {}

    /** Writes every log line of this process in {@code format} from now on. */
    public static void use(Format format) {
        Lines.json(format == Format.JSON);
    }
}
