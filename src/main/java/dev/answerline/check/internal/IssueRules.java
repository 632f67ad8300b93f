package dev.answerline.check.internal;

import dev.answerline.check.Rule;
import dev.answerline.content.NewsletterIssue;
import dev.answerline.content.Site;

/**
 * The rules of newsletter issues that are not a page's: the subject an inbox shows, and the preheader after
 * it. Their links, images and answer cards are checked with every other content's (LinkRules, the loader).
 */
public final class IssueRules {
    private final Site site;
    private final Findings findings;

    public IssueRules(Site site, Findings findings) {
        this.site = site;
        this.findings = findings;
    }

    public void run() {
        int max = findings.integer(Rule.ISSUE_SUBJECT_LENGTH, "max");
        for (NewsletterIssue issue : site.issues()) {
            String file = issue.source().file();
            int length = issue.subject().codePointCount(0, issue.subject().length());
            if (findings.on(Rule.ISSUE_SUBJECT_LENGTH) && length > max) {
                findings.add(Rule.ISSUE_SUBJECT_LENGTH, file, issue.source().lineOf("subject"), "the subject has "
                        + length + " characters; inboxes on phones show about " + max,
                        "put the words that make readers open it first, and cut the rest");
            }
            if (findings.on(Rule.ISSUE_PREHEADER) && issue.preheader().isEmpty()) {
                findings.add(Rule.ISSUE_PREHEADER, file, 1, "the issue has no `preheader`: inboxes show its first"
                        + " words after the subject instead", "add `preheader: ` with one sentence that adds to the"
                        + " subject");
            }
        }
    }
}
