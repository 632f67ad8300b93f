package dev.answerline.newsletter;

import dev.answerline.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which newsletter issues are sent: those with a row in {@code newsletter_issue}, which {@code newsletter send}
 * writes before the first email goes. From then on an issue's web version is published; before, it is
 * nowhere. {@code serve} reads them at start and then every few seconds ({@link #follow}), {@code build} once.
 */
public final class SentIssues implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("newsletter");
    /** How often serve looks for newly sent issues: a send is noticed within this time. */
    public static final Duration POLL = Duration.ofSeconds(5);

    private final ScheduledExecutorService timer;

    private SentIssues(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** The issues sent so far, by slug, with the time each was queued, oldest first. */
    public static Map<String, Instant> read(Database db) {
        return db.read(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT slug, queued_at FROM newsletter_issue ORDER BY queued_at, slug");
                    ResultSet rows = select.executeQuery()) {
                Map<String, Instant> sent = new LinkedHashMap<>();
                while (rows.next()) {
                    sent.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
                }
                return sent;
            }
        });
    }

    /**
     * Reads the sent issues every {@code every} on a thread of its own and tells {@code changed} when they are
     * not {@code known} any more. Close it to stop.
     */
    public static SentIssues follow(Database db, Map<String, Instant> known, Duration every,
            Consumer<Map<String, Instant>> changed) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "answerline-sent-issues");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Instant>[] last = new Map[] {Map.copyOf(known)};
        timer.scheduleWithFixedDelay(() -> {
            try {
                Map<String, Instant> now = read(db);
                if (!now.equals(last[0])) {
                    changed.accept(now);
                    // only once published: a render that failed is tried again next round
                    last[0] = Map.copyOf(now);
                }
            } catch (RuntimeException e) {
                // a database that is away for a moment: the next round tries again
                LOG.warn("could not publish the sent newsletter issues: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new SentIssues(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
