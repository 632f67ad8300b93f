package dev.answerline.newsletter;

import dev.answerline.content.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A newsletter issue as every recipient gets it, but for their own unsubscribe address, which goes where
 * {@link #UNSUBSCRIBE_URL} stands in {@code html} and {@code text}.
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
     * The issue {@code slug} of {@code site}, made into its email.
     *
     * @throws NewsletterException when the site has no such issue
     */
    public static IssueEmail render(Site site, String slug) {
        // a first, plain rendering until issues are content of their own: the front matter's subject, the
        // body as text
        Path file = site.dir().resolve("newsletters").resolve(slug + ".md");
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NewsletterException("there is no newsletter issue " + slug + " (newsletters/" + slug + ".md)",
                    "write it first, or check the name with ls newsletters/", e);
        }
        String subject = slug;
        String body = source;
        if (source.startsWith("---\n")) {
            int end = source.indexOf("\n---\n", 4);
            if (end > 0) {
                for (String line : source.substring(4, end).split("\n")) {
                    if (line.startsWith("subject:")) {
                        subject = line.substring("subject:".length()).strip();
                    }
                }
                body = source.substring(end + 5);
            }
        }
        String text = body.strip() + "\n\nUnsubscribe: " + UNSUBSCRIBE_URL + "\n";
        String html = "<!DOCTYPE html><html><body><pre>" + body.strip().replace("&", "&amp;").replace("<", "&lt;")
                + "</pre><p><a href=\"" + UNSUBSCRIBE_URL + "\">Unsubscribe</a></p></body></html>";
        return new IssueEmail(slug, subject, "", html, text);
    }
}
