package dev.answerline.content;

import dev.answerline.content.Theme.Role;
import dev.answerline.content.internal.Fields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what site.yaml says of the site's look: {@code theme:}, {@code nav:} and {@code footer:}. Every value
 * ends up in a stylesheet or a page, so each is held to a strict form here: a colour is a hex colour, a
 * length a CSS length, a font a list of names; nothing can close a CSS rule or an HTML attribute.
 */
final class ThemeReader {
    private static final Pattern LENGTH = Pattern.compile("0|[0-9]{1,3}(\\.[0-9]{1,3})?(px|rem|em)");
    private static final Pattern STACK = Pattern.compile("[\\p{L}0-9 ,'\"-]{1,200}");
    private static final List<String> KEYS = keys();

    private ThemeReader() {}

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Role role : Role.values()) {
            keys.add(role.key());
        }
        keys.addAll(List.of("dark", "font_body", "font_heading", "radius", "logo", "logo_dark", "css"));
        return List.copyOf(keys);
    }

    static Theme theme(Fields site) {
        Fields f = site.object("theme");
        if (f == null) {
            return Theme.NONE;
        }
        f.allowOnly(KEYS);
        Map<Role, Colour> light = colours(f);
        Map<Role, Colour> dark = new EnumMap<>(Role.class);
        Fields darkFields = f.object("dark");
        if (darkFields != null) {
            darkFields.allowOnly(KEYS.subList(0, Role.values().length));
            dark = colours(darkFields);
        }
        String radius = f.optionalText("radius");
        if (radius != null && !LENGTH.matcher(radius).matches()) {
            f.error("radius", "invalid-length", "`theme.radius: " + radius + "` is not a length",
                    "write it in px, rem or em, e.g. `radius: 12px`, or 0 for square corners");
            radius = null;
        }
        return new Theme(light, dark, font(f, "font_body"), font(f, "font_heading"), radius, f.url("logo", false),
                f.url("logo_dark", false), stylesheet(f));
    }

    private static Map<Role, Colour> colours(Fields f) {
        Map<Role, Colour> colours = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String key = role.key();
            String text = f.keys().contains(key) ? f.optionalText(key) : null;
            if (f.keys().contains(key) && (text == null || text.isEmpty())) {
                // YAML reads a # after a space as the start of a comment: `accent: #0b5d63` is an empty value
                f.error(key, "invalid-colour", "`" + key + "` has no value: YAML reads what follows ` #` as a"
                        + " comment", "put the colour in quotes: `" + key + ": \"#0b5d63\"`");
                continue;
            }
            if (text == null) {
                continue;
            }
            Colour colour = Colour.parse(text);
            if (colour == null) {
                f.error(key, "invalid-colour", "`" + key + ": " + text + "` is not a colour",
                        "write it as a hex colour in quotes, e.g. `" + key + ": \"#0b5d63\"`");
            } else {
                colours.put(role, colour);
            }
        }
        return colours;
    }

    /** A font stack, or a {@code .woff2} file of the site (checked to exist once static files are known). */
    private static Theme.Font font(Fields f, String key) {
        String text = f.optionalText(key);
        if (text == null) {
            return null;
        }
        if (text.endsWith(".woff2")) {
            String file = f.url(key, false);
            if (file == null || !file.startsWith("/")) {
                f.error(key, "invalid-font", "`" + key + ": " + text + "` is not a font file of the site",
                        "put the .woff2 file in static/ and name it by its path, e.g. `" + key + ": /fonts/brand.woff2`");
                return null;
            }
            String name = file.substring(file.lastIndexOf('/') + 1, file.length() - ".woff2".length());
            return new Theme.Font("\"" + name.replaceAll("[^\\p{L}0-9 -]", " ") + "\"", file);
        }
        if (!STACK.matcher(text).matches()) {
            f.error(key, "invalid-font", "`" + key + ": " + text + "` is not a list of font names",
                    "write font names separated by commas, e.g. `" + key + ": Georgia, serif`, or the path of a"
                            + " .woff2 file in static/");
            return null;
        }
        return new Theme.Font(text, null);
    }

    /** {@code theme.css}, or {@code static/custom.css} by default (checked to exist once static files are known). */
    private static String stylesheet(Fields f) {
        String css = f.url("css", false);
        if (css != null && (!css.startsWith("/") || !css.endsWith(".css"))) {
            f.error("css", "invalid-stylesheet", "`theme.css: " + css + "` is not a stylesheet of the site",
                    "put the .css file in static/ and name it by its path, e.g. `css: /brand.css`");
            return null;
        }
        return css;
    }

    /** {@code nav:}, the header's links; null when not set, for the built-in ones. */
    static List<SiteConfig.Link> nav(Fields site) {
        if (!site.has("nav")) {
            return null;
        }
        return links(site, "nav");
    }

    private static List<SiteConfig.Link> links(Fields f, String key) {
        List<SiteConfig.Link> links = new ArrayList<>();
        for (Fields item : f.objectList(key)) {
            item.allowOnly(List.of("label", "url"));
            links.add(new SiteConfig.Link(item.text("label"), item.url("url", true)));
        }
        return links;
    }

    /** {@code footer:}, columns of links; null when not set, for the built-in ones. */
    static List<SiteConfig.Column> footer(Fields site) {
        if (!site.has("footer")) {
            return null;
        }
        List<SiteConfig.Column> columns = new ArrayList<>();
        for (Fields column : site.objectList("footer")) {
            column.allowOnly(List.of("heading", "links"));
            columns.add(new SiteConfig.Column(column.text("heading"), links(column, "links")));
        }
        return columns;
    }
}
