package dev.answerline.render.internal;

import dev.answerline.render.View;
import dev.answerline.markdown.Markdown;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.answerline.content.Answer;
import dev.answerline.content.Author;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Product;
import dev.answerline.content.Site;
import dev.answerline.content.SiteConfig;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-LD of every page: one {@code @graph} whose nodes refer to each other by {@code @id}, the way
 * Yoast links them: the Organization and the WebSite, the page, its breadcrumb, and per kind of page an
 * Article with its author, the question with its answer, a ProfilePage with its Person. Every node a page
 * refers to is in that page's graph, and every Person in it is referred to. Built with Jackson and written with {@code <}, {@code >} and
 * {@code &} escaped, so that no text can end the script element. Thread-safe.
 */
public final class StructuredData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTEXT = "https://schema.org";

    private final Site site;
    private final SiteConfig config;
    private final String base;

    public StructuredData(Site site) {
        this.site = site;
        this.config = site.config();
        this.base = config.baseUrl();
    }

    /** Ids of the nodes every graph has. */
    String organizationId() {
        return base + "/#organization";
    }

    String websiteId() {
        return base + "/#website";
    }

    static String personId(String base, Author author) {
        return base + author.path() + "#person";
    }

    /** An answer: its page (a MedicalWebPage on health sites), Article, Question and related Questions. */
    public String answer(Answer answer, List<View.Link> crumbs) {
        Graph graph = new Graph(answer.path());
        Author author = site.author(answer.author());
        graph.person(author);
        ObjectNode page = graph.webPage(config.healthContent() ? "MedicalWebPage" : "WebPage", answer.question(),
                answer.description(), crumbs, answer.question());
        date(page, "datePublished", answer.published());
        date(page, "dateModified", answer.lastModified());
        if (answer.reviewedBy() != null) {
            // schema.org gives every WebPage these two: without them the reviewer's Person hung unreferenced
            // in the graphs of sites that are not about health (issue 14)
            Author reviewer = site.author(answer.reviewedBy());
            graph.person(reviewer);
            date(page, "lastReviewed", answer.reviewed());
            page.set("reviewedBy", ref(personId(base, reviewer)));
        }
        page.set("mainEntity", ref(graph.url + "#question"));
        ArrayNode parts = page.putArray("hasPart");
        parts.add(ref(graph.url + "#article"));

        ObjectNode article = graph.node("Article", graph.url + "#article");
        article.put("headline", headline(answer.question()));
        article.put("description", answer.description());
        date(article, "datePublished", answer.published());
        date(article, "dateModified", answer.lastModified());
        article.set("author", ref(personId(base, author)));
        article.set("publisher", ref(organizationId()));
        article.set("mainEntityOfPage", ref(graph.url + "#webpage"));
        article.put("articleSection", site.category(answer.category()).name());
        article.put("inLanguage", config.language());
        graph.image(article);

        ObjectNode question = question(graph, graph.url + "#question", answer.question(), answer.answer(),
                graph.url + "#direct-answer");
        date(question, "dateCreated", answer.published());
        question.set("author", ref(personId(base, author)));
        ((ObjectNode) question.get("acceptedAnswer")).set("author", ref(personId(base, author)));
        for (int i = 0; i < answer.related().size(); i++) {
            Answer.Related related = answer.related().get(i);
            String id = graph.url + "#related-" + (i + 1);
            question(graph, id, related.question(), related.answer(), graph.url + "#related-questions");
            parts.add(ref(id));
        }
        return graph.json();
    }

    private ObjectNode question(Graph graph, String id, String name, String answerMarkdown, String answerUrl) {
        ObjectNode question = graph.node("Question", id);
        question.put("name", name);
        question.put("answerCount", 1);
        ObjectNode accepted = question.putObject("acceptedAnswer");
        accepted.put("@type", "Answer");
        accepted.put("text", Markdown.inline(answerMarkdown, 0).line());
        accepted.put("url", answerUrl);
        return question;
    }

    /** An author's page: a ProfilePage whose main entity is the Person. */
    public String author(Author author, List<View.Link> crumbs) {
        Graph graph = new Graph(author.path());
        ObjectNode person = graph.person(author);
        person.set("mainEntityOfPage", ref(graph.url + "#webpage"));
        ObjectNode page = graph.webPage("ProfilePage", author.name(), author.role(), crumbs, author.name());
        page.set("mainEntity", ref(personId(base, author)));
        return graph.json();
    }

    /** A blog post: its page and a BlogPosting. */
    public String post(BlogPost post, List<View.Link> crumbs) {
        Graph graph = new Graph(post.path());
        Author author = site.author(post.author());
        graph.person(author);
        ObjectNode page = graph.webPage("WebPage", post.title(), post.description(), crumbs, post.title());
        date(page, "datePublished", post.published());
        date(page, "dateModified", post.lastModified());
        ObjectNode article = graph.node("BlogPosting", graph.url + "#article");
        article.put("headline", headline(post.title()));
        article.put("description", post.description());
        date(article, "datePublished", post.published());
        date(article, "dateModified", post.lastModified());
        article.set("author", ref(personId(base, author)));
        article.set("publisher", ref(organizationId()));
        article.set("mainEntityOfPage", ref(graph.url + "#webpage"));
        article.put("inLanguage", config.language());
        graph.image(article);
        page.set("mainEntity", ref(graph.url + "#article"));
        return graph.json();
    }

    /**
     * A product page: its page and, with a price, the Product made by the brand with its Offer. Google holds
     * every Product node to its product snippet rules, which want an offer, a review or a rating, and reports
     * the page otherwise (issue 14): without a price the page is about a plain Thing, of which no rich
     * result is asked.
     */
    public String product(Product product, List<View.Link> crumbs) {
        Graph graph = new Graph(product.path());
        ObjectNode page = graph.webPage("WebPage", product.name(), product.description(), crumbs, product.name());
        Product.Offer offer = product.offer();
        ObjectNode node = graph.node(offer == null ? "Thing" : "Product", graph.url + "#product");
        node.put("name", product.name());
        node.put("description", product.description());
        node.put("image", absolute(product.image()));
        node.put("url", graph.url);
        if (offer != null) {
            node.set("brand", ref(organizationId()));
            ObjectNode offers = node.putObject("offers");
            offers.put("@type", "Offer");
            offers.put("url", absolute(product.buyUrl()));
            offers.put("priceCurrency", offer.currency());
            offers.put("price", offer.price());
            offers.put("availability", CONTEXT + "/" + offer.availability().schemaName());
        }
        page.set("mainEntity", ref(graph.url + "#product"));
        return graph.json();
    }

    /** Any other page: its WebPage (or CollectionPage for lists) and breadcrumb. */
    public String page(String path, String type, String name, String description, List<View.Link> crumbs) {
        Graph graph = new Graph(path);
        graph.webPage(type, name, description, crumbs, name);
        return graph.json();
    }

    private static String headline(String text) {
        // search engines cut headlines at 110 characters
        return text.length() <= 110 ? text : text.substring(0, 109) + "…";
    }

    private String absolute(String url) {
        return url.startsWith("/") ? base + url : url;
    }

    private static ObjectNode ref(String id) {
        return JSON.createObjectNode().put("@id", id);
    }

    private static void date(ObjectNode node, String field, LocalDate date) {
        if (date != null) {
            node.put(field, date.toString());
        }
    }

    /** The graph of one page, with the nodes every page has. */
    private final class Graph {
        final String url;
        final ArrayNode nodes = JSON.createArrayNode();
        private final Map<String, ObjectNode> byId = new HashMap<>();

        Graph(String path) {
            this.url = config.absolute(path.equals("/") ? "/" : path);
            organization();
            website();
        }

        ObjectNode node(String type, String id) {
            ObjectNode node = nodes.addObject();
            node.put("@type", type);
            node.put("@id", id);
            byId.put(id, node);
            return node;
        }

        private void organization() {
            ObjectNode org = node("Organization", organizationId());
            org.put("name", config.brand());
            org.put("url", base + "/");
            if (config.logo() != null) {
                ObjectNode logo = org.putObject("logo");
                logo.put("@type", "ImageObject");
                logo.put("@id", base + "/#logo");
                logo.put("url", absolute(config.logo()));
                logo.put("contentUrl", absolute(config.logo()));
                logo.put("caption", config.brand());
                org.set("image", ref(base + "/#logo"));
            }
            if (!config.sameAs().isEmpty()) {
                ArrayNode sameAs = org.putArray("sameAs");
                config.sameAs().forEach(sameAs::add);
            }
        }

        private void website() {
            ObjectNode website = node("WebSite", websiteId());
            website.put("url", base + "/");
            website.put("name", config.title());
            if (config.description() != null) {
                website.put("description", config.description());
            }
            website.set("publisher", ref(organizationId()));
            website.put("inLanguage", config.language());
        }

        ObjectNode person(Author author) {
            String id = personId(base, author);
            if (byId.containsKey(id)) {
                return byId.get(id);
            }
            ObjectNode person = node("Person", id);
            person.put("name", author.name());
            person.put("url", base + author.path());
            person.put("jobTitle", author.role());
            person.put("image", absolute(author.image()));
            if (!author.sameAs().isEmpty()) {
                ArrayNode sameAs = person.putArray("sameAs");
                author.sameAs().forEach(sameAs::add);
            }
            person.set("worksFor", ref(organizationId()));
            return person;
        }

        ObjectNode webPage(String type, String name, String description, List<View.Link> crumbs, String current) {
            ObjectNode page = node(type, url + "#webpage");
            page.put("url", url);
            page.put("name", name);
            page.put("description", description);
            page.set("isPartOf", ref(websiteId()));
            page.put("inLanguage", config.language());
            if (!crumbs.isEmpty()) {
                page.set("breadcrumb", ref(url + "#breadcrumb"));
                ObjectNode list = node("BreadcrumbList", url + "#breadcrumb");
                ArrayNode items = list.putArray("itemListElement");
                int position = 1;
                for (View.Link crumb : crumbs) {
                    ObjectNode item = items.addObject();
                    item.put("@type", "ListItem");
                    item.put("position", position++);
                    item.put("name", crumb.label());
                    item.put("item", config.absolute(crumb.href()));
                }
                ObjectNode last = items.addObject();
                last.put("@type", "ListItem");
                last.put("position", position);
                last.put("name", current);
                last.put("item", url);
            }
            return page;
        }

        void image(ObjectNode node) {
            if (config.logo() != null) {
                node.set("image", ref(base + "/#logo"));
            }
        }

        String json() {
            ObjectNode root = JSON.createObjectNode();
            root.put("@context", CONTEXT);
            root.set("@graph", nodes);
            return write(root);
        }
    }

    /** JSON that can stand inside a script element: {@code <}, {@code >} and {@code &} as \\u escapes. */
    static String write(ObjectNode root) {
        try {
            return SCRIPT_SAFE.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static final ObjectMapper SCRIPT_SAFE = new ObjectMapper();

    static {
        SCRIPT_SAFE.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private static final long serialVersionUID = 1L;
            private final int[] escapes = standardAsciiEscapesForJSON();

            {
                escapes['<'] = ESCAPE_STANDARD;
                escapes['>'] = ESCAPE_STANDARD;
                escapes['&'] = ESCAPE_STANDARD;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return escapes;
            }

            @Override
            public SerializableString getEscapeSequence(int ch) {
                return null;
            }
        });
    }
}
