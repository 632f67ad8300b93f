package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ColourTest {
    @Test
    void readsHexColoursShortAndLong() {
        assertThat(Colour.parse("#0b5d63")).isEqualTo(new Colour(11, 93, 99));
        assertThat(Colour.parse("#FFF")).isEqualTo(Colour.WHITE);
        assertThat(Colour.parse("#0b5d63").hex()).isEqualTo("#0b5d63");
        for (String notOne : new String[] {"0b5d63", "#0b5d6", "#ggg", "red", "#0b5d63;}", "", null}) {
            assertThat(Colour.parse(notOne)).as(notOne).isNull();
        }
    }

    @Test
    void contrastIsWcagsRatio() {
        assertThat(Colour.BLACK.contrast(Colour.WHITE)).isCloseTo(21, within(0.001));
        assertThat(Colour.WHITE.contrast(Colour.WHITE)).isCloseTo(1, within(0.001));
        // the reference values WebAIM's checker gives
        assertThat(Colour.parse("#777777").contrast(Colour.WHITE)).isCloseTo(4.48, within(0.01));
        assertThat(Colour.parse("#0b5d63").contrast(Colour.WHITE)).isCloseTo(7.61, within(0.01));
    }

    @Test
    void theNearestPassingShadeKeepsTheHueAndJustPasses() {
        Colour light = Colour.parse("#7cc4c9");
        Colour shade = light.nearestPassing(Colour.WHITE, 4.5);
        assertThat(shade.contrast(Colour.WHITE)).isBetween(4.5, 4.7);
        assertThat(shade.blue()).isGreaterThan(shade.red());
        assertThat(Colour.parse("#333333").nearestPassing(Colour.BLACK, 4.5).contrast(Colour.BLACK)).isBetween(4.5, 4.7);
        assertThat(Colour.parse("#0b5d63").nearestPassing(Colour.WHITE, 4.5)).isEqualTo(Colour.parse("#0b5d63"));
        assertThat(Colour.parse("#777777").nearestPassing(Colour.parse("#767676"), 21)).isNull();
    }
}
