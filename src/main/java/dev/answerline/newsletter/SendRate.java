package dev.answerline.newsletter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast issues go out: at most {@code perSecond} messages in any second and {@code perHour} in any
 * hour, the limits small SMTP accounts (and their providers' reputation systems) impose. The default,
 * 5/s and 1000/h, is safe for such an account.
 *
 * @param perSecond messages in any sliding second
 * @param perHour messages in any sliding hour
 */
public record SendRate(int perSecond, int perHour) {
    /** Safe for a small SMTP account. */
    public static final SendRate DEFAULT = new SendRate(5, 1000);
    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*/\\s*(s|h)");

    public SendRate {
        if (perSecond < 1 || perHour < 1) {
            throw new IllegalArgumentException("a send rate needs at least one message per second and per hour");
        }
    }

    /**
     * Reads the {@code --rate} options: {@code 20/s}, {@code 500/h}, or one of each. A rate per second alone
     * sets no hourly limit of its own; a rate per hour alone keeps the default's per second (or less). None
     * gives {@link #DEFAULT}.
     *
     * @throws NewsletterException when a text is no rate
     */
    public static SendRate parse(List<String> texts) {
        Integer perSecond = null;
        Integer perHour = null;
        for (String text : texts) {
            Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches() || m.group(1).length() > 7 || Integer.parseInt(m.group(1)) == 0) {
                throw new NewsletterException("--rate " + text + " is not a send rate",
                        "write messages per second or per hour, e.g. --rate 20/s or --rate 500/h");
            }
            if (m.group(2).equals("s")) {
                perSecond = Integer.parseInt(m.group(1));
            } else {
                perHour = Integer.parseInt(m.group(1));
            }
        }
        if (perSecond == null && perHour == null) {
            return DEFAULT;
        }
        if (perHour == null) {
            return new SendRate(perSecond, (int) Math.min(Integer.MAX_VALUE, perSecond * 3600L));
        }
        return new SendRate(perSecond != null ? perSecond : Math.min(DEFAULT.perSecond(), perHour), perHour);
    }

    @Override
    public String toString() {
        return perSecond + "/s and " + perHour + "/h";
    }

    /** The sliding windows of one sender. Not thread-safe: one sender loop owns it. */
    static final class Window {
        private final SendRate rate;
        private final Deque<Long> lastSecond = new ArrayDeque<>();
        private final Deque<Long> lastHour = new ArrayDeque<>();

        Window(SendRate rate) {
            this.rate = rate;
        }

        /** How many messages may go at {@code now} without breaking a limit. */
        int available(long now) {
            forget(now);
            return Math.min(rate.perSecond() - lastSecond.size(), rate.perHour() - lastHour.size());
        }

        /** When the next message may go, at or after {@code now}. */
        long nextAt(long now) {
            forget(now);
            long next = now;
            if (lastSecond.size() >= rate.perSecond()) {
                next = Math.max(next, lastSecond.peekFirst() + 1_000);
            }
            if (lastHour.size() >= rate.perHour()) {
                next = Math.max(next, lastHour.peekFirst() + 3_600_000);
            }
            return next;
        }

        /** Counts a message sent (or tried) at {@code now}. */
        void take(long now) {
            lastSecond.addLast(now);
            lastHour.addLast(now);
        }

        private void forget(long now) {
            while (!lastSecond.isEmpty() && lastSecond.peekFirst() <= now - 1_000) {
                lastSecond.removeFirst();
            }
            while (!lastHour.isEmpty() && lastHour.peekFirst() <= now - 3_600_000) {
                lastHour.removeFirst();
            }
        }
    }
}
