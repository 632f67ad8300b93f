package dev.answerline.admin.internal;

import dev.answerline.insights.Figures;
import dev.answerline.insights.Report;
import java.util.List;
import java.util.Locale;

/** The answers table as CSV (RFC 4180), safe to open in a spreadsheet. */
public final class Csv {
    public static final String HEADER = "path,title,views,visitors,ai_reads,cta_clicks,signups,confirmed,"
            + "click_rate,signup_rate";

    private Csv() {}

    /** The header and a row per page, CRLF line ends. */
    public static String of(List<Report.Page> pages) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Report.Page page : pages) {
            Figures f = page.figures();
            csv.append(cell(page.path())).append(',').append(cell(page.title() == null ? "" : page.title()));
            for (long n : new long[] {f.views(), f.visitors(), f.aiReads(), f.ctaClicks(), f.signups(), f.confirmed()}) {
                csv.append(',').append(n);
            }
            csv.append(',').append(String.format(Locale.ROOT, "%.4f", f.clickRate()))
                    .append(',').append(String.format(Locale.ROOT, "%.4f", f.signupRate())).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * One text cell. A spreadsheet runs a cell that starts with {@code = + - @} (or a tab or carriage return
     * before one) as a formula, and page paths and titles are not all ours to choose (a path is whatever was
     * counted): such a cell gets a leading {@code '}, which spreadsheets show as text (OWASP, CSV injection).
     */
    public static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
