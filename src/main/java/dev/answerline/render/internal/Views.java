package dev.answerline.render.internal;

import dev.answerline.render.View;
import dev.answerline.markdown.Markdown;
import dev.answerline.markdown.Prose;
import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.content.Answer;
import dev.answerline.content.Author;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Category;
import dev.answerline.content.Cta;
import dev.answerline.content.InfoPage;
import dev.answerline.content.NewsletterIssue;
import dev.answerline.content.Product;
import dev.answerline.content.Site;
import dev.answerline.content.Theme;
import dev.answerline.content.SiteConfig;
import dev.answerline.language.Label;
import dev.answerline.language.Labels;
import dev.answerline.render.Mode;
import dev.answerline.render.Similar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the view of every page from a {@link Site}. Author boxes are rendered once and shared.
 * Thread-safe after construction: the renderer calls it from several threads.
 */
public final class Views {
    private static final String HOME = Address.of(Kind.HOME).path();
    private static final String ANSWERS = Address.of(Kind.ANSWERS).path();
    private static final String AUTHORS = Address.of(Kind.AUTHORS).path();
    private static final String BLOG = Address.of(Kind.BLOG).path();
    private static final String PRODUCTS = Address.of(Kind.PRODUCTS).path();
    /** The brand's about page, which the footer lists apart. */
    private static final String ABOUT = Address.of(Kind.PAGE, "about").path();
    /** Ids the answer template uses; body headings must not take them. */
    private static final int LATEST_ON_HOME = 6;

    private final Site site;
    private final SiteConfig config;
    private final View.Chrome chrome;
    private final Labels labels;
    private final Map<String, View.Author> authors = new LinkedHashMap<>();
    private final StructuredData data;
    private final List<View.Alternate> feeds;
    private final List<View.Alternate> blogFeeds;
    private final Similar similar;
    /** Where clicks on the call to action and the views of an export are reported; null where nowhere. */
    private final String events;

    /**
     * @param brandCssHref the fingerprinted address of the site's own stylesheet, or null
     * @param countHref the script that reports a static page's view, or null when pages need none
     * @param similar what the "More ... Questions" boxes show
     */
    public Views(Site site, String cssHref, String brandCssHref, String jsHref, String countHref, Mode mode,
            Similar similar) {
        this.site = site;
        this.similar = similar;
        this.events = events(site.config(), mode);
        this.config = site.config();
        this.labels = config.labels();
        this.chrome = chrome(cssHref, brandCssHref, jsHref, mode.liveReload(), mode == Mode.EXPORT ? countHref : null);
        this.data = new StructuredData(site);
        String answerFeed = labels.text(Label.FEED_ANSWERS, config.title());
        this.feeds = List.of(
                new View.Alternate("application/rss+xml", answerFeed + " (RSS)", Feeds.ANSWERS_RSS),
                new View.Alternate("application/atom+xml", answerFeed + " (Atom)", Feeds.ANSWERS_ATOM));
        String blogFeed = labels.text(Label.FEED_BLOG, config.title());
        this.blogFeeds = site.posts().isEmpty() ? feeds : concat(feeds, List.of(
                new View.Alternate("application/rss+xml", blogFeed + " (RSS)", Feeds.BLOG_RSS),
                new View.Alternate("application/atom+xml", blogFeed + " (Atom)", Feeds.BLOG_ATOM)));
        for (Author author : site.authors()) {
            List<View.Link> profiles = author.sameAs().stream().map(url -> new View.Link(hostOf(url), url)).toList();
            authors.put(author.id(), new View.Author(author.name(), author.role(), author.image(),
                    author.source().prose().html(), author.storyUrl(), author.path(), profiles));
        }
    }

    /**
     * A served page reports to the server that answered it; an exported one to the serve that
     * {@code insights.endpoint} names, or to nothing when the site names none.
     */
    private static String events(SiteConfig config, Mode mode) {
        String path = Address.of(Kind.API, "event").path();
        if (mode != Mode.EXPORT) {
            return path;
        }
        return config.insightsEndpoint() == null ? null : config.insightsEndpoint() + path;
    }

