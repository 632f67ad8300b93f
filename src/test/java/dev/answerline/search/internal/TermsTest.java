package dev.answerline.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.TestSites;
import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.language.Language;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class TermsTest {
    private static final Analyzer ENGLISH = Analysis.index(Language.ENGLISH);

    private static byte[] bytes(Terms terms) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        terms.write(new DataOutputStream(out));
        return out.toByteArray();
    }

    private static Terms read(byte[] bytes) throws IOException {
        return Terms.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void everyAnswerOfTheDemoComesBackAsItWasWrittenInAFewBytesAWord() throws IOException {
        Site site = Site.load(TestSites.demo());
        for (Answer answer : site.answers()) {
            Terms terms = Terms.of(ENGLISH, answer);
            byte[] bytes = bytes(terms);
            assertThat(read(bytes)).as(answer.slug()).isEqualTo(terms);
            int words = terms.field(Terms.QUESTION).words().length + terms.field(Terms.BODY).words().length;
            assertThat(bytes.length).as(answer.slug()).isLessThan(12 * words + 16);
        }
    }

    @Test
    void aFieldCountsEveryWordButKeepsTheLongerOnesAndTheirCountsInTheOpening() {
        // 2 + 298 words fill the opening, then "calf" three times more; "ox" is counted but too short to keep
        String body = "calf heel " + "ox ".repeat(298) + "calf calf calf";
        Terms.Field field = Terms.of(ENGLISH, "Calf?", body).field(Terms.BODY);
        assertThat(field.length()).isEqualTo(303);
        assertThat(field.words()).containsExactlyInAnyOrder("calf", "heel");
        int calf = Arrays.asList(field.words()).indexOf("calf");
        assertThat(field.counts()[calf]).isEqualTo(4);
        assertThat(field.opening()[calf]).isEqualTo(1);
    }

    @Test
    void theOpeningWordsComeInTheOrderMoreLikeThisMetThem() {
        List<String> words = List.of("gastrocnemius", "soleus", "achilles", "plantar", "hamstring", "quadriceps",
                "piriformis", "adductor", "abductor", "psoas", "iliacus", "tibialis", "peroneus", "gluteus");
        Terms.Field field = Terms.of(Analysis.lowerCase(s -> s), "", String.join(" ", words)).field(Terms.BODY);
        Map<String, Integer> map = new HashMap<>();
        words.forEach(w -> map.put(w, 1));
        assertThat(field.words()).containsExactlyElementsOf(map.keySet());
    }

    @Test
    void bytesThatAreNotTermsFailToReadInsteadOfMakingNonsense() throws IOException {
        byte[] good = bytes(Terms.of(ENGLISH, "Should you roll your calves?", "Roll the calves slowly."));
        assertThatThrownBy(() -> read(Arrays.copyOf(good, good.length - 1))).isInstanceOf(IOException.class);
        byte[] otherFormat = good.clone();
        otherFormat[0] = 2;
        assertThatThrownBy(() -> read(otherFormat)).isInstanceOf(IOException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> read(new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}))
                .isInstanceOf(IOException.class);
    }
}
