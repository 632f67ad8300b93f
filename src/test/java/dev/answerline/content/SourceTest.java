package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTest {
    private static final String LONG = "Foam rolling the thoracic spine is fine; the lumbar spine — “ça va” — is not. "
            .repeat(40);

    @Test
    void aLongBodyKeptOutsideTheHeapReadsBackAsWrittenEvenWithCharactersBeyondAscii() {
        Source source = new Source("answers/x.md", Map.of("/question", 2), LONG, 9);

        assertThat(source.body()).isEqualTo(LONG);
        assertThat(source.body()).isEqualTo(LONG);
        assertThat(source.bodyLine()).isEqualTo(9);
        assertThat(source.lineOf("question")).isEqualTo(2);
        assertThat(source.lineOf("/missing")).isEqualTo(1);
    }

    @Test
    void sourcesAreEqualByContentWhereverTheirBodiesAreKept() {
        Source one = new Source("answers/x.md", Map.of("/question", 2), LONG, 9);
        Source same = new Source("answers/x.md", Map.of("/question", 2), LONG, 9);
        Source edited = new Source("answers/x.md", Map.of("/question", 2), LONG + "More.", 9);
        Source moved = new Source("answers/x.md", Map.of("/question", 3), LONG, 9);

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(edited).isNotEqualTo(moved);
        assertThat(new Source("a.md", Map.of(), "short", 4)).isEqualTo(new Source("a.md", Map.of(), "short", 4))
                .isNotEqualTo(new Source("a.md", Map.of(), "short.", 4));
    }
}
