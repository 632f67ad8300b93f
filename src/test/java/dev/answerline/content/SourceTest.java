package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.memory.MappedStore;
import dev.answerline.memory.TextStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTest {
    private static final String LONG = "Foam rolling the thoracic spine is fine; the lumbar spine — “ça va” — is not. "
            .repeat(40);

    @TempDir
    Path dir;

    private Source source(String file, Map<String, Integer> lines, String body, int bodyLine, TextStore store) {
        return new Source(file, lines, body, bodyLine, null, store);
    }

    @Test
    void aLongBodyKeptOutsideTheHeapReadsBackAsWrittenEvenWithCharactersBeyondAscii() {
        Source source = source("answers/x.md", Map.of("/question", 2), LONG, 9, TextStore.mapped(new MappedStore(dir)));

        assertThat(source.body()).isEqualTo(LONG);
        assertThat(source.body()).isEqualTo(LONG);
        assertThat(source.bodyLine()).isEqualTo(9);
        assertThat(source.lineOf("question")).isEqualTo(2);
        assertThat(source.lineOf("/missing")).isEqualTo(1);
    }

    @Test
    void sourcesAreEqualByContentWhereverTheirBodiesAreKept() {
        TextStore mapped = TextStore.mapped(new MappedStore(dir));
        Source one = source("answers/x.md", Map.of("/question", 2), LONG, 9, mapped);
        Source same = source("answers/x.md", Map.of("/question", 2), LONG, 9, TextStore.HEAP);
        Source edited = source("answers/x.md", Map.of("/question", 2), LONG + "More.", 9, mapped);
        Source moved = source("answers/x.md", Map.of("/question", 3), LONG, 9, mapped);

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(edited).isNotEqualTo(moved);
        assertThat(source("a.md", Map.of(), "short", 4, mapped)).isEqualTo(source("a.md", Map.of(), "short", 4, mapped))
                .isNotEqualTo(source("a.md", Map.of(), "short.", 4, mapped));
    }
}
