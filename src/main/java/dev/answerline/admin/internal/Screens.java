package dev.answerline.admin.internal;

import dev.answerline.admin.internal.Selection.Sort;
import dev.answerline.content.Address;
import dev.answerline.insights.Figures;
import dev.answerline.newsletter.IssueFigures;
import dev.answerline.insights.Report;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** Makes the dashboard's views from the insights' reports. */
public final class Screens {
    public static final String HOME = "/admin/";
    public static final String PAGE = "/admin/page";
    public static final String EXPORT = "/admin/export.csv";
    private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Screens() {}

    /** The whole site: totals, the daily chart, the answers ranked, sources, agents and searches. */
    public static View.Overview overview(Report report, Selection selection, java.nio.file.Path site) {
        return overview(report, selection, site, List.of());
    }

    /** As {@link #overview(Report, Selection, java.nio.file.Path)}, with the sent newsletter issues. */
    public static View.Overview overview(Report report, Selection selection, java.nio.file.Path site,
            List<IssueFigures> issues) {
        List<Report.Page> pages = ranked(report.pages(), selection.sort());
        List<View.AnswerRow> answers = new ArrayList<>();
        for (Report.Page page : pages) {
            Figures f = page.figures();
            answers.add(new View.AnswerRow(page.path(), page.title() == null ? page.path() : page.title(),
                    PAGE + "?p=" + encode(page.path()) + "&" + selection.query(), List.of(f.views(), f.visitors(),
                            f.aiReads(), f.ctaClicks(), f.signups(), f.confirmed()), percent(f.clickRate()),
                    percent(f.signupRate())));
        }
        List<View.SortLink> sorts = new ArrayList<>();
        for (Sort sort : Sort.values()) {
            sorts.add(new View.SortLink(sort.label, HOME + "?" + selection.query(sort), sort == selection.sort()));
        }
        List<View.QueryRow> unanswered = report.unanswered().stream().map(q -> new View.QueryRow(q.query(), q.count(),
                SEEN.format(q.lastSeen()), Shell.newAnswer(q.query(), site))).toList();
        List<View.QueryRow> unclicked = report.unclicked().stream().map(q -> new View.QueryRow(q.query(), q.count(),
                SEEN.format(q.lastSeen()), null)).toList();
        return new View.Overview(form(selection, HOME, null), metrics(report.totals()),
                Chart.daily("site-chart", "Daily figures of the whole site", report.days()), sorts, answers,
                EXPORT + "?" + selection.query(), List.of(
                        new View.Counts("referrers", "Referrers", "Site", "Views", report.referrers(),
                                "No views came from other sites."),
                        new View.Counts("utm", "UTM sources", "utm_source", "Views", report.utmSources(),
                                "No views came with a utm_source."),
                        new View.Counts("agents", "AI agents", "Agent", "Reads", report.aiAgents(),
                                "No AI agent read the hub.")),
                report.searches(), unanswered, unclicked, newsletter(report, issues));
    }

    private static View.Newsletter newsletter(Report report, List<IssueFigures> issues) {
        return new View.Newsletter(report.totals().confirmed(), issues.stream().map(i -> new View.IssueRow(
                i.subject(), Address.of(Address.Kind.ISSUE, i.slug()).path(), SEEN.format(i.queuedAt()),
                i.recipients(), i.sent(), i.bounced(), i.failed(), i.clicks(),
                i.links().stream().map(l -> new View.LinkRow(l.url(), l.clicks())).toList())).toList());
    }

    /** One page: its funnel, daily chart, calls to action, sources and agents. */
    public static View.PageDetail page(Report.PageReport report, Selection selection) {
        Figures f = report.totals();
        List<View.Metric> funnel = List.of(new View.Metric("Views", count(f.views())),
                new View.Metric("Visitors", count(f.visitors())), new View.Metric("AI reads", count(f.aiReads())),
                new View.Metric("Shop clicks", count(f.ctaClicks()) + " (" + percent(f.clickRate()) + " of views)"),
                new View.Metric("Signups", count(f.signups()) + " (" + percent(f.signupRate()) + " of views)"),
                new View.Metric("Confirmed", count(f.confirmed()) + " (" + percent(f.confirmRate()) + " of signups)"));
        String title = report.title() == null ? report.path() : report.title();
        return new View.PageDetail(form(selection, PAGE, report.path()), report.path(), title, funnel,
                Chart.daily("page-chart", "Daily figures of " + title, report.days()), List.of(
                        new View.Counts("ctas", "Calls to action", "Id in site.yaml", "Clicks", report.ctas(),
                                "No clicks on a call to action."),
                        new View.Counts("referrers", "Referrers", "Site", "Views", report.referrers(),
                                "No views came from other sites."),
                        new View.Counts("utm", "UTM sources", "utm_source", "Views", report.utmSources(),
                                "No views came with a utm_source."),
                        new View.Counts("agents", "AI agents", "Agent", "Reads", report.aiAgents(),
                                "No AI agent read this page.")),
                HOME + "?" + selection.query());
    }

    /** The pages in the order chosen, most first; ties by path so that the order is stable. */
    public static List<Report.Page> ranked(List<Report.Page> pages, Sort sort) {
        ToLongFunction<Figures> figure = switch (sort) {
            case VIEWS -> Figures::views;
            case VISITORS -> Figures::visitors;
            case AI_READS -> Figures::aiReads;
            case CTA_CLICKS -> Figures::ctaClicks;
            case SIGNUPS -> Figures::signups;
            case CONFIRMED -> Figures::confirmed;
        };
        return pages.stream().sorted(Comparator.<Report.Page>comparingLong(p -> figure.applyAsLong(p.figures()))
                .reversed().thenComparing(Report.Page::path)).toList();
    }

    private static View.PeriodForm form(Selection selection, String action, String path) {
        String extra = path == null ? "" : "p=" + encode(path) + "&";
        String sort = selection.sort() == Sort.VIEWS ? "" : "&sort=" + selection.sort().param;
        List<View.SortLink> presets = new ArrayList<>();
        for (int days : new int[] {7, 30, 90}) {
            presets.add(new View.SortLink("Last " + days + " days", action + "?" + extra + "days=" + days + sort,
                    selection.days() == days));
        }
        String shown = selection.period().from() + " to " + selection.period().until() + " ("
                + selection.period().days() + " days, UTC)";
        return new View.PeriodForm(action, path, selection.days(), selection.from(), selection.until(), shown,
                presets, selection.problem());
    }

    private static List<View.Metric> metrics(Figures f) {
        return List.of(new View.Metric("Views", count(f.views())), new View.Metric("Visitors", count(f.visitors())),
                new View.Metric("AI reads", count(f.aiReads())), new View.Metric("Shop clicks", count(f.ctaClicks())),
                new View.Metric("Signups", count(f.signups())), new View.Metric("Confirmed", count(f.confirmed())));
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    /** A rate as a percentage with one decimal: {@code 12.5%}. */
    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
