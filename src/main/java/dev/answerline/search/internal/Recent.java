package dev.answerline.search.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final LinkedHashMap<K, Sized<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long generation;

    private record Sized<V>(V value, long bytes) {}

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
    public synchronized long generation() {
        return generation;
    }

    /** The value kept for the key, or null. */
    public synchronized V get(K key) {
        Sized<V> sized = entries.get(key);
        return sized == null ? null : sized.value();
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
     * larger than the whole cache; drops the least recently used values until both bounds hold.
     */
    public synchronized void put(long generation, K key, V value) {
        if (generation != this.generation || value == null) {
            return;
        }
        long size = weigh.applyAsLong(key, value);
        if (size > maxBytes) {
            return;
        }
        Sized<V> old = entries.put(key, new Sized<>(value, size));
        bytes += size - (old == null ? 0 : old.bytes());
        Iterator<Map.Entry<K, Sized<V>>> eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries || bytes > maxBytes) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }

    /** Drops every value and starts a new generation: call it after each change of what values are made from. */
    public synchronized void clear() {
        generation++;
        entries.clear();
        bytes = 0;
    }

    /** The number of values kept. */
    public synchronized int size() {
        return entries.size();
    }

    /** The estimated bytes of the values and keys kept. */
    public synchronized long bytes() {
        return bytes;
    }
}
