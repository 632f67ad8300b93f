package dev.answerline.newsletter.internal;

import dev.answerline.newsletter.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is in the outbox, on its own thread, so that no request waits for a mail server. Woken at
 * once when a request queues a message, and every few seconds anyway for retries and for messages other
 * app nodes queued. A failed send is retried with back-off; nothing is lost when the process stops, since
 * the outbox is in the database.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("newsletter");
    private static final int BATCH = 20;
    /** Long enough for one message to an SMTP server that answers slowly; serve's own stop waits longer. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final Mailer mailer;
    private final Clock clock;
    private final Duration poll;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxWorker(Outbox outbox, Mailer mailer, Clock clock, Duration poll) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
        this.poll = poll;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "answerline-outbox");
        // the process may stop at any time: the outbox is durable, and a claimed message is retried later
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the sender to look at the outbox now. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                long claimedAt = clock.millis();
                List<Outbox.Message> due = outbox.claimDue(claimedAt, BATCH);
                List<String> sent = new ArrayList<>();
                List<String> left = new ArrayList<>();
                for (int i = 0; i < due.size(); i++) {
                    Outbox.Message message = due.get(i);
                    // a stop lets the message in hand finish, and hands the rest to another sender at once
                    if (!running) {
                        left.add(message.id());
                        continue;
                    }
                    long now = clock.millis();
                    if (now - claimedAt > Outbox.CLAIM.toMillis() / 2) {
                        outbox.extend(due.subList(i, due.size()).stream().map(Outbox.Message::id).toList(), now);
                        claimedAt = now;
                    }
                    if (send(message)) {
                        sent.add(message.id());
                    }
                }
                // one transaction for the batch; a crash before it means those few are sent again, not lost
                outbox.sent(sent, clock.millis());
                outbox.release(left);
                if (due.size() < BATCH) {
                    wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return; // the database closed under a stopping sender: nothing is lost, the rest waits
                }
                LOG.warn("the outbox cannot be read ({}); trying again in {} s", e.getMessage(), poll.toSeconds());
                sleep();
            }
        }
    }

    /** Sends one message; true when it was accepted, else it is scheduled again. */
    private boolean send(Outbox.Message message) {
        String to = new EmailAddress(message.recipient()).masked();
        try {
            mailer.send(message.mime());
            LOG.info("sent the {} email to {}", message.kind(), to);
            return true;
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            boolean gaveUp = outbox.failed(message, clock.millis(), error);
            if (gaveUp) {
                LOG.error("gave up on the {} email to {} after {} attempts: {} — check the SMTP settings; outbox id {}",
                        message.kind(), to, Outbox.MAX_ATTEMPTS, error, message.id());
            } else {
                LOG.warn("the {} email to {} was not sent ({}); trying again in {}", message.kind(), to, error,
                        Outbox.retryDelay(message.attempts() + 1));
            }
            return false;
        }
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Stops the sender: the message in hand is finished and marked sent, the rest of its batch is given
     * back. A sender stuck on a mail server for longer than {@code STOP_WAIT} is interrupted; its message is
     * then sent again later, by this node or another.
     */
    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        running = false;
        wake.release();
        try {
            thread.join(STOP_WAIT.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
