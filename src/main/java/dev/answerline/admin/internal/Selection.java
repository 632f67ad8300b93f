package dev.answerline.admin.internal;

import dev.answerline.insights.Period;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.jetty.util.Fields;

/**
 * The period and order the owner chose in the address: {@code days=7|30|90}, or {@code from} and
 * {@code until} as YYYY-MM-DD, and {@code sort}. Whatever is typed there, the answer is a period: a date
 * that is no date gives the last 30 days and a {@link #problem} to show, never an error page.
 *
 * @param days 7, 30 or 90 for those last days; 0 for the custom {@code from}/{@code until}
 * @param from the custom start as typed (kept in the form), or the period's start
 * @param problem what was wrong with the input, for the owner; null when nothing
 */
public record Selection(Period period, int days, String from, String until, Sort sort, String problem) {
    public static final int DEFAULT_DAYS = 30;

    /** The columns the answers can be ranked by, as named in the address. */
    public enum Sort {
        VIEWS("views", "Views"), VISITORS("visitors", "Visitors"), AI_READS("ai", "AI reads"),
        CTA_CLICKS("clicks", "Shop clicks"), SIGNUPS("signups", "Signups"), CONFIRMED("confirmed", "Confirmed");

        public final String param;
        public final String label;

        Sort(String param, String label) {
            this.param = param;
            this.label = label;
        }

        static Sort of(String param) {
            for (Sort sort : values()) {
                if (sort.param.equals(param)) {
                    return sort;
                }
            }
            return VIEWS;
        }
    }

    /** Reads the query of a request; {@code today} is the last day of the preset periods. */
    public static Selection read(Fields query, LocalDate today) {
        Sort sort = Sort.of(query.getValue("sort"));
        String fromText = trimmed(query.getValue("from"));
        String untilText = trimmed(query.getValue("until"));
        if (fromText != null || untilText != null) {
            String problem = null;
            try {
                LocalDate from = fromText == null ? null : LocalDate.parse(fromText);
                LocalDate until = untilText == null ? today : LocalDate.parse(untilText);
                if (from == null) {
                    problem = "Give a start date (from) as well as an end date.";
                } else {
                    return new Selection(new Period(from, until), 0, fromText, until.toString(), sort, null);
                }
            } catch (DateTimeParseException e) {
                problem = "“" + shorten(e.getParsedString()) + "” is not a date: write it as YYYY-MM-DD, e.g. "
                        + today + ". Showing the last " + DEFAULT_DAYS + " days instead.";
            } catch (IllegalArgumentException e) {
                problem = "That period does not work: " + e.getMessage() + ". Showing the last " + DEFAULT_DAYS
                        + " days instead.";
            }
            return new Selection(Period.lastDays(DEFAULT_DAYS, today), DEFAULT_DAYS, fromText, untilText, sort,
                    problem);
        }
        int days = switch (String.valueOf(query.getValue("days"))) {
            case "7" -> 7;
            case "90" -> 90;
            default -> DEFAULT_DAYS;
        };
        Period period = Period.lastDays(days, today);
        return new Selection(period, days, period.from().toString(), period.until().toString(), sort, null);
    }

    /** The query string that chooses this period again, with another order. */
    public String query(Sort order) {
        String period = days > 0 ? "days=" + days : "from=" + period().from() + "&until=" + period().until();
        return period + (order == Sort.VIEWS ? "" : "&sort=" + order.param);
    }

    /** The query string of this selection. */
    public String query() {
        return query(sort);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
