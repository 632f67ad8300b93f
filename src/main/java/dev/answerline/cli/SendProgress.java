package dev.answerline.cli;

import dev.answerline.newsletter.IssueSender;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The progress of {@code newsletter send}: sent, failed, left, rate and time to go. On a terminal one line
 * is redrawn in place; into a log (no terminal) a plain line is written every few seconds, so that a log
 * holds no carriage returns or escape codes.
 */
final class SendProgress implements Consumer<IssueSender.Tally> {
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final boolean terminal;
    private final Clock clock;
    private final long started;
    private long sentAtStart = -1;
    private long lastLine;
    private int width;

    SendProgress(PrintWriter out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.started = clock.millis();
        this.lastLine = started;
    }

    @Override
    public void accept(IssueSender.Tally tally) {
        if (sentAtStart < 0) {
            sentAtStart = tally.sent();
        }
        long now = clock.millis();
        String line = line(tally, now);
        if (terminal) {
            // pad over the rest of a longer previous line
            out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else if (now - lastLine >= LOG_EVERY.toMillis()) {
            out.println(line);
            lastLine = now;
        }
        out.flush();
    }

    /** Ends the progress: the last state on a line of its own. */
    void finish(IssueSender.Tally tally) {
        String line = line(tally, clock.millis());
        out.println(terminal ? "\r" + line + " ".repeat(Math.max(0, width - line.length())) : line);
        out.flush();
    }

    String line(IssueSender.Tally tally, long now) {
        double seconds = Math.max(now - started, 1) / 1000.0;
        double rate = (tally.sent() - Math.max(sentAtStart, 0)) / seconds;
        StringBuilder line = new StringBuilder().append("sent ").append(tally.sent()).append(", failed ")
                .append(tally.failed() + tally.bounced()).append(", left ").append(tally.left())
                .append(String.format(java.util.Locale.ROOT, ", %.1f/s", rate));
        if (tally.left() > 0 && tally.nextRetryAt() > 0 && rate == 0) {
            line.append(", waiting for retries at ").append(HOUR.format(Instant.ofEpochMilli(tally.nextRetryAt())));
        } else if (tally.left() > 0 && rate > 0) {
            line.append(", ").append(duration((long) (tally.left() / rate))).append(" to go");
        }
        return line.toString();
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
