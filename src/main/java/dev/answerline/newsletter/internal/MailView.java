package dev.answerline.newsletter.internal;

import java.util.List;

/**
 * What an email says, for both its HTML and its plain-text part.
 *
 * @param unsubscribeUrl null for emails to people who have not confirmed
 * @param language the language tag of the site, for the HTML part's {@code lang}
 * @param unsubscribe the text of the unsubscribe link, in that language
 */
public record MailView(String brand, String heading, List<String> paragraphs, String buttonLabel, String buttonUrl,
        List<String> notes, String unsubscribeUrl, String language, String unsubscribe) {

    /** The plain-text part: the same words, the link on a line of its own. */
    public String text() {
        StringBuilder text = new StringBuilder(heading).append("\n\n");
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        text.append(buttonLabel).append(":\n").append(buttonUrl).append("\n\n");
        notes.forEach(n -> text.append(n).append("\n\n"));
        text.append("-- \n").append(brand).append('\n');
        if (unsubscribeUrl != null) {
            text.append(unsubscribe).append(": ").append(unsubscribeUrl).append('\n');
        }
        return text.toString();
    }
}
