package dev.answerline.search;

import dev.answerline.content.Answer;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Category;
import dev.answerline.content.Product;
import dev.answerline.content.Site;
import dev.answerline.render.Pages;
import dev.answerline.render.Similar;
import dev.answerline.search.internal.Analysis;
import dev.answerline.search.internal.Documents;
import dev.answerline.search.internal.Likeness;
import dev.answerline.search.internal.Part;
import dev.answerline.search.internal.Queries;
import dev.answerline.search.internal.Snippets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.eclipse.jetty.server.Handler;

/**
 * Full-text search over a site's answers, blog posts and products, held in memory (Apache Lucene), and the
 * similar answers each "More ... Questions" box shows.
 *
 * <pre>{@code
 * SearchIndex index = SearchIndex.build(site);
 * Results results = index.search("lumbr spine", 10);   // finds the answer about the lumbar spine
 * Pages pages = Renderer.render(site, Renderer.Options.publish(index.similar()));
 * }</pre>
 *
 * <p>Searching never fails on what a reader typed: quotes make phrases, every other character is text, and
 * a query longer than {@link #MAX_QUERY} characters is shortened. Safe for concurrent searches; a preview
 * {@linkplain #update(Site) updates} it in place after each save.
 */
public final class SearchIndex implements AutoCloseable {
    /** Characters of a query searched; the rest is cut off. */
    public static final int MAX_QUERY = 200;
    /** The most results a search returns. */
    public static final int MAX_LIMIT = 50;
    /** Fewer answers than this found exactly, and every word is also corrected. */
    private static final int FEW = 3;
    private static final int CLOSEST = 5;
    /** The stored fields a result shows, read once per result. */
    private static final Set<String> STORED = Set.of(Documents.ID, Documents.PATH, Documents.QUESTION, Documents.LABEL,
            Documents.ANSWER, Documents.BODY, Documents.DESCRIPTION);

    private final Analyzer analyzer = Analysis.index();
    /** Answers by category: the similar answers of one category are then found without visiting the rest. */
    private final Part answers = new Part(analyzer,
            new Sort(new SortField(Documents.CATEGORY, SortField.Type.STRING)));
    private final Part others = new Part(analyzer, null);
    private volatile Queries queries;
    private volatile Similar similar = Similar.NONE;
    private Site site;

    private SearchIndex(Site site) throws IOException {
        this.site = site;
        this.queries = new Queries(Analysis.query(site.synonyms()), analyzer);
        Map<String, String> labels = labels(site);
        // documents are independent: a writer takes them from several threads at once
        site.answers().parallelStream().forEach(a -> answers.add(Documents.answer(a, labels.get(a.category()))));
        site.posts().forEach(p -> others.add(Documents.post(p)));
        site.products().forEach(p -> others.add(Documents.product(p)));
        answers.refresh();
        others.refresh();
    }

    /**
     * Indexes the site's answers, blog posts and products, and finds the answers most like each answer.
     *
     * @throws SearchException when Lucene fails, which is a bug
     */
    public static SearchIndex build(Site site) {
        try {
            long started = System.nanoTime();
            SearchIndex index = new SearchIndex(site);
            long indexed = System.nanoTime();
            index.similar = index.likeness(site.answers(), Similar.NONE);
            if (Boolean.getBoolean("answerline.timing")) {
                System.err.printf("  search index %d ms, similar answers %d ms%n", (indexed - started) / 1_000_000,
                        (System.nanoTime() - indexed) / 1_000_000);
            }
            return index;
        } catch (IOException | UncheckedIOException e) {
            throw new SearchException("building the search index failed: " + e.getMessage(), e);
        }
    }

    /**
     * Searches: the best answers, then the best blog posts and products, each with a highlighted snippet;
     * when nothing matches, the closest questions. Never throws for any text.
     *
     * @param text what the reader typed; null counts as empty
     * @param limit the most answers, and the most other results, to return: 1 to {@link #MAX_LIMIT}
     */
    public Results search(String text, int limit) {
        int max = Math.max(1, Math.min(MAX_LIMIT, limit));
        String query = tidy(text);
        String notice = null;
        if (query.codePointCount(0, query.length()) > MAX_QUERY) {
            query = query.substring(0, query.offsetByCodePoints(0, MAX_QUERY)).strip();
            notice = "Your search was shortened to its first " + MAX_QUERY + " characters.";
        }
        if (query.isEmpty()) {
            return new Results("", notice, List.of(), List.of(), List.of());
        }
        try {
            IndexSearcher answerSearcher = answers.acquire();
            IndexSearcher otherSearcher = others.acquire();
            try {
                return search(answerSearcher, otherSearcher, query, notice, max);
            } finally {
                answers.release(answerSearcher);
                others.release(otherSearcher);
            }
        } catch (IOException e) {
            throw new SearchException("searching for \"" + query + "\" failed: " + e.getMessage(), e);
        }
    }

