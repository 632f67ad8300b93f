package dev.answerline.insights.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of the last seconds, in memory, until the next flush writes them to the database as sums.
 * Counting is a map lookup and an add, never I/O: it runs on the threads that answer pages. Counters of today
 * and yesterday stay in place and are read and reset by {@link #drain}, so that an add racing a flush lands
 * in this flush or the next, never nowhere; those of older days are dropped once drained.
 *
 * <p>What a visitor can make up (referrers, UTM sources, queries) is bounded: past {@link #DISTINCT} values a
 * day, new ones are counted as {@link #OTHER}.
 */
public final class Tally {
    /** Distinct referrers, sources or queries kept per day before new ones count as {@link #OTHER}. */
    static final int DISTINCT = 5_000;
    /** New visitors waiting for a flush, at most; past it a view still counts, its visitor does not. */
    static final int PENDING_VISITORS = 500_000;
    /** Visitors this node already wrote today, remembered to spare the database a row it has. */
    private static final int REMEMBERED_VISITORS = 200_000;
    public static final String OTHER = "(other)";

    /** The counters of a page and day, in the order of {@link Count}. */
    public enum Count { VIEWS, AI_READS, CTA_CLICKS, SIGNUPS, CONFIRMED }

    public record PageDay(String day, String path) {}

    public record Visitor(String day, String path, long hash) {}

    record Named(String day, String path, String name) {}

    record Source(String day, String path, String kind, String value) {}

    record QueryDay(String day, String query) {}

    private record QueryCounts(LongAdder searches, LongAdder empty, LongAdder clicks, LongAccumulator lastSeen) {
        QueryCounts() {
            this(new LongAdder(), new LongAdder(), new LongAdder(), new LongAccumulator(Math::max, 0));
        }
    }

    /** What a flush writes: every count added since the last one. */
    public record Batch(Map<PageDay, long[]> pages, List<Visitor> visitors, Map<Named, Long> agents,
            Map<Named, Long> ctas, Map<Source, Long> sources, List<Query> queries) {
        public boolean isEmpty() {
            return pages.isEmpty() && visitors.isEmpty() && agents.isEmpty() && ctas.isEmpty() && sources.isEmpty()
                    && queries.isEmpty();
        }

        /** Events in the batch, for the bench and the log. */
        public long events() {
            long sum = 0;
            for (long[] counts : pages.values()) {
                for (long count : counts) {
                    sum += count;
                }
            }
            for (Query query : queries) {
                sum += query.searches() + query.clicks();
            }
            return sum;
        }
    }

    public record Query(String day, String query, long searches, long empty, long clicks, long lastSeen) {}

    private final Map<PageDay, LongAdder[]> pages = new ConcurrentHashMap<>();
    private final Set<Visitor> visitors = ConcurrentHashMap.newKeySet();
    private final Set<Visitor> written = ConcurrentHashMap.newKeySet();
    private final Map<Named, LongAdder> agents = new ConcurrentHashMap<>();
    private final Map<Named, LongAdder> ctas = new ConcurrentHashMap<>();
    private final Map<Source, LongAdder> sources = new ConcurrentHashMap<>();
    private final Map<QueryDay, QueryCounts> queries = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> distinct = new ConcurrentHashMap<>();

    /** Adds to a page's counter of the day. */
    public void add(String day, String path, Count count) {
        pages.computeIfAbsent(new PageDay(day, path), key -> adders(Count.values().length))[count.ordinal()].increment();
    }

    /** A visitor of a page (and so of the site) that day, unless already seen. */
    public void visitor(String day, String path, long hash) {
        Visitor visitor = new Visitor(day, path, hash);
        if (!written.contains(visitor) && visitors.size() < PENDING_VISITORS) {
            visitors.add(visitor);
        }
    }

    public void aiRead(String day, String path, String agent) {
        add(day, path, Count.AI_READS);
        agents.computeIfAbsent(new Named(day, path, agent), key -> new LongAdder()).increment();
    }

    public void ctaClick(String day, String path, String cta) {
        add(day, path, Count.CTA_CLICKS);
        ctas.computeIfAbsent(new Named(day, path, cta), key -> new LongAdder()).increment();
    }

    /** A view that came from elsewhere: {@code kind} is {@code referrer} or {@code utm_source}. */
    public void source(String day, String path, String kind, String value) {
        Source source = new Source(day, path, kind, value);
        LongAdder adder = sources.get(source);
        if (adder == null) {
            source = bounded(source, kind, day) ? source : new Source(day, path, kind, OTHER);
            adder = sources.computeIfAbsent(source, key -> new LongAdder());
        }
        adder.increment();
    }

    /** A search of the search page, and whether it found anything. */
    public void search(String day, String query, boolean found, long now) {
        QueryCounts counts = query(day, query);
        counts.searches().increment();
        if (!found) {
            counts.empty().increment();
        }
        counts.lastSeen().accumulate(now);
    }

    /** A result opened from the search page of a query. */
    public void resultOpened(String day, String query, long now) {
        QueryCounts counts = query(day, query);
        counts.clicks().increment();
        counts.lastSeen().accumulate(now);
    }

    private QueryCounts query(String day, String query) {
        QueryDay key = new QueryDay(day, query);
        QueryCounts counts = queries.get(key);
        if (counts == null) {
            key = bounded(key, "query", day) ? key : new QueryDay(day, OTHER);
            counts = queries.computeIfAbsent(key, k -> new QueryCounts());
        }
        return counts;
    }

    /** Whether a new value of a kind may have a counter of its own that day. */
    private boolean bounded(Object value, String kind, String day) {
        LongAdder made = distinct.computeIfAbsent(kind + " " + day, key -> new LongAdder());
        if (made.sum() >= DISTINCT) {
            return false;
        }
        made.increment();
        return true;
    }

    /**
     * Takes every count added since the last drain. Counters of days before {@code yesterday} are dropped
     * from memory once read.
     */
    public Batch drain(String yesterday) {
        Map<PageDay, long[]> pageCounts = new java.util.HashMap<>();
        pages.forEach((key, adders) -> {
            long[] counts = new long[adders.length];
            boolean any = false;
            for (int i = 0; i < adders.length; i++) {
                counts[i] = adders[i].sumThenReset();
                any |= counts[i] != 0;
            }
            if (any) {
                pageCounts.put(key, counts);
            }
        });
        List<Visitor> newVisitors = new ArrayList<>();
        for (Visitor visitor : visitors) {
            if (visitors.remove(visitor)) {
                newVisitors.add(visitor);
            }
        }
        List<Query> queryCounts = new ArrayList<>();
        queries.forEach((key, counts) -> {
            long searches = counts.searches().sumThenReset();
            long empty = counts.empty().sumThenReset();
            long clicks = counts.clicks().sumThenReset();
            if (searches + clicks > 0) {
                queryCounts.add(new Query(key.day(), key.query(), searches, empty, clicks, counts.lastSeen().get()));
            }
        });
        Batch batch = new Batch(pageCounts, newVisitors, sums(agents), sums(ctas), sums(sources), queryCounts);
        forget(yesterday);
        return batch;
    }

    /** Puts back the counts of a batch the database did not take, for the next flush. */
    public void restore(Batch batch) {
        batch.pages().forEach((key, counts) -> {
            LongAdder[] adders = pages.computeIfAbsent(key, k -> adders(counts.length));
            for (int i = 0; i < counts.length; i++) {
                adders[i].add(counts[i]);
            }
        });
        visitors.addAll(batch.visitors());
        batch.agents().forEach((key, n) -> agents.computeIfAbsent(key, k -> new LongAdder()).add(n));
        batch.ctas().forEach((key, n) -> ctas.computeIfAbsent(key, k -> new LongAdder()).add(n));
        batch.sources().forEach((key, n) -> sources.computeIfAbsent(key, k -> new LongAdder()).add(n));
        for (Query query : batch.queries()) {
            QueryCounts counts = queries.computeIfAbsent(new QueryDay(query.day(), query.query()), k -> new QueryCounts());
            counts.searches().add(query.searches());
            counts.empty().add(query.empty());
            counts.clicks().add(query.clicks());
            counts.lastSeen().accumulate(query.lastSeen());
        }
    }

    /** Remembers visitors the database has, so that their next views add no row to write. */
    public void written(List<Visitor> stored) {
        if (written.size() + stored.size() > REMEMBERED_VISITORS) {
            written.clear();
        }
        written.addAll(stored);
    }

    private void forget(String yesterday) {
        pages.keySet().removeIf(key -> key.day().compareTo(yesterday) < 0);
        agents.keySet().removeIf(key -> key.day().compareTo(yesterday) < 0);
        ctas.keySet().removeIf(key -> key.day().compareTo(yesterday) < 0);
        sources.keySet().removeIf(key -> key.day().compareTo(yesterday) < 0);
        queries.keySet().removeIf(key -> key.day().compareTo(yesterday) < 0);
        distinct.keySet().removeIf(key -> key.substring(key.indexOf(' ') + 1).compareTo(yesterday) < 0);
        written.removeIf(key -> key.day().compareTo(yesterday) < 0);
    }

    private static <K> Map<K, Long> sums(Map<K, LongAdder> adders) {
        Map<K, Long> sums = new java.util.HashMap<>();
        adders.forEach((key, adder) -> {
            long sum = adder.sumThenReset();
            if (sum != 0) {
                sums.put(key, sum);
            }
        });
        return sums;
    }

    private static LongAdder[] adders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
