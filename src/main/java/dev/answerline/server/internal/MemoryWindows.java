package dev.answerline.server.internal;

import dev.answerline.server.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link RateLimiter#inMemory}: fixed windows per key in a map, swept of old windows now and then. */
public final class MemoryWindows implements RateLimiter {
    private static final int SWEEP_EVERY = 1024;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    private record Window(long start, AtomicInteger count) {}

    public MemoryWindows(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    @Override
    public long blocked(String key) {
        if (limit <= 0) {
            return 0;
        }
        long now = clock.millis();
        Window window = windows.get(key);
        if (window == null || window.start() + windowMillis <= now || window.count().get() < limit) {
            return 0;
        }
        return RateLimiter.secondsLeft(window.start(), windowMillis, now);
    }

    @Override
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
        return RateLimiter.secondsLeft(window.start(), windowMillis, now);
    }
}
