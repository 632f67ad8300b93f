package dev.answerline.render.internal;

import dev.answerline.render.View;
import dev.answerline.content.Colour;
import dev.answerline.content.Palette;
import dev.answerline.content.Site;
import dev.answerline.content.StaticFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The site's icons: its own {@code static/favicon.svg}, {@code .png} or {@code .ico}, and a default made from
 * the brand (its initial on the theme's colour) for what it lacks. Issue 14: without an icon, every page
 * made the browser ask for {@code /favicon.ico}, a 404 and a console error that costs Lighthouse points.
 *
 * <p>{@code /favicon.ico} is made whenever the site has none, since some clients ask for it whatever the
 * page links; {@code /favicon.svg} only when the site has no icon at all, so that a browser never shows the
 * default instead of the site's own.
 */
public final class Favicons {
    public static final String SVG = "/favicon.svg";
    public static final String ICO = "/favicon.ico";
    private static final String PNG = "/favicon.png";
    private final Set<String> own;
    private final String brand;
    /** The brand's main colour in the light scheme, and the text the pages put on it: the letter's colour. */
    private final Colour colour;
    private final Colour letter;

    public Favicons(Site site) {
        this.own = site.staticFiles().stream().map(StaticFile::path)
                .filter(p -> p.equals(SVG) || p.equals(PNG) || p.equals(ICO)).collect(Collectors.toUnmodifiableSet());
        this.brand = site.config().brand();
        Palette palette = Palette.of(site.config().theme(), false);
        this.colour = palette.brand();
        this.letter = palette.onBrand();
    }

    /** The icons Answerline makes because the site has no file there. */
    public List<String> generated() {
        List<String> paths = new ArrayList<>(2);
        if (own.isEmpty()) {
            paths.add(SVG);
        }
        if (!own.contains(ICO)) {
            paths.add(ICO);
        }
        return paths;
    }

    /** The bytes of a generated icon, one of {@link #generated()}. */
    public byte[] make(String path) {
        return switch (path) {
            case SVG -> svg(brand, colour, letter).getBytes(StandardCharsets.UTF_8);
            case ICO -> InitialIcon.ico(initial(brand), rgb(colour), rgb(letter));
            default -> throw new IllegalArgumentException("no default icon at " + path);
        };
    }

    /**
     * The icons every page's head names, the scalable one last: browsers take the last of the icons they
     * find equally good, and the generated ICO says it is 32x32 where the SVG fits any size.
     */
    public List<View.Icon> links() {
        List<View.Icon> icons = new ArrayList<>(2);
        icons.add(new View.Icon(ICO, null, own.contains(ICO) ? null : "32x32"));
        if (own.contains(SVG) || own.isEmpty()) {
            icons.add(new View.Icon(SVG, "image/svg+xml", null));
        } else if (own.contains(PNG)) {
            icons.add(new View.Icon(PNG, "image/png", null));
        }
        return icons;
    }

    private static int rgb(Colour colour) {
        return colour.red() << 16 | colour.green() << 8 | colour.blue();
    }

    /** The brand's initial, upper case, as one code point; 0 for none. */
    static int initial(String brand) {
        String stripped = brand.strip();
        if (stripped.isEmpty() || Character.isISOControl(stripped.codePointAt(0))) {
            return 0;
        }
        return new String(Character.toChars(stripped.codePointAt(0))).toUpperCase(Locale.ROOT).codePointAt(0);
    }

    /** A rounded square with the initial in the reader's system font, which scales to any size. */
    static String svg(String brand, Colour colour, Colour letter) {
        int initial = initial(brand);
        StringBuilder svg = new StringBuilder(400).append("<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " viewBox=\"0 0 32 32\"><rect width=\"32\" height=\"32\" rx=\"6\" fill=\"")
                .append(colour.hex()).append("\"/>");
        if (initial != 0) {
            svg.append("<text x=\"16\" y=\"23\" text-anchor=\"middle\" font-family=\"system-ui, -apple-system,"
                    + " 'Segoe UI', Roboto, Arial, sans-serif\" font-size=\"20\" font-weight=\"700\""
                    + " fill=\"").append(letter.hex()).append("\">");
            switch (initial) {
                case '&' -> svg.append("&amp;");
                case '<' -> svg.append("&lt;");
                case '>' -> svg.append("&gt;");
                default -> svg.appendCodePoint(initial);
            }
            svg.append("</text>");
        }
        return svg.append("</svg>\n").toString();
    }
}
