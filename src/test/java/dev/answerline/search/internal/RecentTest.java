package dev.answerline.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aKeptValueIsMadeOnce() {
        Recent<String, String> recent = recent(10, 100);
        AtomicInteger made = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(recent.get(recent.generation(), "a", key -> key + made.incrementAndGet())).isEqualTo("a1");
        }
        assertThat(made).hasValue(1);
    }
}
