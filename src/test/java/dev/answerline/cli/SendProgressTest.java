package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.MutableClock;
import dev.answerline.newsletter.IssueSender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress of a send: one line redrawn on a terminal, plain lines every few seconds in a log. */
class SendProgressTest {
    private final MutableClock clock = new MutableClock();
    private final StringWriter text = new StringWriter();

    @Test
    void aLogGetsAPlainLineEveryFewSeconds() {
        SendProgress progress = new SendProgress(new PrintWriter(text), false, clock);
        progress.accept(new IssueSender.Tally(0, 0, 0, 0, 100, -1));
        clock.advance(Duration.ofSeconds(2));
        progress.accept(new IssueSender.Tally(10, 0, 0, 0, 90, -1));
        clock.advance(Duration.ofSeconds(3));
        progress.accept(new IssueSender.Tally(25, 1, 1, 0, 73, -1));
        progress.finish(new IssueSender.Tally(25, 1, 1, 0, 73, -1));

        assertThat(text.toString()).isEqualTo("sent 25, failed 2, left 73, 5.0/s, 14 s to go\n"
                + "sent 25, failed 2, left 73, 5.0/s, 14 s to go\n").doesNotContain("\r", "\u001b");
    }

    @Test
    void aTerminalGetsOneLineRedrawn() {
        SendProgress progress = new SendProgress(new PrintWriter(text), true, clock);
        progress.accept(new IssueSender.Tally(0, 0, 0, 0, 7200, -1));
        clock.advance(Duration.ofSeconds(2));
        progress.accept(new IssueSender.Tally(10, 0, 0, 0, 7190, -1));
        progress.finish(new IssueSender.Tally(7200, 0, 0, 0, 0, -1));

        assertThat(text.toString()).startsWith("\rsent 0, failed 0, left 7200, 0.0/s")
                .contains("\rsent 10, failed 0, left 7190, 5.0/s, 23 min 58 s to go")
                .endsWith("\rsent 7200, failed 0, left 0, 3600.0/s                 \n");
    }
}
