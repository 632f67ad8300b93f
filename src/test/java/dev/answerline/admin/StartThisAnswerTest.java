package dev.answerline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.admin.internal.Shell;
import dev.answerline.cli.Main;
import dev.answerline.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "start this answer" command of an unanswered question: whatever a reader typed, a real shell reads it
 * as the one question, runs nothing of it, and the command starts that answer.
 */
class StartThisAnswerTest {
    private static final List<String> HOSTILE = List.of("it's \"fine\"", "$(touch pwned)", "`touch pwned`",
            "'; touch pwned; echo '", "a\\b $HOME ${PATH} !! * ~", "don't'''stop", "");

    @TempDir
    Path dir;

    @Test
    void aQuotedQueryIsOneWordToTheShellWhateverItHolds() throws Exception {
        for (String query : HOSTILE) {
            assertThat(words("printf '%s\\0' " + Shell.quote(query))).as(query).containsExactly(query);
        }
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void theDashboardsCommandStartsTheAnswerToThatQuestion() throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        try (Database db = Database.open(dir.resolve("data"), null);
                AdminHub hub = new AdminHub(db, b -> b.password(AdminHub.PASSWORD).siteDir(site))) {
            hub.get("/search?q=" + java.net.URLEncoder.encode("Quokka's \"$(touch pwned)\" wombat?",
                    StandardCharsets.UTF_8));
            hub.insights.flush();
            String command = Jsoup.parse(hub.get("/admin/", "Cookie", hub.login()).body()).selectFirst("#unanswered code")
                    .text();
            assertThat(command).isEqualTo("bin/answerline new 'quokka'\\''s \"$(touch pwned)\" wombat?' --site '"
                    + site.toAbsolutePath().normalize() + "'");

            List<String> words = words("printf '%s\\0' " + command.substring("bin/answerline ".length()));
            assertThat(words).containsExactly("new", "quokka's \"$(touch pwned)\" wombat?", "--site",
                    site.toAbsolutePath().normalize().toString());
            assertThat(dir.resolve("pwned")).doesNotExist();
            assertThat(Main.run(words.toArray(String[]::new))).isEqualTo(Main.OK);
            try (Stream<Path> answers = Files.list(site.resolve("answers"))) {
                assertThat(answers.filter(f -> read(f).contains("$(touch pwned)"))).hasSize(1);
            }
        }
    }

    /** What a real shell makes of a command line that prints its words NUL-separated. */
    private List<String> words(String commandLine) throws IOException, InterruptedException {
        Process sh = new ProcessBuilder("sh", "-c", commandLine).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        byte[] out = sh.getInputStream().readAllBytes();
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        return Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
