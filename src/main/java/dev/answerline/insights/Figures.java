package dev.answerline.insights;

/**
 * The funnel of a page or of the whole site over some days: views by people, distinct visitors (summed
 * over the days: one person on two days counts twice), reads by AI agents, clicks on the call to action,
 * newsletter signups from the page's form and how many of those were confirmed.
 */
public record Figures(long views, long visitors, long aiReads, long ctaClicks, long signups, long confirmed) {
    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);

    /** Clicks on the call to action per view, 0 to 1; 0 without views. */
    public double clickRate() {
        return views == 0 ? 0 : (double) ctaClicks / views;
    }

    /** Signups per view, 0 to 1; 0 without views. */
    public double signupRate() {
        return views == 0 ? 0 : (double) signups / views;
    }

    /** Confirmed signups per signup, 0 to 1; 0 without signups. */
    public double confirmRate() {
        return signups == 0 ? 0 : (double) confirmed / signups;
    }
}
