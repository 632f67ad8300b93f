package dev.answerline.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentTest {
    /** A value weighs as many bytes as its length. */
    private static Recent<String, String> recent(int entries, long bytes) {
        return new Recent<>(entries, bytes, (key, value) -> value.length());
    }

    @Test
    void theLeastRecentlyUsedGoesFirstWhenEntriesRunOut() {
        Recent<String, String> recent = recent(2, 100);
        recent.put(recent.generation(), "a", "1");
        recent.put(recent.generation(), "b", "2");
        assertThat(recent.get("a")).isEqualTo("1");
        recent.put(recent.generation(), "c", "3");
        assertThat(recent.get("b")).isNull();
        assertThat(recent.get("a")).isEqualTo("1");
        assertThat(recent.get("c")).isEqualTo("3");
    }

    @Test
    void bytesAreBoundedAndAValueLargerThanTheWholeIsNotKept() {
        Recent<String, String> recent = recent(100, 10);
        for (int i = 0; i < 50; i++) {
            recent.put(recent.generation(), "k" + i, "xxxx");
            assertThat(recent.bytes()).isLessThanOrEqualTo(10);
        }
        assertThat(recent.size()).isEqualTo(2);
        recent.put(recent.generation(), "big", "x".repeat(11));
        assertThat(recent.get("big")).isNull();
        assertThat(recent.size()).isEqualTo(2);
        recent.put(recent.generation(), "k49", "x");
        assertThat(recent.bytes()).isEqualTo(5);
    }

    @Test
    void aValueMadeBeforeAClearIsNotKeptAfterIt() {
        Recent<String, String> recent = recent(10, 100);
        long before = recent.generation();
        recent.put(before, "a", "old");
        recent.clear();
        assertThat(recent.get("a")).isNull();
        // a search that began before the change finishes after it
        recent.put(before, "a", "old");
        assertThat(recent.get("a")).isNull();
        assertThat(recent.get(before, "a", key -> "made from the old index")).isEqualTo("made from the old index");
        assertThat(recent.size()).isZero();
        recent.put(recent.generation(), "a", "new");
        assertThat(recent.get("a")).isEqualTo("new");
    }

    @Test
    void threadsPuttingAndGettingAtOnceKeepBothBoundsAndTheCountOfBytes() throws Exception {
        Recent<String, String> recent = recent(64, 1000);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String key = thread + ":" + i;
                        recent.put(recent.generation(), key, "x".repeat(1 + i % 40));
                        recent.get(thread + ":" + (i / 2));
                        if (i % 5000 == 0) {
                            recent.clear();
                        }
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(recent.size()).isPositive().isLessThanOrEqualTo(64);
        assertThat(recent.bytes()).isLessThanOrEqualTo(1000);
        long kept = 0;
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 20_000; i++) {
                String value = recent.get(t + ":" + i);
                kept += value == null ? 0 : value.length();
            }
        }
        assertThat(recent.bytes()).isEqualTo(kept);
    }

    @Test
    void aKeptValueIsMadeOnce() {
        Recent<String, String> recent = recent(10, 100);
        AtomicInteger made = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(recent.get(recent.generation(), "a", key -> key + made.incrementAndGet())).isEqualTo("a1");
        }
        assertThat(made).hasValue(1);
    }
}