    private View.Chrome chrome(String cssHref, String brandCssHref, String jsHref, boolean liveReload, String count) {
        List<View.Link> nav = new ArrayList<>();
        nav.add(new View.Link(labels.text(Label.ANSWERS), ANSWERS));
        if (!site.posts().isEmpty()) {
            nav.add(new View.Link(labels.text(Label.BLOG), BLOG));
        }
        if (!site.products().isEmpty()) {
            nav.add(new View.Link(labels.text(Label.PRODUCTS), PRODUCTS));
        }
        site.page("about").ifPresent(about -> nav.add(new View.Link(labels.text(Label.ABOUT), about.path())));
        List<View.Link> footer = new ArrayList<>();
        footer.add(new View.Link(labels.text(Label.ALL_QUESTIONS), ANSWERS));
        footer.add(new View.Link(labels.text(Label.AUTHORS), AUTHORS));
        nav.stream().skip(1).filter(l -> !l.href().equals(ABOUT)).forEach(footer::add);
        site.pages().forEach(p -> footer.add(new View.Link(p.title(), p.path())));
        List<View.Link> categories = site.categories().stream()
                .filter(c -> !site.answersIn(c).isEmpty())
                .map(c -> new View.Link(c.name(), c.path())).toList();
        // the brand's own header and footer links, where site.yaml gives them, replace the built-in ones
        List<View.Link> header = config.nav() == null ? nav
                : config.nav().stream().map(l -> new View.Link(l.label(), l.url())).toList();
        List<View.Column> columns = config.footer() == null ? List.of(new View.Column(config.brand(), labels.text(Label.SITE), footer))
                : config.footer().stream().map(c -> new View.Column(c.heading(), c.heading(),
                        c.links().stream().map(l -> new View.Link(l.label(), l.url())).toList())).toList();
        Theme theme = config.theme();
        return new View.Chrome(config.language(), config.brand(), config.title(),
                theme.logo() != null ? theme.logo() : config.logo(), new Favicons(site).links(), cssHref, jsHref,
                liveReload, header, columns, categories, site.today().getYear(), theme.logoDark(), theme.fontFiles(),
                brandCssHref, labels, count == null ? null : events, count);
    }

    public View.Answer answer(Answer answer) {
        Category category = site.category(answer.category());
        List<View.Link> crumbs = List.of(homeCrumb(), answersCrumb(), new View.Link(category.name(), category.path()));
        List<View.Related> related = answer.related().stream()
                .map(r -> new View.Related(r.question(), inline(r.answer()))).toList();
        List<View.Card> more = MoreCards.of(site, similar, answer).stream().map(Views::card).toList();
        View.Link reviewer = null;
        if (answer.reviewedBy() != null) {
            Author person = site.author(answer.reviewedBy());
            reviewer = new View.Link(person.name(), person.path());
        }
        View.Meta meta = head(answer.question(), answer.description(), answer.path(), "article", null,
                answer.published(), answer.lastModified(), data.answer(answer, crumbs), concat(feeds, List.of(
                        new View.Alternate("text/markdown", answer.question(), Address.of(Kind.ANSWER_MARKDOWN, answer.slug()).path()))));
        return new View.Answer(chrome, meta, crumbs,
                answer.question(), inline(answer.answer()),
                answer.takeaways().stream().map(Views::inline).toList(), answer.source().prose().html(),
                related, inline(answer.bottomLine()), date(answer.published()), date(answer.updated()),
                authors.get(answer.author()), reviewer, date(answer.reviewed()), newsletter(answer.path()),
                cta(answer), category.name(), more, config.disclaimer(), config.healthContent());
    }

    public View.Listing allQuestions() {
        List<View.Section> sections = new ArrayList<>();
        for (Category category : site.categories()) {
            List<Answer> answers = site.answersIn(category);
            if (!answers.isEmpty()) {
                sections.add(new View.Section(category.name() + " (" + labels.number(answers.size()) + ")",
                        category.path(), category.description(), answers.stream().map(Views::card).toList()));
            }
        }
        String lead = labels.text(Label.ALL_QUESTIONS_LEAD, site.answers().size(), config.brand());
        List<View.Link> crumbs = List.of(homeCrumb());
        String description = labels.text(Label.ALL_QUESTIONS_DESCRIPTION, config.title());
        String title = labels.text(Label.ALL_QUESTIONS);
        return new View.Listing(chrome, listing(title, description, ANSWERS, crumbs), crumbs, title, lead, null,
                sections);
    }

    public View.Listing category(Category category) {
        List<View.Card> cards = site.answersIn(category).stream().map(Views::card).toList();
        List<View.Link> crumbs = List.of(homeCrumb(), answersCrumb());
        return new View.Listing(chrome, listing(labels.text(Label.CATEGORY_TITLE, category.name()),
                category.description(), category.path(), crumbs), crumbs, category.name(), category.description(),
                category.source().prose().html(),
                List.of(new View.Section(labels.text(Label.CATEGORY_COUNT, cards.size()), null, null, cards)));
    }

