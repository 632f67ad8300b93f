import dev.answerline.content.Site;
import dev.answerline.search.Results;
import dev.answerline.search.SearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Search in-process on a generated site: the time to build the index, to find the similar answers of every
 * answer, then the latency of single searches as /api/search makes them (10 results with snippets), over a
 * mix of queries: words, questions, misspellings, phrases, words the site does not have.
 *
 * usage: java -cp 'target/answerline.jar:target/lib/*' bench/SearchLatency.java SITE [SEARCHES] [QUERY_FILE]
 * (the queries default to bench/queries.txt, one per line); -Djfr=FILE records the searches with JFR;
 * -Dsimilar=false leaves the similar answers out.
 */
public class SearchLatency {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String[] queries = Files.readAllLines(Path.of(args.length > 2 ? args[2] : "bench/queries.txt")).stream()
                .filter(line -> !line.isBlank()).toArray(String[]::new);
        long loading = System.nanoTime();
        Site site = Site.load(dir);
        long building = System.nanoTime();
        SearchIndex index = SearchIndex.build(site);
        long built = System.nanoTime();
        System.out.printf("%,d answers: loaded in %.1f s, search index built in %.1f s%n",
                site.answers().size(), (building - loading) / 1e9, (built - building) / 1e9);
        if (System.getProperty("similar", "true").equals("true")) {
            index.similar();
            System.out.printf("similar answers found in %.1f s%n", (System.nanoTime() - built) / 1e9);
        }
        jdk.jfr.Recording recording = null;
        if (System.getProperty("jfr") != null) {
            try {
                // the searches only, not the build: -Djfr=FILE
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.setDestination(Path.of(System.getProperty("jfr")));
                recording.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Random random = new Random(7);
        int found = 0;
        for (int i = 0; i < count / 4; i++) {
            found += index.search(queries[random.nextInt(queries.length)], 10).answers().size();
        }
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            String query = queries[random.nextInt(queries.length)];
            long start = System.nanoTime();
            Results results = index.search(query, 10);
            times[i] = System.nanoTime() - start;
            found += results.answers().size();
        }
        if (recording != null) {
            recording.stop();
        }
        Arrays.sort(times);
        System.out.printf("%,d searches: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d results)%n", count,
                times[count / 2] / 1e6, times[count * 9 / 10] / 1e6, times[count * 99 / 100] / 1e6,
                times[count - 1] / 1e6, found);
        List<String> slow = new ArrayList<>();
        for (String query : queries) {
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
