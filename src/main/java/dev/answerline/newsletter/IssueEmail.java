package dev.answerline.newsletter;

import dev.answerline.content.NewsletterIssue;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.newsletter.internal.IssueMail;
import dev.answerline.newsletter.internal.IssueView;

/**
 * A newsletter issue as every recipient gets it, but for their own unsubscribe address, which goes where
 * {@link #UNSUBSCRIBE_URL} stands in {@code html} and {@code text}.
 *
 * <p>The HTML is a table layout with inline styles in the brand's theme colours, a small
 * {@code prefers-color-scheme: dark} block for clients that honour it, the preheader as hidden text, and no
 * script, external stylesheet or tracking pixel. Clicks are counted, when the sender asks, by the links
 * themselves ({@link ClickLinks}).
 *
 * @param slug the issue's file name, {@code newsletters/{slug}.md}
 * @param preheader the line mail clients show after the subject; empty when the issue has none
 * @param html the whole HTML document of the email
 * @param text the plain-text part
 */
public record IssueEmail(String slug, String subject, String preheader, String html, String text) {
    /** Stands, in {@code html} and {@code text}, for the recipient's own one-click unsubscribe address. */
    public static final String UNSUBSCRIBE_URL = "{{unsubscribe_url}}";

    /**
     * The issue {@code slug} of {@code site}, made into its email with plain (uncounted) links.
     *
     * @throws NewsletterException when the site has no such issue
     */
    public static IssueEmail render(Site site, String slug) {
        return render(site, slug, null);
    }

    /**
     * The issue {@code slug} of {@code site}, made into its email; its links go through {@code links}, so that
     * {@code /r/} counts their clicks, or are plain when {@code links} is null.
     *
     * @throws NewsletterException when the site has no such issue
     */
    public static IssueEmail render(Site site, String slug, ClickLinks links) {
        SiteConfig.Newsletter settings = site.config().newsletter();
        return render(site, slug, links, settings == null ? null : settings.postalAddress());
    }

    /**
     * As {@link #render(Site, String, ClickLinks)}, with the brand's postal address in the footer.
     *
     * @param postalAddress the address as one line, or null for none
     */
    public static IssueEmail render(Site site, String slug, ClickLinks links, String postalAddress) {
        NewsletterIssue issue = site.issue(slug).orElseThrow(() -> new NewsletterException(
                "there is no newsletter issue " + slug + " (newsletters/" + slug + ".md)",
                "write it first, or check the name with ls newsletters/ and answerline check"));
        IssueMail mail = new IssueMail(site, issue, links == null ? (s, url) -> url : links::link);
        IssueView view = mail.view(UNSUBSCRIBE_URL, postalAddress);
        return new IssueEmail(slug, issue.subject(), issue.preheader(), mail.html(view), mail.text(view));
    }
}
