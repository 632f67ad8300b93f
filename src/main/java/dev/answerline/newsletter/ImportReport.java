package dev.answerline.newsletter;

import java.util.List;

/**
 * What {@code subscribers import} did.
 *
 * @param added new subscribers
 * @param changed pending subscribers the file confirmed (or unsubscribed)
 * @param unchanged rows about subscribers already here, left as they were
 * @param problems rows left out, each {@code line N: what is wrong — left out}
 */
public record ImportReport(int added, int changed, int unchanged, List<String> problems) {
    public ImportReport {
        problems = List.copyOf(problems);
    }
}
