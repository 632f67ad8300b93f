package dev.answerline.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a period, for the dashboard and {@code answerline stats}: the whole site's, day by day, per
 * page (most viewed first), where readers came from, which AI agents read the hub, and what readers searched
 * for that it does not answer.
 *
 * @param pages every page with a figure in the period, most viewed first
 * @param unanswered searches that found nothing, most frequent first
 * @param unclicked searches that found something no reader opened, most frequent first
 */
public record Report(Period period, Figures totals, List<Day> days, List<Page> pages, List<Count> referrers,
        List<Count> utmSources, List<Count> aiAgents, long searches, List<Query> unanswered, List<Query> unclicked) {

    /** A day's figures. */
    public record Day(LocalDate day, Figures figures) {}

    /** A page's figures; {@code title} is null for a page the site no longer has. */
    public record Page(String path, String title, Figures figures) {}

    /** A name and how often it was seen. */
    public record Count(String name, long count) {}

    /** A search, how often it was made, and when last. */
    public record Query(String query, long count, Instant lastSeen) {}

    /**
     * One page's figures over the period.
     *
     * @param ctas clicks per call to action (its id in site.yaml)
     */
    public record PageReport(Period period, String path, String title, Figures totals, List<Day> days,
            List<Count> referrers, List<Count> utmSources, List<Count> aiAgents, List<Count> ctas) {}
}
