package dev.answerline.insights.internal;

import dev.answerline.insights.Figures;
import dev.answerline.insights.Period;
import dev.answerline.insights.Report;
import dev.answerline.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads reports from the insight tables: sums over the days of a period. */
public final class Reports {
    /** Rows of a ranking (referrers, sources, agents, searches) a report lists. */
    static final int TOP = 100;
    private static final String SUMS = "SUM(views), SUM(visitors), SUM(ai_reads), SUM(cta_clicks), SUM(signups),"
            + " SUM(confirmed)";
    /** The same for the whole site: its visitors are those of path '', not the sum of every page's. */
    private static final String SITE_SUMS = "SUM(views), SUM(CASE WHEN path = '' THEN visitors ELSE 0 END),"
            + " SUM(ai_reads), SUM(cta_clicks), SUM(signups), SUM(confirmed)";

    private final Database db;

    public Reports(Database db) {
        this.db = db;
    }

    /** The site's report; {@code titles} gives a page's title, or null for one the site no longer has. */
    public Report site(Period period, Function<String, String> titles) {
        return db.read(c -> {
            String from = period.from().toString();
            String until = period.until().toString();
            Map<LocalDate, Figures> byDay = new LinkedHashMap<>();
            for (LocalDate day = period.from(); !day.isAfter(period.until()); day = day.plusDays(1)) {
                byDay.put(day, Figures.NONE);
            }
            // the site's visitors are the rows of path '', which have no other counts
            try (PreparedStatement select = c.prepareStatement("SELECT day, " + SITE_SUMS
                    + " FROM insight_day WHERE day BETWEEN ? AND ? GROUP BY day")) {
                select.setString(1, from);
                select.setString(2, until);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byDay.put(LocalDate.parse(rows.getString(1)), figures(rows, 2));
                    }
                }
            }
            List<Report.Day> days = new ArrayList<>();
            Figures totals = Figures.NONE;
            for (Map.Entry<LocalDate, Figures> day : byDay.entrySet()) {
                days.add(new Report.Day(day.getKey(), day.getValue()));
                totals = plus(totals, day.getValue());
            }
            List<Report.Page> pages = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT path, " + SUMS + " FROM insight_day"
                    + " WHERE day BETWEEN ? AND ? AND path <> '' GROUP BY path ORDER BY SUM(views) DESC, path")) {
                select.setString(1, from);
                select.setString(2, until);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String path = rows.getString(1);
                        pages.add(new Report.Page(path, titles.apply(path), figures(rows, 2)));
                    }
                }
            }
            long searches = single(c, "SELECT SUM(searches) FROM insight_query WHERE day BETWEEN ? AND ?", from, until);
            return new Report(period, totals, days, pages, sources(c, period, null, "referrer"),
                    sources(c, period, null, "utm_source"), named(c, period, null, "insight_agent", "agent", "reads"),
                    searches, queries(c, period, true), queries(c, period, false));
        });
    }

    /** One page's report. */
    public Report.PageReport page(Period period, String path, String title) {
        return db.read(c -> {
            List<Report.Day> days = new ArrayList<>();
            Map<LocalDate, Figures> byDay = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT day, " + SUMS
                    + " FROM insight_day WHERE day BETWEEN ? AND ? AND path = ? GROUP BY day")) {
                select.setString(1, period.from().toString());
                select.setString(2, period.until().toString());
                select.setString(3, path);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byDay.put(LocalDate.parse(rows.getString(1)), figures(rows, 2));
                    }
                }
            }
            Figures totals = Figures.NONE;
            for (LocalDate day = period.from(); !day.isAfter(period.until()); day = day.plusDays(1)) {
                Figures figures = byDay.getOrDefault(day, Figures.NONE);
                days.add(new Report.Day(day, figures));
                totals = plus(totals, figures);
            }
            return new Report.PageReport(period, path, title, totals, days, sources(c, period, path, "referrer"),
                    sources(c, period, path, "utm_source"), named(c, period, path, "insight_agent", "agent", "reads"),
                    named(c, period, path, "insight_cta", "cta", "clicks"));
        });
    }

    private static Figures figures(ResultSet rows, int first) throws SQLException {
        return new Figures(rows.getLong(first), rows.getLong(first + 1), rows.getLong(first + 2),
                rows.getLong(first + 3), rows.getLong(first + 4), rows.getLong(first + 5));
    }

    private static Figures plus(Figures a, Figures b) {
        return new Figures(a.views() + b.views(), a.visitors() + b.visitors(), a.aiReads() + b.aiReads(),
                a.ctaClicks() + b.ctaClicks(), a.signups() + b.signups(), a.confirmed() + b.confirmed());
    }

    private static List<Report.Count> sources(Connection c, Period period, String path, String kind)
            throws SQLException {
        return counts(c, "SELECT value, SUM(views) FROM insight_source WHERE day BETWEEN ? AND ? AND kind = ?"
                + (path == null ? "" : " AND path = ?") + " GROUP BY value ORDER BY SUM(views) DESC, value",
                period, kind, path);
    }

    private static List<Report.Count> named(Connection c, Period period, String path, String table, String column,
            String count) throws SQLException {
        return counts(c, "SELECT " + column + ", SUM(" + count + ") FROM " + table + " WHERE day BETWEEN ? AND ?"
                + (path == null ? "" : " AND path = ?") + " GROUP BY " + column + " ORDER BY SUM(" + count + ") DESC, "
                + column, period, null, path);
    }

    private static List<Report.Count> counts(Connection c, String sql, Period period, String kind, String path)
            throws SQLException {
        List<Report.Count> counts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            select.setString(i++, period.from().toString());
            select.setString(i++, period.until().toString());
            if (kind != null) {
                select.setString(i++, kind);
            }
            if (path != null) {
                select.setString(i, path);
            }
            select.setMaxRows(TOP);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.add(new Report.Count(rows.getString(1), rows.getLong(2)));
                }
            }
        }
        return counts;
    }

    /** Searches that found nothing ({@code empty}), or found something nobody opened. */
    private static List<Report.Query> queries(Connection c, Period period, boolean empty) throws SQLException {
        String sql = empty
                ? "SELECT query, SUM(empty), MAX(last_seen) FROM insight_query WHERE day BETWEEN ? AND ?"
                        + " GROUP BY query HAVING SUM(empty) > 0 ORDER BY SUM(empty) DESC, MAX(last_seen) DESC"
                : "SELECT query, SUM(searches) - SUM(empty), MAX(last_seen) FROM insight_query"
                        + " WHERE day BETWEEN ? AND ? GROUP BY query HAVING SUM(searches) > SUM(empty)"
                        + " AND SUM(clicks) = 0 ORDER BY SUM(searches) - SUM(empty) DESC, MAX(last_seen) DESC";
        List<Report.Query> queries = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, period.from().toString());
            select.setString(2, period.until().toString());
            select.setMaxRows(TOP);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    queries.add(new Report.Query(rows.getString(1), rows.getLong(2),
                            Instant.ofEpochMilli(rows.getLong(3))));
                }
            }
        }
        return queries;
    }

    private static long single(Connection c, String sql, String from, String until) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, from);
            select.setString(2, until);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
