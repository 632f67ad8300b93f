package dev.answerline.markdown.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NestingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain text                       | Just a sentence with *one* [link](/x).  | 1
            a quote in a list                | '- item\\n\\n  > quoted **bold**'        | 3
            three nested lists               | '- a\\n  - b\\n    - c'                  | 3
            emphasis in a link in a quote    | '> [see *this*](/x)'                   | 3
            """)
    void measuresLevelsAsTheParserNestsThem(String what, String markdown, int levels) {
        String text = markdown.replace("\\n", "\n");
        assertThat(Nesting.measure(text).levels()).isEqualTo(levels);
        assertThat(Nesting.bound(text)).isGreaterThanOrEqualTo(levels);
    }

    @Test
    void measuresThousandsOfLevelsWithoutOverflowingTheStack() {
        assertThat(Nesting.measure(">".repeat(3_000) + " deep").levels()).isEqualTo(3_000);
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            list.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        assertThat(Nesting.measure(list.toString()).levels()).isEqualTo(1_000);
        assertThat(Nesting.measure("*a ".repeat(2_000) + "x" + " b*".repeat(2_000)).levels()).isGreaterThan(1_000);
        assertThat(Nesting.measure("[".repeat(5_000) + "x" + "](/y)".repeat(5_000)).levels()).as("links hold no links").isEqualTo(1);
        assertThat(Nesting.measure("![".repeat(3_000) + "x" + "](/y)".repeat(3_000)).levels()).isGreaterThan(1_000);
    }

    @Test
    void findsTheLineOfTheDeepestPart() {
        String text = "Intro.\n\nMore.\n\n" + ">".repeat(100) + " deep\n";
        assertThat(Nesting.measure(text)).isEqualTo(new Nesting.Depth(100, 4));
    }

    /**
     * The cheap bound is what lets most texts skip the parse; were it ever below the true depth, a deep text
     * would slip through. Random texts made of the characters that nest, against the parser.
     */
    @Test
    void theBoundIsNeverBelowTheDepth() {
        Random random = new Random(14);
        String[] pieces = {">", " ", "  ", "\t", "- ", "* ", "+ ", "1. ", "2) ", "*", "**", "_", "__", "[", "](/x)",
            "](/x ", "!", "[x]: /y\n", "<http://x.example>", "http://x.example ", "`", "a", "b ", "\n", "\n\n", "|",
            "---\n", "    ", "\\", "<em>", "#"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String markdown = text.toString();
            assertThat(Nesting.bound(markdown)).as(markdown).isGreaterThanOrEqualTo(Nesting.measure(markdown).levels());
        }
    }
}
