package dev.answerline.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/content-format.md documents every label with its English text, and its example of strings: works. */
class LabelsDocumentationTest {
    private static final Path DOC = Path.of("docs/content-format.md");

    @TempDir
    Path dir;

    @Test
    void theTableOfLabelsListsEveryKeyWithItsEnglishText() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_.]+)` \\| (.*) \\|$").matcher(section());
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        assertThat(documented.keySet()).containsExactlyElementsOf(Label.allTextKeys());
        Map<String, String> english = new LinkedHashMap<>();
        Label.allTextKeys().forEach(key -> english.put(key, Labels.bundle("en").get(key)));
        assertThat(documented).containsExactlyEntriesOf(english);
    }

    @Test
    void theExampleOfStringsLoadsAsTheDocumentSays() throws IOException {
        Matcher yaml = Pattern.compile("(?s)```yaml\n(.*?)```").matcher(section());
        assertThat(yaml.find()).isTrue();
        TestSites.copy("small", dir);
        Path config = dir.resolve("site.yaml");
        Files.writeString(config, Files.readString(config).replace("\nlanguage: en\n", "\n" + yaml.group(1)));
        Site site = Site.load(dir, TestSites.TODAY);
        assertThat(site.problems()).isEmpty();
        assertThat(site.config().labels().text(Label.KEY_TAKEAWAYS)).isEqualTo("Auf einen Blick");
        assertThat(site.config().labels().text(Label.MORE_QUESTIONS, "Rücken")).isEqualTo("Mehr aus Rücken");
        assertThat(site.config().labels().date(java.time.LocalDate.of(2026, 1, 15))).isEqualTo("15. Januar 2026");
    }

    /** The Labels section of the document. */
    private static String section() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("\n## Labels\n");
        assertThat(start).as("a Labels section in %s", DOC).isPositive();
        return doc.substring(start, doc.indexOf("\n## ", start + 1));
    }
}
