package dev.answerline.content;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An sRGB colour, as a theme writes it ({@code #0b5d63}), with the arithmetic WCAG 2.2 defines for contrast
 * and the little a theme needs to make its shades.
 *
 * @param red 0-255
 * @param green 0-255
 * @param blue 0-255
 */
public record Colour(int red, int green, int blue) {
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    public static final Colour WHITE = new Colour(255, 255, 255);
    public static final Colour BLACK = new Colour(0, 0, 0);

    public Colour {
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            throw new IllegalArgumentException("a colour channel is 0 to 255");
        }
    }

    /** A colour written {@code #rgb} or {@code #rrggbb}; null when it is neither. */
    public static Colour parse(String text) {
        if (text == null || !HEX.matcher(text).matches()) {
            return null;
        }
        String hex = text.substring(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int value = Integer.parseInt(hex, 16);
        return new Colour(value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff);
    }

    /** {@code #rrggbb}, lower case. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** The relative luminance of WCAG 2.2 (from sRGB, 0 for black to 1 for white). */
    public double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The contrast ratio of WCAG 2.2 between two colours, from 1 (none) to 21 (black on white). */
    public double contrast(Colour other) {
        double a = luminance();
        double b = other.luminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** This colour with {@code share} (0 to 1) of {@code other} mixed in, channel by channel. */
    public Colour mix(Colour other, double share) {
        return new Colour(channel(red, other.red, share), channel(green, other.green, share),
                channel(blue, other.blue, share));
    }

    private static int channel(int from, int to, double share) {
        return (int) Math.round(from + (to - from) * share);
    }

    /**
     * The shade of this colour nearest to it that has at least {@code ratio} contrast with {@code against}:
     * mixed with black or with white, whichever needs less, or null when neither can reach it.
     */
    public Colour nearestPassing(Colour against, double ratio) {
        if (contrast(against) >= ratio) {
            return this;
        }
        Colour darker = firstPassing(BLACK, against, ratio);
        Colour lighter = firstPassing(WHITE, against, ratio);
        if (darker == null || lighter == null) {
            return darker == null ? lighter : darker;
        }
        return distance(darker) <= distance(lighter) ? darker : lighter;
    }

    /** The least share of {@code towards} that makes the mix pass, found by halving; null if even all fails. */
    private Colour firstPassing(Colour towards, Colour against, double ratio) {
        if (towards.contrast(against) < ratio) {
            return null;
        }
        double low = 0;
        double high = 1;
        for (int i = 0; i < 24; i++) {
            double middle = (low + high) / 2;
            if (mix(towards, middle).contrast(against) >= ratio) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return mix(towards, high);
    }

    private double distance(Colour other) {
        int r = red - other.red;
        int g = green - other.green;
        int b = blue - other.blue;
        return r * r + g * g + b * b;
    }
}