    public View.Profile author(Author author) {
        List<View.Section> sections = new ArrayList<>();
        List<View.Card> written = site.answers().stream().filter(a -> a.author().equals(author.id()))
                .map(Views::card).toList();
        if (!written.isEmpty()) {
            sections.add(new View.Section(labels.text(Label.ANSWERS_BY, author.name()), null, null, written));
        }
        List<View.Card> reviewed = site.answers().stream().filter(a -> author.id().equals(a.reviewedBy()))
                .map(Views::card).toList();
        if (!reviewed.isEmpty()) {
            sections.add(new View.Section(labels.text(Label.ANSWERS_REVIEWED_BY, author.name()), null, null,
                    reviewed));
        }
        List<View.Card> posts = site.posts().stream().filter(p -> p.author().equals(author.id()))
                .map(p -> new View.Card(p.path(), p.title(), p.description())).toList();
        if (!posts.isEmpty()) {
            sections.add(new View.Section(labels.text(Label.POSTS_BY, author.name()), null, null, posts));
        }
        List<View.Link> crumbs = List.of(homeCrumb(), new View.Link(labels.text(Label.AUTHORS), AUTHORS));
        View.Meta meta = head(author.name() + ", " + author.role(), firstParagraph(author),
                author.path(), "profile", author.image(), null, null, data.author(author, crumbs), feeds);
        return new View.Profile(chrome, meta, crumbs, authors.get(author.id()), sections);
    }

    public View.Listing authors() {
        List<View.Card> cards = site.authors().stream().map(a -> new View.Card(a.path(), a.name(), a.role())).toList();
        List<View.Link> crumbs = List.of(homeCrumb());
        String title = labels.text(Label.AUTHORS);
        return new View.Listing(chrome, listing(title, labels.text(Label.AUTHORS_DESCRIPTION, config.title()),
                AUTHORS, crumbs), crumbs, title, labels.text(Label.AUTHORS_LEAD), null,
                List.of(new View.Section(labels.text(Label.AUTHORS_SECTION), null, null, cards)));
    }

    public View.Listing blog() {
        List<View.Card> cards = site.posts().stream().map(p -> new View.Card(p.path(), p.title(), p.description()))
                .toList();
        List<View.Link> crumbs = List.of(homeCrumb());
        String lead = labels.text(Label.BLOG_LEAD, config.brand());
        String title = labels.text(Label.BLOG);
        View.Meta meta = head(title, lead, BLOG, "website", null, null, null,
                data.page(BLOG, "CollectionPage", title, lead, crumbs), blogFeeds);
        return new View.Listing(chrome, meta, crumbs, title, lead, null,
                List.of(new View.Section(labels.text(Label.BLOG_SECTION), null, null, cards)));
    }

    public View.Article post(BlogPost post) {
        List<View.Link> crumbs = List.of(homeCrumb(), new View.Link(labels.text(Label.BLOG), BLOG));
        View.Meta meta = head(post.title(), post.description(), post.path(), "article", null, post.published(),
                post.lastModified(), data.post(post, crumbs), blogFeeds);
        return new View.Article(chrome, meta, crumbs, post.title(), null,
                date(post.published()), date(post.updated()), authors.get(post.author()), null,
                post.source().prose().html(), null, null, newsletter(post.path()), List.of());
    }

    /** A newsletter issue sent at {@code at}: from then on it has a web version. */
    public record Sent(NewsletterIssue issue, java.time.Instant at) {
        /** The day it was sent, in UTC. */
        public LocalDate day() {
            return LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
        }
    }

    /** The archive of sent issues, newest first. */
    public View.Listing issues(List<Sent> sent) {
        List<View.Card> cards = sent.stream().map(s -> new View.Card(s.issue().path(), s.issue().subject(),
                s.issue().preheader().isEmpty() ? labels.date(s.day()) : labels.date(s.day()) + " · "
                        + s.issue().preheader())).toList();
        List<View.Link> crumbs = List.of(homeCrumb());
        String title = labels.text(Label.ISSUES);
        String lead = labels.text(Label.ISSUES_LEAD, config.brand());
        String path = Address.of(Kind.ISSUES).path();
        View.Meta meta = head(title, lead, path, "website", null, null, null,
                data.page(path, "CollectionPage", title, lead, crumbs), issueFeeds());
        return new View.Listing(chrome, meta, crumbs, title, lead, null,
                List.of(new View.Section(title, null, null, cards)));
    }

