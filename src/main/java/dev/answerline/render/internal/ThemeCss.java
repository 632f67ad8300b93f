package dev.answerline.render.internal;

import dev.answerline.content.Colour;
import dev.answerline.content.Palette;
import dev.answerline.content.Theme;

/**
 * The stylesheet rules a brand's theme adds after the built-in ones: its palettes as the custom properties
 * the built-in rules use, its fonts and its corner radius. Every value was held to a strict form when
 * site.yaml was read (hex colours, CSS lengths, font names), so nothing here can end a rule early. Empty for
 * a site without a theme, whose stylesheet then stays byte for byte the built-in one.
 */
public final class ThemeCss {
    /** What follows a brand's font names, for letters its font lacks and while it loads. */
    static final String SYSTEM_FONTS = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial,"
            + " sans-serif";

    private ThemeCss() {}

    public static String of(Theme theme) {
        if (!theme.isSet()) {
            return "";
        }
        StringBuilder css = new StringBuilder("\n/* the brand's theme, from site.yaml */\n");
        for (Theme.Font font : new Theme.Font[] {theme.bodyFont(), theme.headingFont()}) {
            if (font != null && font.file() != null) {
                css.append("@font-face { font-family: ").append(font.stack()).append("; src: url(\"")
                        .append(font.file()).append("\") format(\"woff2\"); font-display: swap; }\n");
            }
        }
        css.append(":root {\n");
        Palette light = Palette.of(theme, false);
        if (!light.equals(Palette.LIGHT)) {
            properties(css, light, "  ");
        }
        if (theme.radius() != null) {
            css.append("  --radius: ").append(theme.radius()).append(";\n");
        }
        if (theme.bodyFont() != null) {
            css.append("  --font: ").append(theme.bodyFont().stack()).append(", ").append(SYSTEM_FONTS).append(";\n");
        }
        css.append("}\n");
        if (theme.headingFont() != null) {
            css.append("h1, h2, h3 { font-family: ").append(theme.headingFont().stack()).append(", ")
                    .append(SYSTEM_FONTS).append("; }\n");
        }
        Palette dark = Palette.of(theme, true);
        if (!dark.equals(Palette.DARK)) {
            css.append("@media (prefers-color-scheme: dark) {\n  :root {\n");
            properties(css, dark, "    ");
            css.append("  }\n}\n");
        }
        return css.toString();
    }

    private static void properties(StringBuilder css, Palette palette, String indent) {
        property(css, indent, "bg", palette.background());
        property(css, indent, "surface", palette.surface());
        property(css, indent, "text", palette.text());
        property(css, indent, "muted", palette.muted());
        property(css, indent, "brand", palette.brand());
        property(css, indent, "brand-strong", palette.brandStrong());
        property(css, indent, "brand-soft", palette.brandSoft());
        property(css, indent, "on-brand", palette.onBrand());
        property(css, indent, "accent", palette.highlight());
        property(css, indent, "accent-soft", palette.highlightSoft());
        property(css, indent, "border", palette.border());
        property(css, indent, "focus", palette.focus());
    }

    private static void property(StringBuilder css, String indent, String name, Colour colour) {
        css.append(indent).append("--").append(name).append(": ").append(colour.hex()).append(";\n");
    }
}
