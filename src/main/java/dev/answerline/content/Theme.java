package dev.answerline.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A brand's look, from {@code theme:} in site.yaml: its colours in the light and the dark scheme, its fonts,
 * the roundness of its boxes, its logos and its own stylesheet. Unset, every page wears the built-in look.
 *
 * @param light the colours the brand gave for the light scheme; roles it did not give are null
 * @param dark the colours it gave for the dark scheme, under {@code theme.dark}
 * @param bodyFont the body text's font, or null for the built-in system fonts
 * @param headingFont the headings' font, or null for the body's
 * @param radius the corner radius of boxes and buttons as CSS ({@code 12px}), or null
 * @param logo the header's logo, or null for {@code logo} of site.yaml
 * @param logoDark the logo shown in the dark scheme, or null for the same
 * @param stylesheet the site path of its own stylesheet, added after the built-in one, or null
 */
public record Theme(Map<Role, Colour> light, Map<Role, Colour> dark, Font bodyFont, Font headingFont, String radius,
        String logo, String logoDark, String stylesheet) {

    /** A colour a theme gives, by its key in site.yaml. */
    public enum Role {
        /** Links, buttons, the direct answer's marks: the brand's main colour. */
        ACCENT("accent"),
        /** The bottom line, notices, search marks and the focus ring. */
        HIGHLIGHT("highlight"),
        BACKGROUND("background"),
        TEXT("text"),
        /** Secondary text: dates, captions, labels. */
        MUTED("muted"),
        /** Boxes on the background: cards, the header, forms. */
        SURFACE("surface");

        private final String key;

        Role(String key) {
            this.key = key;
        }

        /** The key in site.yaml. */
        public String key() {
            return key;
        }
    }

    /**
     * A font: a CSS font stack ({@code Georgia, serif}), or a {@code .woff2} file of the site
     * ({@code /fonts/inter.woff2}) served with {@code font-display: swap}, preloaded, and named after its file.
     *
     * @param stack the names to put before the built-in system stack
     * @param file the site path of the font file, or null
     */
    public record Font(String stack, String file) {}

    /** No theme: the built-in look. */
    public static final Theme NONE = new Theme(Map.of(), Map.of(), null, null, null, null, null, null);

    public Theme {
        light = Map.copyOf(light);
        dark = Map.copyOf(dark);
    }

    /** Whether the theme changes anything of the built-in look. */
    public boolean isSet() {
        return !equals(NONE);
    }

    /** The {@code .woff2} files the theme names, to preload. */
    public List<String> fontFiles() {
        List<String> files = new ArrayList<>();
        for (Font font : new Font[] {bodyFont, headingFont}) {
            if (font != null && font.file() != null && !files.contains(font.file())) {
                files.add(font.file());
            }
        }
        return files;
    }
}
