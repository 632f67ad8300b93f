import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time from saving a file to the changed page being served by "serve --watch": saves an answer with a new
 * marker in it, then asks for the page until the marker is there. Two kinds of edit: the body (the page
 * alone changes) and the question (its cards on the indexes, category and author pages change too).
 *
 * usage: java bench/WatchLatency.java SITE PORT ROUNDS
 */
public class WatchLatency {
    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Path file = site.resolve("answers/should-you-foam-roll-your-lumbar-spine.md");
        String original = Files.readString(file);
        HttpClient http = HttpClient.newHttpClient();
        URI page = URI.create("http://127.0.0.1:" + port + "/answers/should-you-foam-roll-your-lumbar-spine");
        try {
            List<Long> body = measure(http, page, file, original, rounds,
                    marker -> original.replace("## Why the lower back is different", "## Why " + marker));
            List<Long> question = measure(http, page, file, original, rounds,
                    marker -> original.replace("question: Should you foam roll your lumbar spine?",
                            "question: Should you foam roll your lumbar spine " + marker + "?"));
            System.out.println("body edit:     " + summary(body));
            System.out.println("question edit: " + summary(question));
        } finally {
            Files.writeString(file, original);
        }
    }

    interface Edit {
        String apply(String marker);
    }

    static List<Long> measure(HttpClient http, URI page, Path file, String original, int rounds, Edit edit)
            throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < rounds + 2; round++) {
            String marker = "m" + System.nanoTime();
            long start = System.nanoTime();
            Files.writeString(file, edit.apply(marker));
            while (!http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains(marker)) {
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("the page did not change within 30 s");
                }
                // a short pause between asks, so that polling does not take the CPU the update needs
                Thread.sleep(2);
            }
            if (round >= 2) { // two rounds to warm up
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            Thread.sleep(300);
        }
        return millis;
    }

    static String summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "median " + sorted.get(sorted.size() / 2) + " ms, p90 " + sorted.get((int) (sorted.size() * 0.9))
                + " ms, max " + sorted.get(sorted.size() - 1) + " ms (" + sorted.size() + " saves)";
    }
}
