package dev.answerline.content;

import dev.answerline.language.Labels;
import java.util.List;
import java.util.Map;

/**
 * The settings in {@code site.yaml}. Optional values are null when not set.
 *
 * @param source the lines of site.yaml's keys, for messages about them
 * @param baseUrl absolute URL without a trailing slash
 * @param image the picture shown when a page is shared, or null to use the logo
 * @param newsletter null when the site has no newsletter block
 * @param ctas calls to action by id, in file order
 * @param defaultCta the id answers use without {@code cta}; null when there are no calls to action
 * @param checks the tuning of {@code answerline check}'s rules by rule id
 * @param theme the brand's look; {@link Theme#NONE} for the built-in one
 * @param nav the header's links, or null for the built-in ones
 * @param footer the footer's columns of links, or null for the built-in ones
 * @param labels the engine's texts in {@code language}, with {@code strings:} over them
 * @param insightsEndpoint where a static export's pages send their views and clicks: the address of a
 *     running {@code serve} ({@code insights.endpoint}), without a trailing slash; null when not set
 */
public record SiteConfig(
        Source source,
        String brand,
        String title,
        String baseUrl,
        String language,
        String description,
        String logo,
        String image,
        boolean healthContent,
        List<String> sameAs,
        Newsletter newsletter,
        Map<String, Cta> ctas,
        String defaultCta,
        String disclaimer,
        Map<String, CheckSetting> checks,
        Theme theme,
        List<Link> nav,
        List<Column> footer,
        Labels labels,
        String insightsEndpoint) {

    public SiteConfig {
        nav = nav == null ? null : List.copyOf(nav);
        footer = footer == null ? null : List.copyOf(footer);
        sameAs = List.copyOf(sameAs);
        ctas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ctas));
        checks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
    }

    /**
     * How the site tunes one of {@code answerline check}'s rules: switched off, or with other thresholds.
     * Which rules and parameters exist is the checker's business; it reports unknown ones.
     *
     * @param line the line of the rule in site.yaml
     */
    public record CheckSetting(String rule, boolean off, Map<String, Double> parameters, int line) {

        public CheckSetting {
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        }
    }

    /** An absolute URL for a site path such as {@code /answers/x}. */
    public String absolute(String path) {
        return baseUrl + path;
    }

    /**
     * The newsletter block's texts.
     *
     * @param pitch inline Markdown
     * @param socialProof contains {@code {count}}, replaced by a friendly subscriber count
     * @param minCountShown below this many subscribers the social proof line is left out
     * @param from the sender of newsletter emails ({@code Name <address>}), or null for the default
     * @param blockedDomains signups from these domains (and their subdomains) are refused
     * @param postalAddress the brand's postal address for the footer of issues (anti-spam laws ask for one),
     *     or null when not configured
     */
    public record Newsletter(String heading, String pitch, String socialProof, String promise, int minCountShown,
            String success, String failure, String from, List<String> blockedDomains, String postalAddress) {

        public Newsletter {
            blockedDomains = List.copyOf(blockedDomains);
        }

        /** A newsletter block without a postal address. */
        public Newsletter(String heading, String pitch, String socialProof, String promise, int minCountShown,
                String success, String failure, String from, List<String> blockedDomains) {
            this(heading, pitch, socialProof, promise, minCountShown, success, failure, from, blockedDomains, null);
        }

        public static final int DEFAULT_MIN_COUNT_SHOWN = 50;
    }

    /** A link with its text. */
    public record Link(String label, String url) {}

    /** A column of the footer: a heading and its links. */
    public record Column(String heading, List<Link> links) {

        public Column {
            links = List.copyOf(links);
        }
    }
}
