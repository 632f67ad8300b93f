package dev.answerline.render.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A 32x32 icon of a letter or digit on a rounded square, as an ICO file holding one PNG. The letter comes
 * from a font of 5x7 pixels written out below, not from AWT's text drawing: a headless server may have no
 * fonts installed at all. Other initials get the plain square.
 */
final class InitialIcon {
    private static final int SIZE = 32;
    /** Each font pixel is 3x3: the glyph is 15x21, centred. */
    private static final int SCALE = 3;
    private static final int RADIUS = 6;
    /** Per side, for the anti-aliased corners. */
    private static final int SAMPLES = 4;
    private static final int ICO_HEADER = 6 + 16;

    private static final Map<Character, String> FONT = Map.ofEntries(
            Map.entry('A', ".###. #...# #...# ##### #...# #...# #...#"),
            Map.entry('B', "####. #...# #...# ####. #...# #...# ####."),
            Map.entry('C', ".###. #...# #.... #.... #.... #...# .###."),
            Map.entry('D', "####. #...# #...# #...# #...# #...# ####."),
            Map.entry('E', "##### #.... #.... ####. #.... #.... #####"),
            Map.entry('F', "##### #.... #.... ####. #.... #.... #...."),
            Map.entry('G', ".###. #...# #.... #.### #...# #...# .####"),
            Map.entry('H', "#...# #...# #...# ##### #...# #...# #...#"),
            Map.entry('I', ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###."),
            Map.entry('J', "..### ...#. ...#. ...#. ...#. #..#. .##.."),
            Map.entry('K', "#...# #..#. #.#.. ##... #.#.. #..#. #...#"),
            Map.entry('L', "#.... #.... #.... #.... #.... #.... #####"),
            Map.entry('M', "#...# ##.## #.#.# #.#.# #...# #...# #...#"),
            Map.entry('N', "#...# #...# ##..# #.#.# #..## #...# #...#"),
            Map.entry('O', ".###. #...# #...# #...# #...# #...# .###."),
            Map.entry('P', "####. #...# #...# ####. #.... #.... #...."),
            Map.entry('Q', ".###. #...# #...# #...# #.#.# #..#. .##.#"),
            Map.entry('R', "####. #...# #...# ####. #.#.. #..#. #...#"),
            Map.entry('S', ".#### #.... #.... .###. ....# ....# ####."),
            Map.entry('T', "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#.."),
            Map.entry('U', "#...# #...# #...# #...# #...# #...# .###."),
            Map.entry('V', "#...# #...# #...# #...# #...# .#.#. ..#.."),
            Map.entry('W', "#...# #...# #...# #.#.# #.#.# #.#.# .#.#."),
            Map.entry('X', "#...# #...# .#.#. ..#.. .#.#. #...# #...#"),
            Map.entry('Y', "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#.."),
            Map.entry('Z', "##### ....# ...#. ..#.. .#... #.... #####"),
            Map.entry('0', ".###. #...# #..## #.#.# ##..# #...# .###."),
            Map.entry('1', "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###."),
            Map.entry('2', ".###. #...# ....# ...#. ..#.. .#... #####"),
            Map.entry('3', "##### ...#. ..#.. ...#. ....# #...# .###."),
            Map.entry('4', "...#. ..##. .#.#. #..#. ##### ...#. ...#."),
            Map.entry('5', "##### #.... ####. ....# ....# #...# .###."),
            Map.entry('6', "..##. .#... #.... ####. #...# #...# .###."),
            Map.entry('7', "##### ....# ...#. ..#.. .#... .#... .#..."),
            Map.entry('8', ".###. #...# #...# .###. #...# #...# .###."),
            Map.entry('9', ".###. #...# #...# .#### ....# ...#. .##.."));

    private InitialIcon() {}

    /** The ICO file: the letter {@code initial} (0 or one the font lacks: none) in {@code letter} on {@code rgb}. */
    static byte[] ico(int initial, int rgb, int letter) {
        byte[] png = png(initial, rgb, letter);
        ByteBuffer ico = ByteBuffer.allocate(ICO_HEADER + png.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1);   // reserved, type icon, one image
        ico.put((byte) SIZE).put((byte) SIZE).put((byte) 0).put((byte) 0);   // width, height, no palette
        ico.putShort((short) 1).putShort((short) 32);   // colour planes, bits per pixel
        ico.putInt(png.length).putInt(ICO_HEADER);   // the image's size and where it starts
        return ico.put(png).array();
    }

    static byte[] png(int initial, int rgb, int letter) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        String glyph = initial > 0 && initial < 0x10000 ? FONT.get((char) initial) : null;
        int left = (SIZE - 5 * SCALE) / 2;
        int top = (SIZE - 7 * SCALE) / 2;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int alpha = coverage(x, y) * 255 / (SAMPLES * SAMPLES);
                boolean ink = glyph != null && x >= left && y >= top && x < left + 5 * SCALE && y < top + 7 * SCALE
                        && glyph.charAt((y - top) / SCALE * 6 + (x - left) / SCALE) == '#';
                image.setRGB(x, y, alpha << 24 | (ink ? letter : rgb));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        // ImageIO's own cache is a file in java.io.tmpdir: with that folder full, `build` failed with "I/O error
        // writing PNG file!", blamed on the output folder. The icon is a few hundred bytes: cache it in memory
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IllegalStateException("this Java has no PNG writer in javax.imageio");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** How many of the pixel's samples fall inside the rounded square. */
    private static int coverage(int x, int y) {
        int inside = 0;
        for (int sy = 0; sy < SAMPLES; sy++) {
            for (int sx = 0; sx < SAMPLES; sx++) {
                double px = x + (sx + 0.5) / SAMPLES;
                double py = y + (sy + 0.5) / SAMPLES;
                double dx = Math.max(0, Math.max(RADIUS - px, px - (SIZE - RADIUS)));
                double dy = Math.max(0, Math.max(RADIUS - py, py - (SIZE - RADIUS)));
                if (dx * dx + dy * dy <= RADIUS * RADIUS) {
                    inside++;
                }
            }
        }
        return inside;
    }
}