    private Results search(IndexSearcher answerSearcher, IndexSearcher otherSearcher, String query, String notice,
            int limit) throws IOException {
        Queries parser = queries;
        List<IndexReader> readers = List.of(answerSearcher.getIndexReader(), otherSearcher.getIndexReader());
        Query exact = orNothing(parser.exact(query));
        Query words = Queries.either(Arrays.asList(exact, parser.corrected(readers, query, false)));
        TopDocs found = words == null ? null : answerSearcher.search(words, limit);
        if (found == null || found.scoreDocs.length < FEW) {
            Query loose = Queries.either(Arrays.asList(exact, parser.corrected(readers, query, true)));
            if (loose != null) {
                words = loose;
                found = answerSearcher.search(words, limit);
            }
        }
        if (words == null) {
            return new Results(query, notice, List.of(), List.of(), closest(answerSearcher, query));
        }
        List<Results.Hit> answerHits = hits(answerSearcher, words, found);
        List<Results.Hit> otherHits = hits(otherSearcher, words, otherSearcher.search(words, limit));
        List<Results.Hit> closest = answerHits.isEmpty() && otherHits.isEmpty() ? closest(answerSearcher, query)
                : List.of();
        return new Results(query, notice, answerHits, otherHits, closest);
    }

    /** The answers whose questions share the most three-letter pieces with the query. */
    private List<Results.Hit> closest(IndexSearcher searcher, String query) throws IOException {
        BooleanQuery.Builder pieces = new BooleanQuery.Builder();
        Set<String> grams = new LinkedHashSet<>(Analysis.terms(analyzer, Analysis.GRAMS, query));
        if (grams.isEmpty()) {
            return List.of();
        }
        grams.forEach(g -> pieces.add(new TermQuery(new Term(Analysis.GRAMS, g)), BooleanClause.Occur.SHOULD));
        TopDocs top = searcher.search(pieces.build(), CLOSEST);
        List<Results.Hit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc doc : top.scoreDocs) {
            Document fields = stored.document(doc.doc, Set.of(Documents.PATH, Documents.QUESTION, Documents.LABEL));
            hits.add(new Results.Hit(Documents.ANSWER_TYPE, fields.get(Documents.PATH), fields.get(Documents.QUESTION),
                    null, fields.get(Documents.LABEL)));
        }
        return hits;
    }

    private List<Results.Hit> hits(IndexSearcher searcher, Query query, TopDocs docs) throws IOException {
        if (docs == null || docs.scoreDocs.length == 0) {
            return List.of();
        }
        StoredFields stored = searcher.storedFields();
        Map<Integer, Map<String, String>> texts = new HashMap<>();
        for (ScoreDoc hit : docs.scoreDocs) {
            Map<String, String> fields = new HashMap<>();
            for (var field : stored.document(hit.doc, STORED)) {
                fields.put(field.name(), field.stringValue());
            }
            texts.put(hit.doc, fields);
        }
        String[] snippets = Snippets.of(searcher, analyzer, query, docs, texts);
        List<Results.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.scoreDocs.length; i++) {
            Map<String, String> doc = texts.get(docs.scoreDocs[i].doc);
            String id = doc.get(Documents.ID);
            String snippet = snippets[i] != null ? snippets[i]
                    : Snippets.escape(doc.getOrDefault(Documents.DESCRIPTION, ""));
            hits.add(new Results.Hit(id.substring(0, id.indexOf(':')), doc.get(Documents.PATH),
                    doc.get(Documents.QUESTION), snippet, doc.get(Documents.LABEL)));
        }
        return hits;
    }

    /** Null for a query that cannot match, e.g. one of stop words only. */
    private static Query orNothing(Query query) {
        if (query == null || query instanceof org.apache.lucene.search.MatchNoDocsQuery
                || query instanceof BooleanQuery b && b.clauses().isEmpty()) {
            return null;
        }
        return query;
    }

    /** The answers most like each answer, for the "More ... Questions" boxes. */
    public Similar similar() {
        return similar;
    }

    /**
     * Brings the index up to date with the site after a change: documents of changed content replaced, of
     * removed content deleted, synonyms read again. The similar answers are found again for changed answers
     * and for those that showed a changed one; the rest keep theirs until the next full build, so a preview
     * may differ a little from a build.
     */
    public synchronized void update(Site now) {
        try {
            Site old = site;
            Map<String, String> labels = labels(now);
            boolean relabel = !labels.equals(labels(old));
            Set<String> changed = new HashSet<>();
            Set<String> removed = new HashSet<>();
            diff(old.answers(), now.answers(), Answer::slug, relabel, changed, removed);
            for (String slug : changed) {
                Answer answer = now.answer(slug).orElseThrow();
                answers.put(Documents.id(Documents.ANSWER_TYPE, slug),
                        Documents.answer(answer, labels.get(answer.category())));
            }
            for (String slug : removed) {
                answers.remove(Documents.id(Documents.ANSWER_TYPE, slug));
            }
            replace(old.posts(), now.posts(), BlogPost::slug, Documents.POST_TYPE, Documents::post);
            replace(old.products(), now.products(), Product::slug, Documents.PRODUCT_TYPE, Documents::product);
            if (!old.synonyms().equals(now.synonyms())) {
                queries = new Queries(Analysis.query(now.synonyms()), analyzer);
            }
            answers.refresh();
            others.refresh();
            site = now;
            if (!changed.isEmpty() || !removed.isEmpty()) {
                Set<String> again = new HashSet<>(changed);
                similar.bySlug().forEach((slug, like) -> {
                    if (like.stream().anyMatch(s -> changed.contains(s) || removed.contains(s))) {
                        again.add(slug);
                    }
                });
                List<Answer> answers = again.stream().map(s -> now.answer(s).orElse(null)).filter(Objects::nonNull)
                        .toList();
                Map<String, List<String>> next = new HashMap<>(similar.bySlug());
                removed.forEach(next::remove);
                next.putAll(likeness(answers, Similar.NONE).bySlug());
                similar = new Similar(next);
            }
        } catch (IOException e) {
            throw new SearchException("updating the search index failed: " + e.getMessage(), e);
        }
    }

    /** The routes {@code /search} (a page in the site's frame) and {@code /api/search} (JSON). */
    public Handler handler(Supplier<Pages> pages) {
        return new Routes(this, pages);
    }

    @Override
    public void close() {
        try {
            answers.close();
            others.close();
        } catch (IOException e) {
            throw new SearchException("closing the search index failed: " + e.getMessage(), e);
        }
    }

    private Similar likeness(List<Answer> of, Similar base) throws IOException {
        IndexSearcher searcher = answers.acquire();
        try {
            Map<String, List<String>> bySlug = new HashMap<>(base.bySlug());
            Map<String, Integer> docs = new HashMap<>();
            for (Answer answer : of) {
                TopDocs found = searcher.search(new TermQuery(idTerm(Documents.ANSWER_TYPE, answer.slug())), 1);
                if (found.scoreDocs.length == 1) {
                    docs.put(answer.slug(), found.scoreDocs[0].doc);
                }
            }
            Likeness likeness = new Likeness(searcher, analyzer);
            List<Map.Entry<String, List<String>>> found = of.parallelStream()
                    .filter(a -> docs.containsKey(a.slug()))
                    .map(a -> Map.entry(a.slug(), likeness.of(docs.get(a.slug()),
                            Documents.id(Documents.ANSWER_TYPE, a.slug()), a.category())))
                    .toList();
            found.forEach(e -> bySlug.put(e.getKey(), e.getValue()));
            return new Similar(bySlug);
        } finally {
            answers.release(searcher);
        }
    }

    private <T> void replace(List<T> old, List<T> now, Function<T, String> slug, String type,
            Function<T, Document> document) throws IOException {
        Set<String> changed = new HashSet<>();
        Set<String> removed = new HashSet<>();
        diff(old, now, slug, false, changed, removed);
        Map<String, T> bySlug = new HashMap<>();
        now.forEach(item -> bySlug.put(slug.apply(item), item));
        for (String s : changed) {
            others.put(Documents.id(type, s), document.apply(bySlug.get(s)));
        }
        for (String s : removed) {
            others.remove(Documents.id(type, s));
        }
    }

    /** Slugs added or changed, and slugs removed; unchanged items are the same objects (the parse cache). */
    private static <T> void diff(List<T> old, List<T> now, Function<T, String> slug, boolean all, Set<String> changed,
            Set<String> removed) {
        Map<String, T> before = new HashMap<>();
        old.forEach(item -> before.put(slug.apply(item), item));
        for (T item : now) {
            T was = before.remove(slug.apply(item));
            if (all || was == null || was != item && !was.equals(item)) {
                changed.add(slug.apply(item));
            }
        }
        removed.addAll(before.keySet());
    }

    private static Term idTerm(String type, String slug) {
        return new Term(Documents.ID, Documents.id(type, slug));
    }

    private static Map<String, String> labels(Site site) {
        Map<String, String> labels = new HashMap<>();
        for (Category category : site.categories()) {
            labels.put(category.id(), category.name());
        }
        return labels;
    }

    /** One line of text: control characters and runs of spaces become one space. */
    static String tidy(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 4 * MAX_QUERY));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < 4 * MAX_QUERY; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
