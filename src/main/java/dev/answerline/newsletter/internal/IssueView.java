package dev.answerline.newsletter.internal;

import java.util.List;

/**
 * What {@code newsletter/issue.jte} shows: a newsletter issue as its email, every link already final
 * (absolute, with its campaign parameters, counted when the sender counts clicks).
 *
 * @param preheader the hidden line after the subject; empty for none
 * @param blocks the body in order
 * @param unsubscribeUrl the placeholder each recipient's own address replaces
 * @param postalAddress the brand's postal address for the footer, or null
 * @param light the brand's colours, inline
 * @param dark the same in a dark scheme, for the {@code prefers-color-scheme: dark} rules
 */
public record IssueView(String language, String subject, String preheader, String brand, String webUrl,
        String webLabel, List<Block> blocks, String unsubscribeUrl, String unsubscribeLabel, String postalAddress,
        Colours light, Colours dark) {

    /** Body HTML made by the Markdown pipeline and given inline styles, or an answer card. */
    public record Block(String html, Card card) {}

    /** An answer as a card: its question linking to it, its direct answer, a link to read it all. */
    public record Card(String question, String url, String answerHtml, String readLabel) {}

    /** A scheme's colours as CSS hex values. */
    public record Colours(String background, String surface, String text, String muted, String accent,
            String onAccent, String border) {}
}
