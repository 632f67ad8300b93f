package dev.answerline.admin.internal;

import dev.answerline.insights.Report;
import java.util.List;

/** What the dashboard's templates ({@code src/main/jte/admin/}) are given: values ready to show. */
public final class View {
    private View() {}

    /** A figure and its name. */
    public record Metric(String label, String value) {}

    /** A link that ranks the answers by a column; {@code current} for the one they are ranked by now. */
    public record SortLink(String label, String href, boolean current) {}

    /** The period form: the chosen period, the links to the presets, and what was wrong with the input. */
    public record PeriodForm(String action, String path, int days, String from, String until, String shown,
            List<SortLink> presets, String problem) {}

    /** An answer's row in the ranking. */
    public record AnswerRow(String path, String title, String href, List<Long> figures, String clickRate,
            String signupRate) {}

    /** A search readers made, and for one that found nothing, the command that starts its answer. */
    public record QueryRow(String query, long count, String lastSeen, String command) {}

    /** A titled list of names and counts (referrers, UTM sources, AI agents, calls to action). */
    public record Counts(String id, String title, String nameHeading, String countHeading, List<Report.Count> rows,
            String empty) {}

    /** The whole site over a period. */
    public record Overview(PeriodForm form, List<Metric> totals, Chart chart, List<SortLink> sorts,
            List<AnswerRow> answers, String exportHref, List<Counts> sources, long searches,
            List<QueryRow> unanswered, List<QueryRow> unclicked, Newsletter newsletter) {}

    /** The newsletter over a period: confirmed signups, and each sent issue's deliveries and clicks. */
    public record Newsletter(long confirmed, List<IssueRow> issues) {}

    /** A sent issue: when, to how many, what became of the emails, and its clicks by link. */
    public record IssueRow(String subject, String path, String sent, long recipients, long delivered, long bounced,
            long failed, long clicks, List<LinkRow> links) {}

    /** A link of an issue and its clicks. */
    public record LinkRow(String url, long clicks) {}

    /** One page over a period. */
    public record PageDetail(PeriodForm form, String path, String title, List<Metric> funnel, Chart chart,
            List<Counts> lists, String backHref) {}

    /** A page with a heading, a text and maybe a command to copy: the unset password, refusals, errors. */
    public record Notice(String title, String text, String command) {}
}