    /** A sent issue's web version: its body, its answer cards as quotes linking to the answers. */
    public View.Article issue(Sent sent) {
        NewsletterIssue issue = sent.issue();
        List<View.Link> crumbs = List.of(homeCrumb(), new View.Link(labels.text(Label.ISSUES),
                Address.of(Kind.ISSUES).path()));
        String description = issue.preheader().isEmpty() ? issue.subject() : issue.preheader();
        View.Meta meta = head(issue.subject(), description, issue.path(), "article", null, sent.day(), null,
                data.page(issue.path(), "WebPage", issue.subject(), description, crumbs), issueFeeds());
        StringBuilder body = new StringBuilder();
        for (NewsletterIssue.Part part : issue.parts()) {
            if (part instanceof NewsletterIssue.Text text) {
                body.append(text.prose().html());
            } else if (part instanceof NewsletterIssue.Card card) {
                site.answer(card.answer()).ifPresent(a -> body.append("<blockquote><p><strong><a href=\"")
                        .append(escape(a.path())).append("\">").append(escape(a.question()))
                        .append("</a></strong></p><p>").append(inline(a.answer())).append("</p></blockquote>\n"));
            }
        }
        return new View.Article(chrome, meta, crumbs, issue.subject(), null, date(sent.day()), null, null, null,
                body.toString(), null, null, newsletter(issue.path()), List.of());
    }

