package dev.answerline.content;

import dev.answerline.content.Theme.Role;
import java.util.List;
import java.util.Map;

/**
 * Every colour the pages use in one colour scheme: a theme's colours where it gave them, the built-in ones
 * elsewhere, and the shades made from them (hover, tints, the text on buttons, borders). The stylesheet
 * takes them as custom properties; {@code check} measures the contrast of every {@link #pairs() pair} a
 * reader sees, so that no brand colour makes a page unreadable.
 */
public record Palette(Colour background, Colour surface, Colour text, Colour muted, Colour brand, Colour brandStrong,
        Colour brandSoft, Colour onBrand, Colour highlight, Colour highlightSoft, Colour border, Colour focus) {

    /** The built-in light scheme, as the built-in stylesheet has it. */
    public static final Palette LIGHT = new Palette(c("#fbfaf7"), c("#ffffff"), c("#1d2428"), c("#4a565c"),
            c("#0b5d63"), c("#08464b"), c("#e5f1f0"), c("#ffffff"), c("#a8420e"), c("#fbeee4"), c("#d9dfde"),
            c("#c2410c"));
    /** The built-in dark scheme. */
    public static final Palette DARK = new Palette(c("#101517"), c("#182023"), c("#e7ecec"), c("#aab6b9"),
            c("#74cbc4"), c("#9adbd5"), c("#14302f"), c("#0b1a1b"), c("#f2a571"), c("#33231a"), c("#2d393c"),
            c("#f2a571"));

    /** WCAG 2.2 minimum contrast of text (1.4.3), and of large text and of focus rings (1.4.3, 1.4.11). */
    public static final double TEXT = 4.5;
    public static final double LARGE = 3.0;

    private static final Colour NEAR_BLACK = c("#101517");
    /** How much accent and highlight the dark scheme's tinted boxes mix into the background. */
    private static final double BRAND_TINT = 0.18;
    private static final double HIGHLIGHT_TINT = 0.15;

    /**
     * A text (or other mark) on a background, as a page shows it, and the contrast WCAG asks of it.
     *
     * @param what the pair in a reader's words: "links in the direct answer box"
     * @param foregroundRole the theme colour the foreground is made from
     * @param backgroundRole the theme colour the background is made from
     */
    public record Pair(String what, Colour foreground, Role foregroundRole, Colour background, Role backgroundRole,
            double minimum) {

        public double ratio() {
            return foreground.contrast(background);
        }

        public boolean passes() {
            return ratio() >= minimum;
        }
    }

    /**
     * The palette of one scheme of a theme. With no colour given for it (nor, for the dark scheme, for the
     * light one), the built-in palette, unchanged.
     */
    public static Palette of(Theme theme, boolean dark) {
        Map<Role, Colour> given = dark ? theme.dark() : theme.light();
        Palette base = dark ? DARK : LIGHT;
        if (given.isEmpty() && (!dark || theme.light().isEmpty())) {
            return base;
        }
        Colour background = given.getOrDefault(Role.BACKGROUND, base.background);
        Colour surface = given.getOrDefault(Role.SURFACE, base.surface);
        Colour text = given.getOrDefault(Role.TEXT, base.text);
        Colour muted = given.getOrDefault(Role.MUTED, base.muted);
        Colour brand = given.getOrDefault(Role.ACCENT,
                dark ? darkShade(theme, Role.ACCENT, background, BRAND_TINT) : base.brand);
        Colour highlight = given.getOrDefault(Role.HIGHLIGHT,
                dark ? darkShade(theme, Role.HIGHLIGHT, background, HIGHLIGHT_TINT) : base.highlight);
        Colour brandStrong = brand.mix(dark ? Colour.WHITE : Colour.BLACK, 0.25);
        Colour onBrand = Colour.WHITE.contrast(brand) >= NEAR_BLACK.contrast(brand) ? Colour.WHITE : NEAR_BLACK;
        return new Palette(background, surface, text, muted, brand, brandStrong,
                background.mix(brand, dark ? BRAND_TINT : 0.1), onBrand, highlight,
                background.mix(highlight, dark ? HIGHLIGHT_TINT : 0.1), background.mix(text, 0.15), highlight);
    }

    /**
     * A dark scheme's colour the brand gave only for the light one: its nearest shade readable on the dark
     * background and on the box tinted with it, so that the dark scheme keeps the brand's hue.
     *
     * @param tint how much of the colour the dark scheme's tinted box mixes into the background
     */
    private static Colour darkShade(Theme theme, Role role, Colour background, double tint) {
        Colour light = theme.light().get(role);
        Colour builtIn = role == Role.ACCENT ? DARK.brand : DARK.highlight;
        if (light == null) {
            return builtIn;
        }
        Colour shade = light.nearestPassing(background, TEXT);
        // the tinted box moves with the shade: a few rounds settle it
        for (int round = 0; round < 4 && shade != null; round++) {
            Colour box = background.mix(shade, tint);
            if (shade.contrast(box) >= TEXT) {
                return shade;
            }
            shade = shade.nearestPassing(box, TEXT);
        }
        return shade == null ? builtIn : shade;
    }

    /** The colour of a role in this scheme, as given or built in. */
    public Colour of(Role role) {
        return switch (role) {
            case ACCENT -> brand;
            case HIGHLIGHT -> highlight;
            case BACKGROUND -> background;
            case TEXT -> text;
            case MUTED -> muted;
            case SURFACE -> surface;
        };
    }

    /** Every text-and-background pair the pages show in this scheme. */
    public List<Pair> pairs() {
        return List.of(
                new Pair("text on the background", text, Role.TEXT, background, Role.BACKGROUND, TEXT),
                new Pair("text on boxes (cards, forms, the header)", text, Role.TEXT, surface, Role.SURFACE, TEXT),
                new Pair("muted text (dates, captions) on the background", muted, Role.MUTED, background,
                        Role.BACKGROUND, TEXT),
                new Pair("muted text on boxes", muted, Role.MUTED, surface, Role.SURFACE, TEXT),
                new Pair("links on the background", brand, Role.ACCENT, background, Role.BACKGROUND, TEXT),
                new Pair("links on boxes", brand, Role.ACCENT, surface, Role.SURFACE, TEXT),
                new Pair("text on buttons", onBrand, Role.ACCENT, brand, Role.ACCENT, TEXT),
                new Pair("text on buttons under the pointer", onBrand, Role.ACCENT, brandStrong, Role.ACCENT, TEXT),
                // the tinted boxes are mostly background, with a little accent or highlight in it
                new Pair("text in the direct answer box", text, Role.TEXT, brandSoft, Role.BACKGROUND, TEXT),
                new Pair("links in the direct answer box", brand, Role.ACCENT, brandSoft, Role.BACKGROUND, TEXT),
                new Pair("notices in the highlight colour", highlight, Role.HIGHLIGHT, background, Role.BACKGROUND,
                        TEXT),
                new Pair("text in the bottom line box", text, Role.TEXT, highlightSoft, Role.BACKGROUND, TEXT),
                // a small bold label, not large text: 4.5:1 (the browser tests' axe-core caught it at 3.8)
                new Pair("the bottom line's heading", highlight, Role.HIGHLIGHT, highlightSoft, Role.BACKGROUND, TEXT),
                new Pair("the focus ring on the background", focus, Role.HIGHLIGHT, background, Role.BACKGROUND,
                        LARGE));
    }

    private static Colour c(String hex) {
        return Colour.parse(hex);
    }
}
