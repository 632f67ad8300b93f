import dev.answerline.content.Site;
import dev.answerline.search.Results;
import dev.answerline.search.SearchIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Search in-process on a generated site: the time to build the index (with the similar answers of every
 * answer), then the latency of single searches as /api/search makes them (10 results with snippets), over a
 * mix of queries: words, questions, misspellings, phrases, words the site does not have.
 *
 * usage: java -cp target/answerline.jar bench/SearchLatency.java SITE [QUERIES]
 */
public class SearchLatency {
    private static final String[] QUERIES = {
        "calves", "roll hamstrings after a run", "how long should you roll your glutes", "lumbar spine",
        "hamstrngs", "lumbr spine", "quads before lifting", "\"upper back\"", "foam roller firmness",
        "sore shins after hiking", "IT band", "roll feet in the morning", "pressure tender spot",
        "how often foam roll", "strech or roll", "massage ball", "adductors during travel", "zzqx nothing",
        "is it good to roll your lats", "\"after cycling\" quads", "breathe slowly", "chest shoulders",
    };

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long loading = System.nanoTime();
        Site site = Site.load(dir);
        long building = System.nanoTime();
        SearchIndex index = SearchIndex.build(site);
        long built = System.nanoTime();
        System.out.printf("%,d answers: loaded in %.1f s, search index and similar answers built in %.1f s%n",
                site.answers().size(), (building - loading) / 1e9, (built - building) / 1e9);
        Random random = new Random(7);
        int found = 0;
        for (int i = 0; i < count / 4; i++) {
            found += index.search(QUERIES[random.nextInt(QUERIES.length)], 10).answers().size();
        }
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            String query = QUERIES[random.nextInt(QUERIES.length)];
            long start = System.nanoTime();
            Results results = index.search(query, 10);
            times[i] = System.nanoTime() - start;
            found += results.answers().size();
        }
        Arrays.sort(times);
        System.out.printf("%,d searches: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d results)%n", count,
                times[count / 2] / 1e6, times[count * 9 / 10] / 1e6, times[count * 99 / 100] / 1e6,
                times[count - 1] / 1e6, found);
        List<String> slow = new ArrayList<>();
        for (String query : QUERIES) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                index.search(query, 10);
            }
            slow.add(String.format("%7.2f ms  %s", (System.nanoTime() - start) / 20 / 1e6, query));
        }
        slow.sort(null);
        System.out.println("mean by query, slowest last:");
        slow.forEach(line -> System.out.println("  " + line));
    }
}
