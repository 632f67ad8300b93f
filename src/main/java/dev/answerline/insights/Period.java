package dev.answerline.insights;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, both included, in UTC (the days insights are counted in).
 *
 * <pre>{@code
 * Period.lastDays(30, LocalDate.now(ZoneOffset.UTC));   // today and the 29 days before
 * }</pre>
 */
public record Period(LocalDate from, LocalDate until) {
    /** The longest period a report covers: two years of days. */
    public static final int MAX_DAYS = 731;

    public Period {
        if (from.isAfter(until)) {
            throw new IllegalArgumentException("a period starts before it ends: " + from + " is after " + until);
        }
        if (days(from, until) > MAX_DAYS) {
            throw new IllegalArgumentException("a period is at most " + MAX_DAYS + " days");
        }
    }

    /** The last {@code days} days up to and including {@code today}. */
    public static Period lastDays(int days, LocalDate today) {
        return new Period(today.minusDays(days - 1L), today);
    }

    /** How many days the period has. */
    public int days() {
        return (int) days(from, until);
    }

    private static long days(LocalDate from, LocalDate until) {
        return ChronoUnit.DAYS.between(from, until) + 1;
    }
}
