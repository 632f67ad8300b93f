package dev.answerline.newsletter.internal;

import dev.answerline.content.Address;
import dev.answerline.content.Answer;
import dev.answerline.content.NewsletterIssue;
import dev.answerline.content.Palette;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import dev.answerline.language.Label;
import dev.answerline.markdown.Markdown;
import dev.answerline.render.Templates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a newsletter issue into its email: the body from the Markdown pipeline, given the inline styles mail
 * clients need (many drop a {@code <style>}), every link absolute, with the campaign parameters on links to
 * the site, and passed through {@code count} (the click links, or as it is); and the plain-text part with the
 * same words and every link written out.
 *
 * <p>The HTML it rewrites is the Markdown pipeline's own, whose raw HTML is escaped: its tags and attribute
 * values have one known shape, which is what the patterns below rely on.
 */
public final class IssueMail {
    private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<(p|h[1-6]|ul|ol|li|blockquote|pre|code|table|th|td|hr|img)([ >/])");
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\"[^>]*>(.*?)</a>", Pattern.DOTALL);
    private static final Pattern SRC = Pattern.compile("(<img [^>]*?src=\")([^\"]*)\"");
    private static final Pattern ORDERED = Pattern.compile("<ol[^>]*>.*?</ol>", Pattern.DOTALL);
    private static final Pattern IMAGE = Pattern.compile("<img [^>]*?alt=\"([^\"]*)\"[^>]*>");

    private final Site site;
    private final NewsletterIssue issue;
    private final BinaryOperator<String> count;
    private final Palette light;

    /**
     * @param count makes a final URL counted, given the issue's slug and the URL
     */
    public IssueMail(Site site, NewsletterIssue issue, BinaryOperator<String> count) {
        this.site = site;
        this.issue = issue;
        this.count = count;
        this.light = Palette.of(site.config().theme(), false);
    }

    /** The view the template shows, with every link final. */
    public IssueView view(String unsubscribeUrl, String postalAddress) {
        SiteConfig config = site.config();
        List<IssueView.Block> blocks = new ArrayList<>();
        for (NewsletterIssue.Part part : issue.parts()) {
            if (part instanceof NewsletterIssue.Text text) {
                blocks.add(new IssueView.Block(styled(text.prose().html()), null));
            } else if (part instanceof NewsletterIssue.Card card) {
                // an unknown answer is a problem of the issue's file; the email leaves the card out
                site.answer(card.answer()).ifPresent(a -> blocks.add(new IssueView.Block(null, card(a))));
            }
        }
        return new IssueView(config.language(), issue.subject(), issue.preheader(), config.brand(),
                link(Address.of(Address.Kind.ISSUE, issue.slug()).path()), config.labels().text(Label.ISSUE_WEB_VERSION),
                blocks, unsubscribeUrl, config.labels().text(Label.UNSUBSCRIBE), postalAddress, colours(light),
                colours(Palette.of(config.theme(), true)));
    }

    /** The HTML document. */
    public String html(IssueView view) {
        return Templates.of(site.templates()).render("newsletter/issue.jte", view);
    }

    /** The plain-text part: the subject, the body with each link after its words, the footer. */
    public String text(IssueView view) {
        StringBuilder out = new StringBuilder();
        out.append(view.subject()).append("\n\n");
        for (IssueView.Block block : view.blocks()) {
            if (block.card() != null) {
                IssueView.Card card = block.card();
                out.append("## ").append(card.question()).append("\n\n").append(plain(card.answerHtml())).append("\n\n")
                        .append(card.readLabel()).append(": ").append(card.url()).append("\n\n");
            } else {
                out.append(plain(block.html())).append("\n\n");
            }
        }
        out.append("-- \n").append(view.brand()).append('\n');
        out.append(view.webLabel()).append(": ").append(view.webUrl()).append('\n');
        out.append(view.unsubscribeLabel()).append(": ").append(view.unsubscribeUrl()).append('\n');
        if (view.postalAddress() != null) {
            out.append(view.postalAddress()).append('\n');
        }
        return out.toString();
    }

    private IssueView.Card card(Answer answer) {
        String url = link(answer.path());
        String direct = Markdown.inline(answer.answer(), answer.source().lineOf("answer")).html();
        return new IssueView.Card(answer.question(), url, styled(direct),
                site.config().labels().text(Label.ISSUE_READ_ANSWER));
    }

    /** The Markdown pipeline's HTML with inline styles and final links. */
    private String styled(String html) {
        String accent = light.brand().hex();
        Matcher href = HREF.matcher(html);
        StringBuilder linked = new StringBuilder();
        while (href.find()) {
            String url = link(unescape(href.group(1)));
            href.appendReplacement(linked, Matcher.quoteReplacement("<a href=\"" + escape(url) + "\" style=\"color:"
                    + accent + ";text-decoration:underline;\""));
        }
        href.appendTail(linked);
        // images load from the site: absolute, neither tagged nor counted
        String base = site.config().baseUrl();
        String withImages = SRC.matcher(linked).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
                + (m.group(2).startsWith("/") && !m.group(2).startsWith("//") ? base : "") + m.group(2) + "\""));
        linked = new StringBuilder(withImages);
        Matcher tag = TAG.matcher(linked);
        StringBuilder styled = new StringBuilder();
        while (tag.find()) {
            String style = STYLES.get(tag.group(1).startsWith("h") && !tag.group(1).equals("hr") ? "h" : tag.group(1));
            String border = light.border().hex();
            tag.appendReplacement(styled, Matcher.quoteReplacement("<" + tag.group(1) + " style=\""
                    + style.replace("BORDER", border) + "\"" + tag.group(2)));
        }
        tag.appendTail(styled);
        return styled.toString();
    }

    private static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("p", "margin:0 0 16px;font-size:16px;line-height:1.6;"),
            Map.entry("h", "margin:24px 0 12px;font-size:20px;line-height:1.3;"),
            Map.entry("ul", "margin:0 0 16px;padding-left:24px;"),
            Map.entry("ol", "margin:0 0 16px;padding-left:24px;"),
            Map.entry("li", "margin:0 0 6px;font-size:16px;line-height:1.6;"),
            Map.entry("blockquote", "margin:0 0 16px;padding:0 0 0 14px;border-left:3px solid BORDER;"),
            Map.entry("pre", "margin:0 0 16px;white-space:pre-wrap;font-size:14px;"),
            Map.entry("code", "font-family:Menlo,Consolas,monospace;font-size:14px;"),
            Map.entry("table", "border-collapse:collapse;margin:0 0 16px;"),
            Map.entry("th", "border:1px solid BORDER;padding:6px 8px;text-align:left;"),
            Map.entry("td", "border:1px solid BORDER;padding:6px 8px;"),
            Map.entry("hr", "border:0;border-top:1px solid BORDER;margin:24px 0;"),
            Map.entry("img", "max-width:100%;height:auto;border:0;display:block;"));

    /**
     * A URL of the issue made final: a site path or a URL on the site gets the base URL and the campaign
     * parameters; every http(s) URL then goes through {@code count}.
     */
    private String link(String url) {
        String base = site.config().baseUrl();
        String absolute = url.startsWith("/") && !url.startsWith("//") ? base + url : url;
        if (absolute.equals(base) || absolute.startsWith(base + "/") || absolute.startsWith(base + "?")
                || absolute.startsWith(base + "#")) {
            absolute = campaign(absolute);
        }
        return count.apply(issue.slug(), absolute);
    }

    /** {@code utm_source=newsletter&utm_medium=email&utm_campaign={slug}}, before any {@code #fragment}. */
    private String campaign(String url) {
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String rest = hash < 0 ? url : url.substring(0, hash);
        return rest + (rest.contains("?") ? "&" : "?") + "utm_source=newsletter&utm_medium=email&utm_campaign="
                + URLEncoder.encode(issue.slug(), StandardCharsets.UTF_8) + fragment;
    }

    private static IssueView.Colours colours(Palette p) {
        return new IssueView.Colours(p.background().hex(), p.surface().hex(), p.text().hex(), p.muted().hex(),
                p.brand().hex(), p.onBrand().hex(), p.border().hex());
    }

    /** The words of styled body HTML, each link's URL after its words, each image by its alt text. */
    static String plain(String html) {
        String text = LINK.matcher(html).replaceAll(m -> {
            String url = unescape(m.group(1));
            String words = m.group(2).replaceAll("<[^>]+>", "");
            return Matcher.quoteReplacement(unescape(words).equals(url) ? url : words + " (" + url + ")");
        });
        text = IMAGE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1) + "]"));
        text = ORDERED.matcher(text).replaceAll(list -> {
            int[] number = {0};
            return Matcher.quoteReplacement(list.group().replaceAll("<li[^>]*>", "\u0000").chars()
                    .mapToObj(c -> c == 0 ? ++number[0] + ". " : String.valueOf((char) c))
                    .collect(java.util.stream.Collectors.joining()));
        });
        text = text.replaceAll("</li>\\s*", "\n").replaceAll("<li[^>]*>", "- ").replaceAll("<br ?/?>", "\n")
                .replaceAll("</(p|h[1-6]|li|blockquote|pre|tr|table)>", "\n").replaceAll("<hr[^>]*>", "\n---\n")
                .replaceAll("<[^>]+>", "");
        return unescape(text).replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
