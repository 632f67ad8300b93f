package dev.answerline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build} as a user types it: the {@code .gz} twins come only with {@code --gzip}. */
class BuildCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream savedOut;

    @TempDir
    Path dir;

    @BeforeEach
    void captureOutput() {
        savedOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
    }

    @Test
    void writesNoGzipTwinsUnlessAsked() throws IOException {
        Path plain = dir.resolve("plain");
        assertThat(Main.run("build", "--site", TestSites.demo().toString(), "--out", plain.toString(), "--data",
                dir.resolve("data").toString())).isEqualTo(Main.OK);
        assertThat(files(plain)).contains("index.html", "answers/should-you-foam-roll-your-lumbar-spine.html")
                .noneMatch(name -> name.endsWith(".gz"));

        Path twins = dir.resolve("twins");
        assertThat(Main.run("build", "--gzip", "--site", TestSites.demo().toString(), "--out", twins.toString(),
                "--data", dir.resolve("data").toString())).isEqualTo(Main.OK);
        List<String> written = files(twins);
        assertThat(written).contains("index.html.gz", "answers/should-you-foam-roll-your-lumbar-spine.html.gz",
                "answers/should-you-foam-roll-your-lumbar-spine.md.gz", "sitemap.xml.gz", "404.html.gz")
                // images are compressed already, and a twin would be bigger
                .noneMatch(name -> name.endsWith(".png.gz") || name.endsWith(".jpg.gz") || name.endsWith(".webp.gz"));
        assertThat(written).containsAll(files(plain));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Built " + files(plain).size() + " files into "
                + plain, "Built " + written.size() + " files into " + twins);
    }

    private static List<String> files(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).map(f -> out.relativize(f).toString())
                    .filter(name -> !name.equals(".answerline-export")).sorted().toList();
        }
    }
}
