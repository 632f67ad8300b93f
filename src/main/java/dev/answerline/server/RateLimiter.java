package dev.answerline.server;

import dev.answerline.server.internal.MemoryWindows;
import java.time.Clock;
import java.time.Duration;

/**
 * At most a number of attempts per key (a client address) in each fixed window of time. Used by the routes
 * that take what anyone can send: newsletter signups, insight events, the dashboard's login.
 * Implementations are thread-safe.
 */
public interface RateLimiter {
    /** Counts an attempt; returns 0 when it is allowed, else the seconds until the key may try again. */
    long acquire(String key);

    /**
     * Whether {@code key} has used up its attempts: 0 when it may try, else the seconds until it may. Counts
     * nothing, for routes that count only failed attempts ({@link #acquire} after a failure) but refuse any
     * attempt, right or wrong, once too many have failed.
     */
    long blocked(String key);

    /** Whole seconds, at least 1, until a window that started at {@code windowStart} ends. */
    static long secondsLeft(long windowStart, long windowMillis, long now) {
        return Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
    }

    /**
     * A limiter kept in this process's memory: it protects this process, and forgets everything on
     * restart. Several nodes that must share a limit need one kept in their database instead.
     *
     * @param limit attempts allowed per window; 0 allows any number
     */
    static RateLimiter inMemory(int limit, Duration window, Clock clock) {
        return new MemoryWindows(limit, window, clock);
    }
}
