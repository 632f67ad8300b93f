package dev.answerline.admin.internal;

import dev.answerline.insights.Figures;
import dev.answerline.insights.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A daily line chart drawn on the server as SVG: it shows without JavaScript, prints, and is described for
 * screen readers ({@code role="img"} with a title and a description); the same numbers are in a table
 * beside it. No text inside the SVG: it scales with the page, and text that shrinks on a phone is unreadable,
 * so the labels are HTML around it.
 *
 * @param id unique on the page, for the ids of the title and description
 * @param svg the drawing, ready to put in the page (every text in it escaped)
 * @param series the names of the lines, in the order of the table's columns, with their CSS class
 * @param rows a row per day: the date and a number per series
 * @param max the top of the scale
 */
public record Chart(String id, String title, String svg, List<Series> series, List<Row> rows, long max) {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int PAD = 8;

    /** A line: its name and the class that colours it. */
    public record Series(String name, String cssClass) {}

    /** A day's numbers. */
    public record Row(String day, List<Long> values) {}

    private static final List<String> NAMES = List.of("Views", "Visitors", "AI reads", "Shop clicks", "Signups",
            "Confirmed");
    private static final List<ToLongFunction<Figures>> FIGURES = List.of(Figures::views, Figures::visitors,
            Figures::aiReads, Figures::ctaClicks, Figures::signups, Figures::confirmed);

    /** The six daily figures of a report's days. */
    public static Chart daily(String id, String title, List<Report.Day> days) {
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < NAMES.size(); s++) {
            series.add(new Series(NAMES.get(s), "series-" + s));
        }
        List<Row> rows = new ArrayList<>();
        long max = 0;
        for (Report.Day day : days) {
            List<Long> values = new ArrayList<>();
            for (ToLongFunction<Figures> figure : FIGURES) {
                long value = figure.applyAsLong(day.figures());
                values.add(value);
                max = Math.max(max, value);
            }
            rows.add(new Row(day.day().toString(), values));
        }
        long top = Math.max(1, max);
        StringBuilder svg = new StringBuilder();
        String desc = description(series, rows);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" preserveAspectRatio=\"none\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>");
        for (int line = 0; line <= 4; line++) {
            double y = PAD + (HEIGHT - 2 * PAD) * line / 4.0;
            svg.append("<line class=\"grid\" x1=\"0\" x2=\"").append(WIDTH).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\"/>");
        }
        for (int s = 0; s < series.size(); s++) {
            svg.append("<polyline class=\"line ").append(series.get(s).cssClass()).append("\" points=\"");
            for (int d = 0; d < rows.size(); d++) {
                double x = rows.size() == 1 ? WIDTH / 2.0 : (double) WIDTH * d / (rows.size() - 1);
                double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * rows.get(d).values().get(s) / top;
                svg.append(d == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
            }
            svg.append("\"/>");
        }
        svg.append("</svg>");
        return new Chart(id, title, svg.toString(), series, rows, top);
    }

    /** What a sighted reader takes from the chart: each line's total and its best day. */
    private static String description(List<Series> series, List<Row> rows) {
        if (rows.isEmpty()) {
            return "No days.";
        }
        StringBuilder text = new StringBuilder("From " + rows.get(0).day() + " to " + rows.get(rows.size() - 1).day()
                + ":");
        for (int s = 0; s < series.size(); s++) {
            long total = 0;
            Row best = rows.get(0);
            for (Row row : rows) {
                total += row.values().get(s);
                if (row.values().get(s) > best.values().get(s)) {
                    best = row;
                }
            }
            text.append(s == 0 ? " " : "; ").append(series.get(s).name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(total);
            if (total > 0) {
                text.append(" (most on ").append(best.day()).append(": ").append(best.values().get(s)).append(')');
            }
        }
        return text.append('.').toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
