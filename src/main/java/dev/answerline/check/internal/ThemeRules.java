package dev.answerline.check.internal;

import dev.answerline.check.Rule;
import dev.answerline.content.Colour;
import dev.answerline.content.Palette;
import dev.answerline.content.SiteConfig;
import dev.answerline.content.Theme;
import dev.answerline.content.Theme.Role;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contrast of every text and background a brand's theme makes, in the light and the dark scheme, held
 * to WCAG 2.2 (1.4.3 and 1.4.11): 4.5:1 for text, 3:1 for large text and focus rings. Each failing pair is
 * reported at the line of the colour to change, with the nearest shade of that colour that passes. The
 * built-in look is not measured here: the browser tests hold it to axe-core's rules.
 */
public final class ThemeRules {
    private final SiteConfig config;
    private final Findings findings;

    public ThemeRules(SiteConfig config, Findings findings) {
        this.config = config;
        this.findings = findings;
    }

    public void run() {
        Theme theme = config.theme();
        check(theme, Palette.of(theme, false), false);
        check(theme, Palette.of(theme, true), true);
    }

    private void check(Theme theme, Palette palette, boolean dark) {
        if (palette.equals(dark ? Palette.DARK : Palette.LIGHT)) {
            return;
        }
        List<Palette.Pair> failing = palette.pairs().stream().filter(pair -> !pair.passes()).toList();
        for (Palette.Pair pair : failing) {
            // blame the colour the brand chose: the foreground's, else the background's
            boolean foreground = given(theme, pair.foregroundRole(), dark) || !given(theme, pair.backgroundRole(), dark);
            Role role = foreground ? pair.foregroundRole() : pair.backgroundRole();
            // the nearest shade of the brand's colour for that role that makes this pair pass
            Colour shade = palette.of(role).nearestPassing(foreground ? pair.background() : pair.foreground(),
                    pair.minimum());
            String key = "theme." + (dark && theme.dark().containsKey(role) ? "dark." : "") + role.key();
            String fix = shade == null ? "choose a lighter or darker " + key
                    : "use `" + key + ": \"" + shade.hex() + "\"`, the nearest shade of that colour that passes";
            findings.add(Rule.THEME_CONTRAST, "site.yaml", line(theme, role, dark), String.format(Locale.ROOT,
                    "in the %s scheme, %s (%s on %s) have a contrast of %.2f:1; WCAG 2.2 asks for at least %.1f:1",
                    dark ? "dark" : "light", pair.what(), pair.foreground().hex(), pair.background().hex(),
                    Math.floor(pair.ratio() * 100) / 100, pair.minimum()), fix);
        }
    }

    /**
     * Whether the brand gave this colour for the scheme: a dark scheme's accent and highlight are made from the
     * light ones when it gave only those.
     */
    private static boolean given(Theme theme, Role role, boolean dark) {
        return (dark ? theme.dark() : theme.light()).containsKey(role)
                || dark && (role == Role.ACCENT || role == Role.HIGHLIGHT) && theme.light().containsKey(role);
    }

    private int line(Theme theme, Role role, boolean dark) {
        Map<Role, Colour> darkColours = theme.dark();
        if (dark && darkColours.containsKey(role)) {
            return config.source().lineOf("/theme/dark/" + role.key());
        }
        if (theme.light().containsKey(role)) {
            return config.source().lineOf("/theme/" + role.key());
        }
        return config.source().lineOf("theme");
    }
}
