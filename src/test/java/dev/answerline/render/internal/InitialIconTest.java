package dev.answerline.render.internal;

import dev.answerline.content.Colour;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The default icon: the brand's initial, drawn without fonts, on the theme's colour. */
class InitialIconTest {
    private static final int WHITE = 0xffffffff;
    private static final int COLOUR = 0x0b5d63;
    private static final int TEAL = 0xff000000 | COLOUR;

    private static BufferedImage image(int initial) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(InitialIcon.png(initial, COLOUR, 0xffffff)));
    }

    private static String svg(String brand) {
        return Favicons.svg(brand, Colour.parse("#0b5d63"), Colour.WHITE);
    }

    @Test
    void theLetterIsDrawnFromTheFontInWhite() throws IOException {
        BufferedImage n = image('N');
        // the 5x7 glyph at 3x3 pixels a dot starts at (8, 5): N's left stroke, then the gap beside it
        assertThat(n.getRGB(9, 6)).isEqualTo(WHITE);
        assertThat(n.getRGB(12, 6)).isEqualTo(TEAL);
        assertThat(n.getRGB(21, 24)).isEqualTo(WHITE);
        assertThat(n.getRGB(2, 16)).isEqualTo(TEAL);
        // the corners are cut round
        assertThat(n.getRGB(0, 0) >>> 24).isZero();
        assertThat(n.getRGB(31, 31) >>> 24).isZero();
        assertThat(n.getRGB(16, 0)).isEqualTo(TEAL);
    }

    @Test
    void anInitialTheFontLacksGetsThePlainSquare() throws IOException {
        for (int initial : new int[] {'Ø', '&', 0, 0x1F600}) {
            BufferedImage plain = image(initial);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    assertThat(plain.getRGB(x, y) & 0xffffff).as("%c at %d,%d", initial, x, y).isEqualTo(COLOUR);
                }
            }
        }
    }

    @Test
    void theSvgEscapesTheInitial() {
        assertThat(svg("northroll")).contains(">N</text>").contains("fill=\"#0b5d63\"");
        assertThat(svg("&Co")).contains(">&amp;</text>");
        assertThat(svg("<b>")).contains(">&lt;</text>").doesNotContain("<b");
        assertThat(svg("  ørsted")).contains(">Ø</text>");
        assertThat(svg("\u0007bell")).doesNotContain("<text");
    }
}
