package dev.answerline.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;

/**
 * What searching made lately, by key, to give again while the index stays the same: bounded in entries and
 * in estimated bytes, the least recently used dropped first, and emptied by {@link #clear()} whenever the
 * index changes. Safe for concurrent use.
 *
 * <p>A value is made outside the lock, from the index as it was when its search began, and may arrive after
 * a change: each change starts a new generation, and only a value made in the current one is kept. So a
 * reader never gets from here what the index as it is now would not find.
 */
public final class Recent<K, V> {
    private final int maxEntries;
    private final long maxBytes;
    private final ToLongBiFunction<K, V> weigh;
    /**
     * Read without a lock: a search looks values up a dozen times (each word's spellings, each result's lead),
     * and while values were read under one lock, JFR showed readers waiting 10 to 25 ms for it on a busy
     * machine, whose holder the scheduler had paused.
     */
    private final ConcurrentHashMap<K, Kept<V>> entries = new ConcurrentHashMap<>();
    /** Guards changes: {@link #bytes}, eviction and the move to another {@link #generation}. */
    private final Object changes = new Object();
    private long bytes;
    private volatile long generation;

    /** Counts uses, to order values by their last. */
    private final AtomicLong clock = new AtomicLong();

    /** A value, its estimated size, and when it was last asked for. */
    private static final class Kept<V> {
        final V value;
        final long bytes;
        volatile long used;

        Kept(V value, long bytes, long used) {
            this.value = value;
            this.bytes = bytes;
            this.used = used;
        }
    }

    /** An entry as it was when eviction began: uses go on meanwhile, and a sort needs values that stay put. */
    private record Use<K>(K key, long used, long bytes) {}

    /**
     * @param maxEntries the most values kept
     * @param maxBytes the most bytes the values and keys kept may take, as {@code weigh} estimates them; a
     *     single larger one is not kept at all
     * @param weigh an estimate of the heap a key and its value take
     */
    public Recent(int maxEntries, long maxBytes, ToLongBiFunction<K, V> weigh) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a cache needs room for something, not " + maxEntries + " entries in "
                    + maxBytes + " bytes");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.weigh = weigh;
    }

    /** The generation to pass to {@link #put} for a value made from the index as it is now. */
    public long generation() {
        return generation;
    }

    /** The value kept for the key, or null. */
    public V get(K key) {
        Kept<V> kept = entries.get(key);
        if (kept == null) {
            return null;
        }
        kept.used = clock.incrementAndGet();
        return kept.value;
    }

    /**
     * The value kept for the key, else the one {@code make} makes now, kept when it may be.
     *
     * @param generation {@link #generation()} as it was before the index that {@code make} reads was taken
     */
    public V get(long generation, K key, Function<K, V> make) {
        V value = get(key);
        if (value == null) {
            value = make.apply(key);
            put(generation, key, value);
        }
        return value;
    }

    /**
     * Keeps the value, unless the index changed since {@code generation} (it may be out of date) or it is
     * larger than the whole cache. When either bound is passed, the least recently used values go until both
     * are an eighth under it, so that a flood of new values sorts the rest once in a while, not at every one.
     */
    public void put(long generation, K key, V value) {
        if (value == null) {
            return;
        }
        long size = weigh.applyAsLong(key, value);
        if (size > maxBytes) {
            return;
        }
        synchronized (changes) {
            if (generation != this.generation) {
                return;
            }
            Kept<V> old = entries.put(key, new Kept<>(value, size, clock.incrementAndGet()));
            bytes += size - (old == null ? 0 : old.bytes);
            if (entries.size() > maxEntries || bytes > maxBytes) {
                List<Use<K>> byUse = new ArrayList<>(entries.size());
                entries.forEach((k, kept) -> byUse.add(new Use<>(k, kept.used, kept.bytes)));
                byUse.sort(Comparator.comparingLong(Use::used));
                Iterator<Use<K>> eldest = byUse.iterator();
                while (entries.size() > maxEntries - maxEntries / 8 || bytes > maxBytes - maxBytes / 8) {
                    Use<K> gone = eldest.next();
                    entries.remove(gone.key());
                    bytes -= gone.bytes();
                }
            }
        }
    }

    /** Drops every value and starts a new generation: call it after each change of what values are made from. */
    public void clear() {
        synchronized (changes) {
            generation++;
            entries.clear();
            bytes = 0;
        }
    }

    /** The number of values kept. */
    public int size() {
        return entries.size();
    }

    /** The estimated bytes of the values and keys kept. */
    public long bytes() {
        synchronized (changes) {
            return bytes;
        }
    }
}
