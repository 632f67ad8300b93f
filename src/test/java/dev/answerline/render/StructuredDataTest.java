package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.answerline.TestSites;
import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page of the demo site says what it is, correctly, to search engines and link previews. */
class StructuredDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "Organization", List.of("name", "url"),
            "WebSite", List.of("url", "name", "publisher"),
            "Person", List.of("name", "url"),
            "BreadcrumbList", List.of("itemListElement"),
            "Article", List.of("headline", "datePublished", "dateModified", "author", "publisher", "mainEntityOfPage"),
            "BlogPosting", List.of("headline", "datePublished", "dateModified", "author", "publisher"),
            "Question", List.of("name", "acceptedAnswer"),
            "Product", List.of("name", "image", "brand", "offers"),
            "Thing", List.of("name", "image", "url"));
    private static final Set<String> PAGE_TYPES = Set.of("WebPage", "MedicalWebPage", "CollectionPage", "ProfilePage");

    private final Site site = Site.load(TestSites.demo());
    private final Pages pages = Renderer.render(site);

    @TempDir
    Path dir;

    private Document html(String path) {
        return html(pages, path);
    }

    private static Document html(Pages pages, String path) {
        return Jsoup.parse(new String(pages.get(path).body("").identity(), StandardCharsets.UTF_8));
    }

    private static JsonNode graph(Document page) throws Exception {
        Elements scripts = page.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        JsonNode root = JSON.readTree(scripts.get(0).data());
        assertThat(root.path("@context").asText()).isEqualTo("https://schema.org");
        return root.path("@graph");
    }

    /** The graph of every rendered page, by path. */
    private static Map<String, JsonNode> graphs(Pages pages) throws Exception {
        Map<String, JsonNode> graphs = new HashMap<>();
        for (Page page : pages.all()) {
            if (page.isRendered()) {
                graphs.put(page.path(), graph(html(pages, page.path())));
            }
        }
        return graphs;
    }

    /** The fixture site as a site that is not about health. */
    private Site notAboutHealth() throws Exception {
        Path copy = TestSites.copy("small", dir);
        Path yaml = copy.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("health_content: true", "health_content: false"));
        return Site.load(copy, TestSites.TODAY);
    }

    @Test
    void everyPageHasOneGraphWhoseReferencesAllResolve() throws Exception {
        Map<String, JsonNode> graphs = graphs(pages);
        graphs.forEach((path, graph) -> {
            Map<String, JsonNode> ids = new HashMap<>();
            List<String> references = new ArrayList<>();
            collect(graph, ids, references);
            assertThat(ids.keySet()).as(path).containsAll(references);
            Set<String> types = new HashSet<>();
            for (JsonNode node : graph) {
                String type = node.path("@type").asText();
                types.add(type);
                for (String property : REQUIRED.getOrDefault(type, List.of())) {
                    assertThat(node.has(property)).as("%s on %s has %s", type, path, property).isTrue();
                }
                node.fields().forEachRemaining(field -> {
                    if (field.getKey().startsWith("date") || field.getKey().equals("lastReviewed")) {
                        assertThat(LocalDate.parse(field.getValue().asText())).as(field.getKey()).isNotNull();
                    }
                });
            }
            assertThat(types).as(path).contains("Organization", "WebSite");
            assertThat(types.stream().filter(PAGE_TYPES::contains)).as(path).hasSize(1);
        });
        assertThat(graphs).hasSizeGreaterThan(50);
    }

    /**
     * Every Person a graph holds is there because a node refers to it (an author, a reviewer, a profile's
     * subject): on sites not about health the reviewer hung unreferenced before issue 14. The demo, the
     * fixture site, and the fixture site as a site that is not about health.
     */
    @Test
    void everyPersonInEveryGraphIsReferredTo() throws Exception {
        int people = 0;
        for (Pages each : List.of(pages, Renderer.render(Site.load(TestSites.fixture("small"), TestSites.TODAY)),
                Renderer.render(notAboutHealth()))) {
            for (Map.Entry<String, JsonNode> graph : graphs(each).entrySet()) {
                List<String> references = new ArrayList<>();
                collect(graph.getValue(), new HashMap<>(), references);
                for (String person : people(graph.getValue())) {
                    assertThat(references).as("references to %s on %s", person, graph.getKey()).contains(person);
                    people++;
                }
            }
        }
        assertThat(people).isGreaterThan(50);
    }

    private static List<String> people(JsonNode graph) {
        List<String> ids = new ArrayList<>();
        graph.forEach(node -> {
            if (node.path("@type").asText().equals("Person")) {
                ids.add(node.path("@id").asText());
            }
        });
        return ids;
    }

    @Test
    void theReviewerIsTheWebPagesReviewerOnSitesNotAboutHealthToo() throws Exception {
        Site small = notAboutHealth();
        Answer answer = small.answer("should-you-roll-your-lower-back").orElseThrow();
        JsonNode graph = graph(html(Renderer.render(small), answer.path()));
        JsonNode page = byType(graph, "WebPage");
        String reviewer = "https://answers.testroll.example/authors/" + answer.reviewedBy() + "#person";
        assertThat(page.path("reviewedBy").path("@id").asText()).isEqualTo(reviewer);
        assertThat(page.path("lastReviewed").asText()).isEqualTo(answer.reviewed().toString());
        assertThat(people(graph)).contains(reviewer);
    }

    @Test
    void aProductWithAPriceIsAProductWithItsOffer() throws Exception {
        JsonNode graph = graph(html("/products/foam-massage-roller"));
        JsonNode product = byType(graph, "Product");
        assertThat(product.path("@id").asText())
                .isEqualTo("https://answers.northroll.example/products/foam-massage-roller#product");
        assertThat(product.path("brand").path("@id").asText()).isEqualTo("https://answers.northroll.example/#organization");
        JsonNode offer = product.path("offers");
        assertThat(offer.path("@type").asText()).isEqualTo("Offer");
        assertThat(offer.path("url").asText()).isEqualTo("https://shop.northroll.example/products/foam-massage-roller");
        assertThat(offer.path("price").asText()).isEqualTo("39.99");
        assertThat(offer.path("priceCurrency").asText()).isEqualTo("USD");
        assertThat(offer.path("availability").asText()).isEqualTo("https://schema.org/InStock");
        assertThat(byType(graph, "WebPage").path("mainEntity").path("@id").asText()).isEqualTo(product.path("@id")
                .asText());
        // what the structured data says, the reader sees
        assertThat(html("/products/foam-massage-roller").select("p.price").text()).isEqualTo("39.99 USD · In stock");
    }

    @Test
    void aProductWithoutAPriceClaimsNoProductRichResult() throws Exception {
        JsonNode graph = graph(html("/products/massage-stick"));
        graph.forEach(node -> assertThat(node.path("@type").asText()).isNotEqualTo("Product"));
        JsonNode thing = byType(graph, "Thing");
        assertThat(thing.path("name").asText()).isEqualTo("Northroll Massage Stick");
        assertThat(thing.has("offers")).isFalse();
        assertThat(byType(graph, "WebPage").path("mainEntity").path("@id").asText()).isEqualTo(thing.path("@id")
                .asText());
        assertThat(html("/products/massage-stick").select("p.price")).isEmpty();
    }

    /** Nodes with an {@code @id} and other properties define it; an object with only {@code @id} refers to one. */
    private static void collect(JsonNode node, Map<String, JsonNode> ids, List<String> references) {
        if (node.isObject()) {
            if (node.has("@id")) {
                if (node.size() == 1) {
                    references.add(node.get("@id").asText());
                } else {
                    ids.put(node.get("@id").asText(), node);
                }
            }
            node.elements().forEachRemaining(child -> collect(child, ids, references));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, ids, references));
        }
    }

    private static JsonNode byType(JsonNode graph, String type) {
        for (JsonNode node : graph) {
            if (node.path("@type").asText().equals(type)) {
                return node;
            }
        }
        throw new AssertionError("no " + type + " in the graph");
    }

    @Test
    void anAnswerIsAReviewedMedicalPageWithItsQuestionsAndBreadcrumb() throws Exception {
        Answer answer = site.answer("should-you-foam-roll-your-lumbar-spine").orElseThrow();
        JsonNode graph = graph(html(answer.path()));
        String url = "https://answers.northroll.example" + answer.path();
        JsonNode page = byType(graph, "MedicalWebPage");
        assertThat(page.path("@id").asText()).isEqualTo(url + "#webpage");
        assertThat(page.path("lastReviewed").asText()).isEqualTo(answer.reviewed().toString());
        assertThat(page.path("reviewedBy").path("@id").asText())
                .isEqualTo("https://answers.northroll.example/authors/dr-sam-okafor#person");
        assertThat(page.path("mainEntity").path("@id").asText()).isEqualTo(url + "#question");

        JsonNode article = byType(graph, "Article");
        assertThat(article.path("headline").asText()).isEqualTo(answer.question());
        assertThat(article.path("datePublished").asText()).isEqualTo(answer.published().toString());
        assertThat(article.path("dateModified").asText()).isEqualTo(answer.lastModified().toString());
        assertThat(article.path("author").path("@id").asText())
                .isEqualTo("https://answers.northroll.example/authors/maya-lindqvist#person");

        List<String> questions = new ArrayList<>();
        graph.forEach(node -> {
            if (node.path("@type").asText().equals("Question")) {
                questions.add(node.path("name").asText());
                assertThat(node.path("acceptedAnswer").path("@type").asText()).isEqualTo("Answer");
                assertThat(node.path("acceptedAnswer").path("text").asText()).isNotBlank();
            }
        });
        assertThat(questions).hasSize(1 + answer.related().size()).first().isEqualTo(answer.question());

        JsonNode crumbs = byType(graph, "BreadcrumbList").path("itemListElement");
        assertThat(crumbs).hasSize(4);
        assertThat(crumbs.get(0).path("name").asText()).isEqualTo("Home");
        assertThat(crumbs.get(1).path("name").asText()).isEqualTo("Answers");
        assertThat(crumbs.get(2).path("name").asText()).isEqualTo("Back Relief");
        assertThat(crumbs.get(3).path("name").asText()).isEqualTo(answer.question());
        assertThat(crumbs.get(3).path("position").asInt()).isEqualTo(4);

        JsonNode person = byType(graph, "Person");
        assertThat(person.path("url").asText()).isEqualTo("https://answers.northroll.example/authors/maya-lindqvist");
        assertThat(person.path("sameAs")).isNotEmpty();
    }

    @Test
    void anAuthorPageIsAProfilePageAboutItsPerson() throws Exception {
        JsonNode graph = graph(html("/authors/maya-lindqvist"));
        JsonNode page = byType(graph, "ProfilePage");
        assertThat(page.path("mainEntity").path("@id").asText())
                .isEqualTo("https://answers.northroll.example/authors/maya-lindqvist#person");
        assertThat(byType(graph, "Person").path("name").asText()).isEqualTo("Maya Lindqvist");
    }

    @Test
    void theHeadCarriesOpenGraphTwitterAndArticleTags() {
        Answer answer = site.answer("should-you-foam-roll-your-lumbar-spine").orElseThrow();
        Document page = html(answer.path());
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://answers.northroll.example"
                + answer.path());
        assertThat(meta(page, "og:title")).isEqualTo(answer.question());
        assertThat(meta(page, "og:description")).isEqualTo(answer.description());
        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:site_name")).isEqualTo("Northroll Answers");
        assertThat(meta(page, "og:image")).isEqualTo("https://answers.northroll.example/images/share.png");
        assertThat(meta(page, "og:url")).isEqualTo("https://answers.northroll.example" + answer.path());
        assertThat(meta(page, "article:published_time")).isEqualTo(answer.published().toString());
        assertThat(meta(page, "article:modified_time")).isEqualTo(answer.lastModified().toString());
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.select("meta[name=twitter:title]").attr("content")).isEqualTo(answer.question());
        assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href")).isEqualTo("/feed.xml");
        assertThat(page.select("link[rel=alternate][type=text/markdown]").attr("href"))
                .isEqualTo(answer.path() + ".md");
        Document author = html("/authors/maya-lindqvist");
        assertThat(meta(author, "og:type")).isEqualTo("profile");
        assertThat(meta(author, "og:image")).endsWith("/images/authors/maya-lindqvist.svg");
    }

    private static String meta(Document page, String property) {
        return page.select("meta[property=" + property + "]").attr("content");
    }
}
