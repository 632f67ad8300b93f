package dev.answerline.newsletter;

import dev.answerline.newsletter.internal.Deliveries;
import dev.answerline.newsletter.internal.Outbox;
import dev.answerline.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What is still to be mailed, as the database has it now (all nodes on it together): the outbox of signup
 * emails, and the issues being sent by {@code newsletter send}. Read for metrics, at each scrape.
 *
 * @param outbox messages waiting in the outbox (neither sent nor given up)
 * @param oldest how long the oldest of them has waited; zero when none waits
 * @param sending the issues queued and not finished, by slug
 */
public record Backlog(long outbox, Duration oldest, List<Sending> sending) {
    /**
     * An issue being sent.
     *
     * @param issue its slug, {@code newsletters/{slug}.md}
     * @param sent deliveries accepted by the mail server
     * @param pending deliveries still queued (including those waiting for a retry)
     */
    public record Sending(String issue, long sent, long pending) {}

    public Backlog {
        sending = List.copyOf(sending);
    }

    /**
     * Reads the backlog: two small queries.
     *
     * @throws dev.answerline.store.StoreException when the database does not answer
     */
    public static Backlog read(Database db, Clock clock) {
        long[] waiting = new Outbox(db).waitingSince();
        Duration oldest = waiting[1] < 0 ? Duration.ZERO
                : Duration.ofMillis(Math.max(0, clock.millis() - waiting[1]));
        return new Backlog(waiting[0], oldest, new Deliveries(db).unfinished());
    }
}
