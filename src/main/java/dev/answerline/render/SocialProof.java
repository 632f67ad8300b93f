package dev.answerline.render;

import dev.answerline.content.SiteConfig;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * The "Join 10,000+ people" line of the newsletter block, from the live subscriber count.
 * Thread-safe; remembers the last line it made, since the count rarely changes.
 */
public final class SocialProof {
    private final String template;
    private final int minimum;
    private final Locale locale;
    private volatile Line last = new Line(-1, "");

    private record Line(long count, String html) {}

    /** @param newsletter the site's newsletter texts, or null for a site without a newsletter */
    public SocialProof(SiteConfig.Newsletter newsletter, Locale locale) {
        this.template = newsletter == null ? null : newsletter.socialProof();
        this.minimum = newsletter == null ? Integer.MAX_VALUE : newsletter.minCountShown();
        this.locale = locale;
    }

    /** The line of a site with these settings, in its language. */
    public static SocialProof of(dev.answerline.content.SiteConfig config) {
        return new SocialProof(config.newsletter(), config.labels().locale());
    }

    /** The HTML that fills {@link Page#SLOT}: empty while the count is below the minimum shown. */
    public String html(long count) {
        Line line = last;
        if (line.count() == count) {
            return line.html();
        }
        String html = template == null || count < minimum || count <= 0 ? ""
                : "<p class=\"newsletter-proof\">" + escape(template).replace("{count}",
                        "<strong>" + friendly(count, locale) + "</strong>") + "</p>";
        last = new Line(count, html);
        return html;
    }

    /**
     * A count rounded down to a figure people read at a glance: one significant digit below 1,000
     * (87 → "80+"), two from 1,000 on (2,650 → "2,600+", 10,432 → "10,000+").
     */
    public static String friendly(long count, Locale locale) {
        if (count < 10) {
            return count + "+";
        }
        long unit = 1;
        while (unit * 10 <= count) {
            unit *= 10;
        }
        if (count >= 1000) {
            unit /= 10;
        }
        return NumberFormat.getIntegerInstance(locale).format(count / unit * unit) + "+";
    }

    private static String escape(String text) {
        StringOutput out = new StringOutput();
        Escape.htmlContent(text, out);
        return out.toString();
    }
}
