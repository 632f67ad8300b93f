package dev.answerline.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} attempts per key (a client address) in each fixed window of time. Kept in memory:
 * it protects this process, and forgets everything on restart. Thread-safe. Used by the routes that take
 * what anyone can send: newsletter signups, insight events.
 */
public final class RateLimiter {
    private static final int SWEEP_EVERY = 1024;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    private record Window(long start, AtomicInteger count) {}

    /** @param limit attempts allowed per window; 0 allows any number */
    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Whether {@code key} has used up its attempts: 0 when it may try, else the seconds until it may. Counts
     * nothing, for routes that count only failed attempts ({@link #acquire} after a failure) but refuse any
     * attempt, right or wrong, once too many have failed.
     */
    public long blocked(String key) {
        if (limit <= 0) {
            return 0;
        }
        long now = clock.millis();
        Window window = windows.get(key);
        if (window == null || window.start() + windowMillis <= now || window.count().get() < limit) {
            return 0;
        }
        return Math.max(1, (window.start() + windowMillis - now + 999) / 1000);
    }

    /** Counts an attempt; returns 0 when it is allowed, else the seconds until the key may try again. */
    public long acquire(String key) {
        if (limit <= 0) {
            return 0;
        }
        long now = clock.millis();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.values().removeIf(w -> w.start() + windowMillis <= now);
        }
        Window window = windows.compute(key, (k, w) -> w == null || w.start() + windowMillis <= now
                ? new Window(now, new AtomicInteger()) : w);
        if (window.count().incrementAndGet() <= limit) {
            return 0;
        }
        return Math.max(1, (window.start() + windowMillis - now + 999) / 1000);
    }
}
