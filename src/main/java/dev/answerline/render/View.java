package dev.answerline.render;

import dev.answerline.language.Labels;
import java.util.List;

/**
 * What the templates show, already decided: texts escaped by the template engine, Markdown fields
 * rendered to safe HTML ({@code ...Html}), links resolved. Nullable fields leave their part out.
 */
public final class View {
    private View() {}

    /**
     * The frame around every page: header, navigation, footer, and the icons the head names.
     *
     * @param labels the engine's texts in the site's language, for every template of the page
     * @param events where the count script of a static export sends the page's view; null without it
     * @param count that script, in an export whose site names {@code insights.endpoint}; null elsewhere
     */
    public record Chrome(String language, String brand, String siteTitle, String logo, List<Icon> icons,
            String css, String js, boolean liveReload, List<Link> nav, List<Column> footer,
            List<Link> categories, int year, String logoDark, List<String> fonts, String brandCss, Labels labels,
            String events, String count) {}

    /** A column of the footer: its heading, the name of its landmark for screen readers, and its links. */
    public record Column(String heading, String label, List<Link> links) {}

    /** A {@code <link rel="icon">}; {@code type} and {@code sizes} are left out when null. */
    public record Icon(String href, String type, String sizes) {}

    /**
     * The head of a page, for browsers, search engines and link previews. {@code canonical} and {@code image}
     * are absolute; null fields are left out ({@code robots} unless the page must not be indexed,
     * {@code published} and {@code modified} on pages without dates).
     *
     * @param headline the title without the site's name, for previews
     * @param type the Open Graph type: website, article, profile or product
     * @param card the Twitter card: a large picture only when there is one meant for sharing
     * @param jsonLd the page's structured data, safe to put inside a script element
     * @param pixel the image that reports the view of a reader without script, in an export that counts
     *     views; null elsewhere
     */
    public record Meta(String title, String headline, String description, String canonical, String type,
            String robots, String image, String card, String published, String modified, String jsonLd,
            List<Alternate> alternates, String pixel) {}

    /** Another form of the page or site: a feed, a Markdown twin. */
    public record Alternate(String type, String title, String href) {}

    public record Link(String label, String href) {}

    /** A date with the text shown and the ISO form for {@code <time datetime>}. */
    public record Date(String iso, String text) {}

    /** A card: a linked title with a one-line summary. */
    public record Card(String href, String title, String summary) {}

    /** A group of cards under a heading, e.g. a category on the All Questions page. */
    public record Section(String title, String href, String description, List<Card> cards) {}

    public record Newsletter(String heading, String pitchHtml, String promise, String success, String failure,
            String source) {}

    /** {@code rel} is null for links within the site. */
    /**
     * The call to action of an answer.
     *
     * @param ping where the browser reports a click on the link ({@code ping}, or a beacon); null where the
     *     pages report nothing
     */
    public record Cta(String heading, String textHtml, String label, String href, String rel, Link secondary,
            String ping) {}

    public record Author(String name, String role, String image, String bioHtml, String storyUrl, String href,
            List<Link> profiles) {}

    public record Related(String question, String answerHtml) {}

    public record Answer(Chrome chrome, Meta meta, List<Link> breadcrumbs, String question, String answerHtml,
            List<String> takeawaysHtml, String bodyHtml, List<Related> related, String bottomLineHtml, Date published,
            Date updated, Author author, Link reviewer, Date reviewed, Newsletter newsletter, Cta cta,
            String categoryName, List<Card> more, String disclaimer, boolean medical) {}

    /** A simple page: a title, an optional lead, optional Markdown and groups of cards. */
    public record Listing(Chrome chrome, Meta meta, List<Link> breadcrumbs, String title, String lead, String bodyHtml,
            List<Section> sections) {}

    /**
     * A blog post, a product or a page of the site.
     *
     * @param price what {@code action} buys, for how much, as the page's structured data says; null for none
     */
    public record Article(Chrome chrome, Meta meta, List<Link> breadcrumbs, String title, String lead, Date published,
            Date updated, Author author, String image, String bodyHtml, Link action, String price,
            Newsletter newsletter, List<Section> sections) {}

    public record Home(Chrome chrome, Meta meta, String title, String lead, List<Card> categories, List<Card> latest,
            Newsletter newsletter) {}

    public record Profile(Chrome chrome, Meta meta, List<Link> breadcrumbs, Author author, List<Section> sections) {}

    public record NotFound(Chrome chrome, Meta meta, List<Link> categories) {}

    /** The search page: the results, or what to try when there are none. */
    public record SearchResults(Chrome chrome, Meta meta, dev.answerline.render.SearchPage page, List<Link> categories) {}

    public record MessagePage(Chrome chrome, Meta meta, dev.answerline.render.Message message) {}

    /** The preview's page for a file with errors: the errors, instead of stale content. */
    public record ProblemsPage(Chrome chrome, Meta meta, List<dev.answerline.content.Problem> problems) {}
}
