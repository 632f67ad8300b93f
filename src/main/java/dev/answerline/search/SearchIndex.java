package dev.answerline.search;

import dev.answerline.content.Answer;
import dev.answerline.content.BlogPost;
import dev.answerline.content.Category;
import dev.answerline.language.Language;
import dev.answerline.content.Product;
import dev.answerline.content.Address.Kind;
import dev.answerline.content.Site;
import dev.answerline.content.SiteChange;
import dev.answerline.language.Label;
import dev.answerline.language.Labels;
import dev.answerline.render.Pages;
import dev.answerline.render.Similar;
import dev.answerline.search.internal.Analysis;
import dev.answerline.search.internal.Documents;
import dev.answerline.search.internal.Item;
import dev.answerline.search.internal.Likeness;
import dev.answerline.search.internal.Part;
import dev.answerline.search.internal.Queries;
import dev.answerline.search.internal.Recent;
import dev.answerline.search.internal.Terms;
import dev.answerline.search.internal.Snippets;
import dev.answerline.server.Lane;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
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
 * Pages pages = Renderer.render(site, Renderer.Options.serve(index.similar()));
 * }</pre>
 *
 * <p>Searching never fails on what a reader typed: quotes make phrases, every other character is text, and
 * a query longer than {@link #MAX_QUERY} characters is shortened. Safe for concurrent searches; a preview
 * {@linkplain #update(SiteChange) updates} it in place after each save. The results of recent searches are
 * remembered, within a few megabytes, until the next update (issue 20: the same searches come again and again).
 */
public final class SearchIndex implements AutoCloseable {
    /** Characters of a query searched; the rest is cut off. */
    public static final int MAX_QUERY = 200;
    /** Words of a query searched; the rest is cut off, so that no query makes hundreds of clauses. */
    public static final int MAX_WORDS = 24;
    /**
     * Time a search may spend matching: searches take milliseconds, and none may take a thread for long. Wall
     * time, so it holds some slack for a collection or a busy machine (250 ms lost answers under load).
     */
    private static final long BUDGET_MILLIS = 1000;
    /** The most results a search returns. */
    public static final int MAX_LIMIT = 50;
    /**
     * The threads searches run on: a search is CPU work, so about as many at once as there are cores, a short
     * queue, then 503; pages never wait behind them.
     */
    public static final Lane LANE = Lane.of("search", Math.max(2, Runtime.getRuntime().availableProcessors()), 64);
    private static final boolean TIMING = Boolean.getBoolean("answerline.timing");
    /** Fewer answers than this found exactly, and every word is also corrected. */
    private static final int FEW = 3;
    private static final int CLOSEST = 5;
    /**
     * Searches remembered: a result is a few kilobytes (ten snippets), so this is a few megabytes at most
     * however many distinct queries arrive, and the queries readers repeat most stay in it.
     */
    static final int CACHED_RESULTS = 1024;
    static final long CACHED_RESULT_BYTES = 4L << 20;
    /** Words whose closest spellings are remembered: a few short words each. */
    static final int CACHED_SPELLINGS = 4096;
    static final long CACHED_SPELLING_BYTES = 1L << 20;
    /** Answers' leads remembered for their snippets: a kilobyte or two each. */
    static final int CACHED_LEADS = 4096;
    static final long CACHED_LEAD_BYTES = 4L << 20;

    /** What the index is written with: the site's language, which a preview may change. */
    private final Analysis.Switchable analysis;
    private final Part answers;
    private final Part others;
    private Language language;
    private volatile Queries queries;
    /** Found when first asked for: searching needs none of it. */
    private Similar similar;
    /**
     * Every answer's terms, kept from the first {@link #similar()} on, so that an update analyses only the
     * answers that changed and still finds every list as a build does.
     */
    private Likeness likeness;
    private static final Map<Language, Analyzer> ANALYZERS = new java.util.concurrent.ConcurrentHashMap<>();
    /** What each document shows, by id: added before a document becomes searchable, removed after. */
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private Site site;
    /** The site's texts, for notices and the labels of blog posts and products; a preview may change them. */
    private volatile Labels labels;

    private volatile long budgetMillis = BUDGET_MILLIS;
    /**
     * The results of recent searches by query and limit, and the closest known words of recent words. These
     * and {@link #leads} are emptied by every {@link #update}: a preview changes the index in place, and a
     * reader must never get a result that the index would no longer give.
     */
    private final Recent<Searched, Results> recent = new Recent<>(CACHED_RESULTS, CACHED_RESULT_BYTES,
            SearchIndex::bytes);
    private final Recent<String, List<String>> spellings = new Recent<>(CACHED_SPELLINGS, CACHED_SPELLING_BYTES,
            (word, fixes) -> 2L * word.length() + fixes.stream().mapToLong(f -> 2L * f.length() + 48).sum() + 96);
    /**
     * The lead texts of recent results, by id: each is made from Markdown (the direct answer and every
     * takeaway parsed), which was a seventh of a search's time, and the same answers come up again and again.
     * Not kept for every answer: at 100,000 answers that would be tens of megabytes of heap.
     */
    private final Recent<String, String> leads = new Recent<>(CACHED_LEADS, CACHED_LEAD_BYTES,
            (id, lead) -> 2L * (id.length() + lead.length()) + 128);

    /** What a search's results depend on besides the index: the query as searched and the most results. */
    private record Searched(String query, int limit) {}

    private SearchIndex(Site site) throws IOException {
        this.site = site;
        this.labels = site.config().labels();
        this.language = languageOf(site);
        this.analysis = new Analysis.Switchable(Analysis.index(language));
        this.answers = new Part(analysis);
        this.others = new Part(analysis);
        this.queries = new Queries(language, site.synonyms(), analyzer());
        Map<String, String> labels = labels(site);
        // documents are independent: a writer takes them from several threads at once
        site.answers().parallelStream().map(a -> Documents.answer(a, labels.get(a.category())))
                .forEach(item -> answers.add(Documents.document(remember(item))));
        site.posts().forEach(p -> others.add(Documents.document(remember(Documents.post(p)))));
        site.products().forEach(p -> others.add(Documents.document(remember(Documents.product(p)))));
        answers.refresh();
        others.refresh();
    }

    /**
     * Indexes the site's answers, blog posts and products.
     *
     * @throws dev.answerline.memory.MemoryException when the temporary folder, where the index lives, is
     *     missing, read-only or full
     * @throws SearchException when Lucene fails otherwise, which is a bug
     */
    public static SearchIndex build(Site site) {
        try {
            long started = System.nanoTime();
            SearchIndex index = new SearchIndex(site);
            if (TIMING) {
                System.err.printf("  search index %d ms%n", (System.nanoTime() - started) / 1_000_000);
            }
            return index;
        } catch (IOException e) {
            throw Part.folderFailed(e);
        } catch (UncheckedIOException e) {
            throw SearchException.bug("building the search index failed: " + e.getMessage(), e);
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
        Labels texts = labels;
        String query = tidy(text);
        String notice = null;
        if (query.codePointCount(0, query.length()) > MAX_QUERY) {
            query = query.substring(0, query.offsetByCodePoints(0, MAX_QUERY)).strip();
            notice = texts.text(Label.SEARCH_SHORTENED_CHARACTERS, MAX_QUERY);
        }
        int words = Analysis.endOfWords(analyzer(), Documents.BODY, query, MAX_WORDS);
        if (words < query.length()) {
            query = query.substring(0, words).strip();
            notice = texts.text(Label.SEARCH_SHORTENED_WORDS, MAX_WORDS);
        }
        if (query.isEmpty()) {
            return new Results("", notice, List.of(), List.of(), List.of());
        }
        Searched key = new Searched(query, max);
        // taken before the searchers: a result made from an index that an update has since changed is not kept
        long generation = recent.generation();
        long spelling = spellings.generation();
        long lead = leads.generation();
        Results kept = recent.get(key);
        if (kept != null) {
            return Objects.equals(kept.notice(), notice) ? kept
                    : new Results(kept.query(), notice, kept.answers(), kept.others(), kept.closest());
        }
        try {
            IndexSearcher answerSearcher = answers.acquire();
            IndexSearcher otherSearcher = others.acquire();
            try {
                // one clock for the whole search; matching stops when it runs out, with the best found so far
                QueryTimeoutImpl budget = new QueryTimeoutImpl(budgetMillis);
                Results results = search(timed(answerSearcher, budget), timed(otherSearcher, budget), query, notice,
                        max, spelling, lead);
                // a search cut short found less than it would with time: asked again, it gets another try
                if (!budget.shouldExit()) {
                    recent.put(generation, key, results);
                }
                return results;
            } finally {
                answers.release(answerSearcher);
                others.release(otherSearcher);
            }
        } catch (IOException e) {
            throw SearchException.bug("searching for \"" + query + "\" failed: " + e.getMessage(), e);
        }
    }

    private Results search(IndexSearcher answerSearcher, IndexSearcher otherSearcher, String query, String notice,
            int limit, long spelling, long lead) throws IOException {
        Queries parser = queries;
        List<IndexReader> readers = List.of(answerSearcher.getIndexReader(), otherSearcher.getIndexReader());
        // finding a word's closest spellings builds an automaton and walks the terms: most of a misspelt
        // search's time, asked again for the same words by the second pass below and by the next readers
        Function<String, List<String>> corrections = word -> spellings.get(spelling, word,
                w -> Queries.corrections(readers, w));
        Query exact = orNothing(parser.exact(query));
        Query fixes = parser.corrected(readers, query, false, corrections);
        Query words = Queries.either(Arrays.asList(exact, fixes));
        TopDocs found = words == null ? null : answerSearcher.search(words, limit);
        if (found == null || found.scoreDocs.length < FEW) {
            Query more = parser.corrected(readers, query, true, corrections);
            Query loose = Queries.either(Arrays.asList(exact, more));
            if (loose != null) {
                fixes = more;
                words = loose;
                found = answerSearcher.search(words, limit);
            }
        }
        if (words == null) {
            return new Results(query, notice, List.of(), List.of(), closest(answerSearcher, query));
        }
        Query typed = orNothing(parser.typed(query));
        List<Query> marks = typed == null || typed.equals(exact) ? List.of(words)
                : List.of(Queries.either(Arrays.asList(typed, fixes)), words);
        Function<Item, String> leadOf = item -> leads.get(lead, item.id(), id -> item.lead().get());
        List<Results.Hit> answerHits = hits(answerSearcher, marks, found, leadOf);
        List<Results.Hit> otherHits = hits(otherSearcher, marks, otherSearcher.search(words, limit), leadOf);
        List<Results.Hit> closest = answerHits.isEmpty() && otherHits.isEmpty() ? closest(answerSearcher, query)
                : List.of();
        return new Results(query, notice, answerHits, otherHits, closest);
    }

    /** The answers whose questions share the most three-letter pieces with the query. */
    private List<Results.Hit> closest(IndexSearcher searcher, String query) throws IOException {
        BooleanQuery.Builder pieces = new BooleanQuery.Builder();
        Set<String> grams = new LinkedHashSet<>(Analysis.terms(analyzer(), Analysis.GRAMS, query));
        if (grams.isEmpty()) {
            return List.of();
        }
        grams.forEach(g -> pieces.add(new TermQuery(new Term(Analysis.GRAMS, g)), BooleanClause.Occur.SHOULD));
        TopDocs top = searcher.search(pieces.build(), CLOSEST);
        List<Results.Hit> hits = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            Item item = items.get(Documents.id(searcher.getIndexReader(), doc.doc));
            if (item != null) {
                hits.add(new Results.Hit(item.type(), item.path(), item.title(), null, label(item)));
            }
        }
        return hits;
    }

    private List<Results.Hit> hits(IndexSearcher searcher, List<Query> marks, TopDocs docs,
            Function<Item, String> lead) throws IOException {
        if (docs == null || docs.scoreDocs.length == 0) {
            return List.of();
        }
        // a document whose item is gone was removed by an update since this searcher was acquired
        Map<Integer, Item> shown = new HashMap<>();
        List<ScoreDoc> kept = new ArrayList<>();
        for (ScoreDoc hit : docs.scoreDocs) {
            Item item = items.get(Documents.id(searcher.getIndexReader(), hit.doc));
            if (item != null) {
                shown.put(hit.doc, item);
                kept.add(hit);
            }
        }
        TopDocs results = new TopDocs(docs.totalHits, kept.toArray(ScoreDoc[]::new));
        String[] snippets = Snippets.of(searcher, analyzer(), marks, results, shown, lead);
        List<Results.Hit> hits = new ArrayList<>();
        for (int i = 0; i < results.scoreDocs.length; i++) {
            Item item = shown.get(results.scoreDocs[i].doc);
            String snippet = snippets[i] != null ? snippets[i] : Snippets.escape(item.description());
            hits.add(new Results.Hit(item.type(), item.path(), item.title(), snippet, label(item)));
        }
        return hits;
    }

    /** The site's texts as the index last saw them: the search page's notices follow them. */
    Labels labels() {
        return labels;
    }

    /** What a result is: its answer's category, or a blog post or product in the site's language. */
    private String label(Item item) {
        return switch (item.type()) {
            case Documents.POST_TYPE -> labels.text(Label.SEARCH_BLOG_POST);
            case Documents.PRODUCT_TYPE -> labels.text(Label.SEARCH_PRODUCT);
            default -> item.label();
        };
    }

    /** Changes the time a search may spend matching, so that a test can spend it all at once. */
    void budget(long millis) {
        budgetMillis = millis;
        // what was found with another budget is not what this one finds
        recent.clear();
    }

    /** Forgets every remembered result, spelling and lead, so that a test can compare with a search afresh. */
    void forget() {
        recent.clear();
        spellings.clear();
        leads.clear();
    }

    /** The searches remembered, and their estimated bytes; for tests. */
    long[] cached() {
        return new long[] {recent.size(), recent.bytes()};
    }

    /**
     * An estimate of the heap a search's result takes, from its strings (two bytes a character, though most
     * take one) and about 64 bytes for each object around them.
     */
    private static long bytes(Searched key, Results results) {
        long bytes = 128 + 2L * key.query().length() + 2L * results.query().length();
        for (List<Results.Hit> hits : List.of(results.answers(), results.others(), results.closest())) {
            for (Results.Hit hit : hits) {
                bytes += 5 * 64 + 2L * (hit.type().length() + hit.path().length() + hit.title().length()
                        + (hit.snippetHtml() == null ? 0 : hit.snippetHtml().length())
                        + (hit.label() == null ? 0 : hit.label().length()));
            }
        }
        return bytes;
    }

    private Item remember(Item item) {
        items.put(item.id(), item);
        return item;
    }

    /** A searcher over the same index that stops matching when the budget is spent. */
    private static IndexSearcher timed(IndexSearcher searcher, QueryTimeoutImpl budget) {
        IndexSearcher timed = new IndexSearcher(searcher.getIndexReader());
        timed.setTimeout(budget);
        return timed;
    }

    /** Null for a query that cannot match, e.g. one of stop words only. */
    private static Query orNothing(Query query) {
        if (query == null || query instanceof org.apache.lucene.search.MatchNoDocsQuery
                || query instanceof BooleanQuery b && b.clauses().isEmpty()) {
            return null;
        }
        return query;
    }

    /**
     * The answers most like each answer, for the "More ... Questions" boxes: found at the first call, which
     * analyses every answer, and kept up to date by {@link #update} from then on.
     */
    public synchronized Similar similar() {
        if (similar == null) {
            // texts are made again for the analysis rather than kept: a served site's heap has no room for them
            likeness = likeness(site);
            similar = similar(likeness);
        }
        return similar;
    }

    /**
     * Brings the index up to date with the site after a change: documents of changed content replaced, of
     * removed content deleted, synonyms read again. Once {@link #similar()} has been asked for, changed answers
     * are analysed again and every answer's similar answers found again, the same as a build finds them.
     */
    public synchronized void update(SiteChange change) {
        try {
            Site old = change.before();
            Site now = change.after();
            Map<String, String> labels = labels(now);
            // another language: every document is analysed again, every similar answer found again
            boolean relanguage = languageOf(now) != language;
            if (relanguage) {
                language = languageOf(now);
                analysis.set(Analysis.index(language));
            }
            // a renamed category shows on every result of its answers
            Set<String> changed = new HashSet<>(change.changed(Kind.ANSWER));
            if (relanguage || !labels.equals(labels(old))) {
                now.answers().forEach(a -> changed.add(a.slug()));
            }
            Set<String> removed = change.removed(Kind.ANSWER);
            for (String slug : changed) {
                Answer answer = now.answer(slug).orElseThrow();
                Item item = remember(Documents.answer(answer, labels.get(answer.category())));
                answers.put(item.id(), Documents.document(item));
            }
            for (String slug : removed) {
                answers.remove(Documents.id(Documents.ANSWER_TYPE, slug));
            }
            Set<String> gone = new HashSet<>();
            removed.forEach(slug -> gone.add(Documents.id(Documents.ANSWER_TYPE, slug)));
            gone.addAll(replace(change, Kind.POST, now.posts(), BlogPost::slug, Documents.POST_TYPE, Documents::post,
                    relanguage));
            gone.addAll(replace(change, Kind.PRODUCT, now.products(), Product::slug, Documents.PRODUCT_TYPE,
                    Documents::product, relanguage));
            if (relanguage || change.synonyms()) {
                queries = new Queries(language, now.synonyms(), analyzer());
            }
            answers.refresh();
            others.refresh();
            items.keySet().removeAll(gone);
            site = now;
            this.labels = now.config().labels();
            if (relanguage) {
                likeness = null;
                similar = null;
            } else if (likeness != null && (!change.changed(Kind.ANSWER).isEmpty() || !removed.isEmpty())) {
                // a word's frequencies change with any answer, and with them the scores of all: every list again
                Analyzer analyzer = analyzer(now);
                for (String slug : change.changed(Kind.ANSWER)) {
                    Answer answer = now.answer(slug).orElseThrow();
                    likeness.put(slug, answer.category(), Terms.of(analyzer, answer));
                }
                removed.forEach(likeness::remove);
                Similar next = similar(likeness);
                // the same object when nothing moved: a preview then renders no box again
                similar = next.equals(similar) ? similar : next;
            }
        } catch (IOException e) {
            throw Part.folderFailed(e);
        } finally {
            // after everything a search reads has changed, also when an update fails half way: a search begun
            // before this keeps nothing it made
            recent.clear();
            spellings.clear();
            leads.clear();
        }
    }

    /** The routes {@code /search} (a page in the site's frame) and {@code /api/search} (JSON). */
    public Handler handler(Supplier<Pages> pages) {
        return handler(pages, SearchLog.NONE);
    }

    /** The same routes, telling {@code log} of the searches made on the search page. */
    public Handler handler(Supplier<Pages> pages, SearchLog log) {
        return new Routes(this, pages, log);
    }

    @Override
    public void close() {
        try {
            answers.close();
            others.close();
        } catch (IOException e) {
            throw Part.folderFailed(e);
        }
    }

    /**
     * The similar answers of a site, as {@link #similar()} finds them, without a search index: for a build,
     * which has no search (and which may keep the answers' terms for the next: {@link KeptTerms}).
     */
    public static Similar similar(Site site) {
        return KeptTerms.of(site, null, answer -> false).similar();
    }

    /** Every answer's terms, analysed on several threads. */
    private static Likeness likeness(Site site) {
        long started = System.nanoTime();
        Analyzer analyzer = analyzer(site);
        Likeness likeness = new Likeness();
        analyse(likeness, site.answers(), analyzer);
        if (TIMING) {
            System.err.printf("  similar answers: terms in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        }
        return likeness;
    }

    /**
     * Puts the terms of {@code answers} in {@code likeness}, in their order, analysing a few hundred at a time
     * on several threads: the terms of all 100,000 answers of a large site at once, before they are packed, do
     * not fit in the 1 GiB heap a served site of that size has.
     */
    static void analyse(Likeness likeness, List<Answer> answers, Analyzer analyzer) {
        int batch = 256;
        for (int from = 0; from < answers.size(); from += batch) {
            List<Answer> some = answers.subList(from, Math.min(answers.size(), from + batch));
            List<Terms> terms = some.parallelStream().map(a -> Terms.of(analyzer, a)).toList();
            for (int i = 0; i < some.size(); i++) {
                likeness.put(some.get(i).slug(), some.get(i).category(), terms.get(i));
            }
        }
    }

    /** The analyzer of the site's language; one per language serves every thread (it keeps its stemmer). */
    static Analyzer analyzer(Site site) {
        return ANALYZERS.computeIfAbsent(languageOf(site), Analysis::index);
    }

    static Similar similar(Likeness likeness) {
        long started = System.nanoTime();
        Similar similar = new Similar(likeness.similar(true));
        if (TIMING) {
            System.err.printf("  similar answers %d ms%n", (System.nanoTime() - started) / 1_000_000);
        }
        return similar;
    }

    /** Replaces changed items (or all) of one kind in the other part; the ids of the removed ones. */
    private <T> Set<String> replace(SiteChange change, Kind kind, List<T> now, Function<T, String> slug, String type,
            Function<T, Item> item, boolean all) throws IOException {
        Set<String> removed = change.removed(kind);
        Map<String, T> bySlug = new HashMap<>();
        now.forEach(each -> bySlug.put(slug.apply(each), each));
        Set<String> changed = all ? bySlug.keySet() : change.changed(kind);
        for (String s : changed) {
            others.put(Documents.id(type, s), Documents.document(remember(item.apply(bySlug.get(s)))));
        }
        Set<String> gone = new HashSet<>();
        for (String s : removed) {
            others.remove(Documents.id(type, s));
            gone.add(Documents.id(type, s));
        }
        return gone;
    }

    /** The analyzer of the site's language, for everything but writing. */
    private Analyzer analyzer() {
        return analysis.current();
    }

    /** The language a site's words are analysed in: English for one Answerline does not know. */
    static Language languageOf(Site site) {
        return Language.of(site.config().language()).orElse(Language.ENGLISH);
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