    private List<View.Alternate> issueFeeds() {
        return concat(feeds, List.of(new View.Alternate("application/rss+xml", labels.text(Label.FEED_ISSUES,
                config.title()), Address.of(Kind.ISSUES_RSS).path())));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public View.Listing products() {
        List<View.Card> cards = site.products().stream().map(p -> new View.Card(p.path(), p.name(), p.description()))
                .toList();
        List<View.Link> crumbs = List.of(homeCrumb());
        String lead = labels.text(Label.PRODUCTS_LEAD, config.brand());
        String title = labels.text(Label.PRODUCTS);
        return new View.Listing(chrome, listing(title, lead, PRODUCTS, crumbs), crumbs, title, lead,
                null, List.of(new View.Section(labels.text(Label.PRODUCTS_SECTION), null, null, cards)));
    }

    public View.Article product(Product product) {
        List<View.Link> crumbs = List.of(homeCrumb(), new View.Link(labels.text(Label.PRODUCTS), PRODUCTS));
        View.Meta meta = head(product.name(), product.description(), product.path(), "product", product.image(), null,
                null, data.product(product, crumbs), feeds);
        // search engines want a price in structured data to be one the reader sees too
        Product.Offer offer = product.offer();
        String price = offer == null ? null
                : offer.price() + " " + offer.currency() + " · " + availability(offer.availability());
        return new View.Article(chrome, meta, crumbs, product.name(),
                product.description(), null, null, null, product.image(), product.source().prose().html(),
                new View.Link(labels.text(Label.BUY, product.name()), product.buyUrl()), price, null, List.of());
    }

    public View.Article page(InfoPage page) {
        List<View.Link> crumbs = List.of(homeCrumb());
        View.Meta meta = head(page.title(), page.description(), page.path(), "website", null, null, null,
                data.page(page.path(), "WebPage", page.title(), page.description(), crumbs), feeds);
        return new View.Article(chrome, meta, crumbs, page.title(), null, null, null, null, null,
                page.source().prose().html(), null, null, null, List.of());
    }

    public View.Home home() {
        List<View.Card> categories = site.categories().stream().filter(c -> !site.answersIn(c).isEmpty())
                .map(c -> new View.Card(c.path(), c.name(), c.description())).toList();
        List<View.Card> latest = site.answers().stream().limit(LATEST_ON_HOME).map(Views::card).toList();
        String description = config.description() != null ? config.description()
                : labels.text(Label.HOME_DESCRIPTION, config.brand());
        View.Meta meta = head(config.title(), config.title(), description, HOME, "website", null, null, null,
                data.page(HOME, "CollectionPage", config.title(), description, List.of()), feeds);
        return new View.Home(chrome, meta, config.title(), config.description(), categories, latest, newsletter(HOME));
    }

    public View.NotFound notFound() {
        List<View.Link> categories = chrome.categories();
        return new View.NotFound(chrome, unlisted(labels.text(Label.NOT_FOUND_TITLE),
                labels.text(Label.NOT_FOUND_DESCRIPTION, config.title())), categories);
    }

    public View.MessagePage message(dev.answerline.render.Message message) {
        return new View.MessagePage(chrome, unlisted(message.title(), message.text()), message);
    }

    public View.SearchResults search(dev.answerline.render.SearchPage page) {
        String headline = page.query().isEmpty() ? labels.text(Label.SEARCH)
                : labels.text(Label.SEARCH_HEADLINE, page.query());
        return new View.SearchResults(chrome, unlisted(headline, labels.text(Label.SEARCH_DESCRIPTION,
                config.title())), page, chrome.categories());
    }

    public View.ProblemsPage problems(List<dev.answerline.content.Problem> problems) {
        return new View.ProblemsPage(chrome, unlisted(labels.text(Label.PROBLEMS_TITLE),
                labels.text(Label.PROBLEMS_HEADING) + "."), problems);
    }

    /**
     * The head of a listed page.
     *
     * @param image the page's own picture, or null for the site's share image
     */
    private View.Meta head(String headline, String description, String path, String type, String image,
            LocalDate published, LocalDate modified, String jsonLd, List<View.Alternate> alternates) {
        return head(headline + " | " + config.title(), headline, description, path, type, image, published, modified,
                jsonLd, alternates);
    }

    private View.Meta head(String title, String headline, String description, String path, String type, String image,
            LocalDate published, LocalDate modified, String jsonLd, List<View.Alternate> alternates) {
        String picture = image != null ? image : config.image() != null ? config.image() : config.logo();
        String card = image != null || config.image() != null ? "summary_large_image" : "summary";
        // the view of a reader without script, in an export whose pages count views: an image of the server
        String pixel = chrome.count() == null ? null : events + "?e=view&p=" + encode(path);
        return new View.Meta(title, headline, description, config.absolute(path), type, null,
                picture == null ? null : absolute(picture), card, published == null ? null : published.toString(),
                modified == null ? null : modified.toString(), jsonLd, alternates, pixel);
    }

    private View.Meta listing(String headline, String description, String path, List<View.Link> crumbs) {
        return head(headline, description, path, "website", null, null, null,
                data.page(path, "CollectionPage", headline, description, crumbs), feeds);
    }

    /** A page search engines should not index: no canonical URL, no structured data. */
    private View.Meta unlisted(String headline, String description) {
        return new View.Meta(headline + " | " + config.title(), headline, description, null, "website", "noindex",
                null, "summary", null, null, null, feeds, null);
    }

    private String absolute(String url) {
        return url.startsWith("/") ? config.absolute(url) : url;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private View.Newsletter newsletter(String source) {
        SiteConfig.Newsletter n = config.newsletter();
        return n == null ? null
                : new View.Newsletter(n.heading(), inline(n.pitch()), n.promise(), n.success(), n.failure(),
                        source);
    }

    private View.Cta cta(Answer answer) {
        Cta cta = answer.cta() == null ? null : config.ctas().get(answer.cta());
        if (cta == null) {
            return null;
        }
        View.Link secondary = cta.secondary() == null ? null
                : new View.Link(cta.secondary().label(), cta.secondary().url());
        // a paid-for or shop link tells search engines so; a link to the site's own product page needs nothing
        String rel = cta.url().startsWith("/") ? null : "sponsored noopener";
        // the link goes straight to the shop; the browser reports the click on the side (ping, or a beacon)
        String ping = events == null ? null
                : events + "?e=cta&p=" + encode(answer.path()) + "&cta=" + encode(cta.id());
        return new View.Cta(cta.heading(), cta.text() == null ? null : inline(cta.text()), cta.label(),
                cta.primaryUrl(answer.slug()), rel, secondary, ping);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private View.Date date(LocalDate date) {
        return date == null ? null : new View.Date(date.toString(), labels.date(date));
    }

    private View.Link homeCrumb() {
        return new View.Link(labels.text(Label.HOME), HOME);
    }

    private View.Link answersCrumb() {
        return new View.Link(labels.text(Label.ANSWERS), ANSWERS);
    }

    private String availability(Product.Availability availability) {
        return labels.text(Label.valueOf(availability.name()));
    }

    private static View.Card card(Answer answer) {
        return new View.Card(answer.path(), answer.question(), answer.description());
    }

    /** The first block of an author's bio, as one line of text: the profile page's description. */
    private static String firstParagraph(Author author) {
        Prose bio = author.source().prose();
        if (bio.blocks().isEmpty()) {
            return "";
        }
        Prose.Block first = bio.blocks().get(0);
        return bio.text().substring(first.start(), first.end()).replaceAll("\\s+", " ").strip();
    }

    /** A field of one paragraph as HTML, without the {@code <p>}. */
    private static String inline(String markdown) {
        return Markdown.inline(markdown, 0).html();
    }

    private static String hostOf(String url) {
        String host = java.net.URI.create(url).getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }
}
