package dev.answerline.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.answerline.TestSites;
import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.language.Language;
import dev.answerline.sample.SampleSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LikenessTest {
    private static final Analyzer ENGLISH = Analysis.index(Language.ENGLISH);
    @TempDir
    static Path dir;
    private static Site sample;
    private static Site sampleDe;

    @BeforeAll
    static void samples() {
        SampleSite.write(TestSites.demo(), dir.resolve("en"), 300, 7);
        SampleSite.write(TestSites.demoDe(), dir.resolve("de"), 200, 7);
        sample = Site.load(dir.resolve("en"));
        sampleDe = Site.load(dir.resolve("de"));
    }

    private static Likeness small(boolean withCrowded) {
        Likeness likeness = new Likeness();
        // "roller" is in every answer, far more than a fifth: it makes no answer like another
        put(likeness, "calf-stretch", "legs", "soleus gastrocnemius achilles roller");
        put(likeness, "calf-release", "legs", "soleus gastrocnemius roller");
        put(likeness, "calf-warmup", "legs", "soleus roller");
        put(likeness, "hip-opener", "legs", "psoas iliacus roller");
        put(likeness, "hip-release", "legs", "psoas iliacus roller");
        put(likeness, "back-calf", "back", "soleus gastrocnemius achilles roller");
        List<String> fillers = List.of("zebra", "yacht", "xylophone", "walrus", "violin", "umbrella", "tulip",
                "saddle", "quartz", "panda", "orbit", "nectar", "mango", "lantern");
        for (String filler : fillers) {
            put(likeness, "back-" + filler, "back", filler + " roller");
        }
        if (withCrowded) {
            // eight words no other answer has, which would outscore "gastrocnemius" if they could be asked for
            put(likeness, "calf-crowded", "legs", "gastrocnemius kiwi lemon melon olive peach plum grape cherry "
                    + "roller");
        }
        return likeness;
    }

    private static void put(Likeness likeness, String slug, String category, String body) {
        likeness.put(slug, category, Terms.of(ENGLISH, "Which roller?", body));
    }

    @Test
    void answersSharingTheRarerWordsOfTheirCategoryAreAlike() {
        Map<String, List<String>> similar = small(false).similar(false);
        assertThat(similar).hasSize(20).contains(
                // two words shared before one; back-calf shares all three but is in another category
                entry("calf-stretch", List.of("calf-release", "calf-warmup")),
                entry("calf-release", List.of("calf-stretch", "calf-warmup")),
                // one word shared with both: BM25 puts the shorter answer first, a match in it says more
                entry("calf-warmup", List.of("calf-release", "calf-stretch")),
                entry("hip-opener", List.of("hip-release")),
                entry("hip-release", List.of("hip-opener")),
                // no other answer of its category has its words
                entry("back-calf", List.of()));
        // "roller" is in all 20 answers: above a fifth of them, so it links none (maxDocFreqPct 20)
        assertThat(similar).containsEntry("back-zebra", List.of()).containsEntry("back-lantern", List.of());
    }

    @Test
    void wordsOfOneAnswerAreNotAskedForSoTheyLeaveRoomForSharedOnes() {
        Map<String, List<String>> similar = small(true).similar(false);
        // without minDocFreq 2 its eight words of its own would take the eight places of the query and find
        // nothing: "gastrocnemius" finds the two others that have it, the shorter first
        assertThat(similar.get("calf-crowded")).containsExactly("calf-release", "calf-stretch");
        assertThat(similar.get("back-zebra")).isEmpty();
    }

    @Test
    void theListsDoNotDependOnTheOrderAnswersCameInNorOnTheThreads() {
        Map<String, List<String>> first = null;
        for (int seed = 0; seed < 4; seed++) {
            List<Answer> answers = new ArrayList<>(sample.answers());
            Collections.shuffle(answers, new Random(seed));
            Likeness likeness = new Likeness();
            answers.forEach(a -> likeness.put(a.slug(), a.category(), Terms.of(ENGLISH, a)));
            Map<String, List<String>> sequential = likeness.similar(false);
            assertThat(likeness.similar(true)).isEqualTo(sequential);
            if (first == null) {
                first = sequential;
            }
            assertThat(sequential).isEqualTo(first);
        }
        assertThat(first.values()).allSatisfy(like -> assertThat(like).hasSizeBetween(1, Likeness.KEPT));
    }

    @Test
    void theTermsOfAnAnswerTakeAKilobyteOrSoOfHeap() {
        Likeness likeness = new Likeness();
        sample.answers().forEach(a -> likeness.put(a.slug(), a.category(), Terms.of(ENGLISH, a)));
        // a served site keeps them for its updates: 100,000 answers must fit beside everything else
        assertThat(likeness.bytes() / sample.answers().size()).isBetween(200L, 2_000L);
    }

    @Test
    void anAnswerPutAgainOrRemovedCountsOnlyAsItIsNow() {
        Likeness edited = small(true);
        put(edited, "calf-crowded", "legs", "psoas roller");
        edited.remove("back-zebra");
        put(edited, "back-zebra", "back", "zebra roller");
        Likeness fresh = small(false);
        put(fresh, "calf-crowded", "legs", "psoas roller");
        assertThat(edited.similar(false)).isEqualTo(fresh.similar(false));
    }

    static Stream<Arguments> sites() {
        // demo-de has nine answers: a fifth of them is one, so no word is in few enough to be asked for
        return Stream.of(Arguments.of("demo", Site.load(TestSites.demo()), 5),
                Arguments.of("demo-de", Site.load(TestSites.demoDe()), 0),
                Arguments.of("sample of 300", sample, 6), Arguments.of("German sample of 200", sampleDe, 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sites")
    void findsExactlyWhatLucenesMoreLikeThisFoundWithBm25(String name, Site site, int longest) {
        Analyzer analyzer = Analysis.index(Language.of(site.config().language()).orElse(Language.ENGLISH));
        Likeness likeness = new Likeness();
        site.answers().forEach(a -> likeness.put(a.slug(), a.category(), Terms.of(analyzer, a)));
        Map<String, List<String>> lucene = lucene(site, analyzer);
        assertThat(likeness.similar(true)).isEqualTo(lucene);
        assertThat(lucene.values().stream().mapToInt(List::size).max().orElse(0)).isEqualTo(longest);
    }

    @Test
    void scoresAreRoundedAsBigDecimalRoundsThem() {
        Random random = new Random(1);
        for (int i = 0; i < 1_000_000; i++) {
            float score = (float) Math.pow(10, random.nextDouble() * 8 - 4);
            if (i % 3 == 0) {
                // exactly on a half of the fifth digit, or on a power of ten
                score = (float) (Math.round(score * 1e4) / 1e4 + (i % 2) * 0.00005);
            }
            if (score > 0) {
                assertThat(Scratch.rounded(score)).as("%s", score).isEqualTo(bigDecimal(score));
            }
        }
    }

    private static long bigDecimal(float score) {
        BigDecimal rounded = new BigDecimal(score).round(new MathContext(5)).stripTrailingZeros();
        BigDecimal digits = rounded.movePointRight(4 - (rounded.precision() - rounded.scale() - 1));
        int exponent = rounded.precision() - rounded.scale() - 1 - 4;
        return (exponent + 1000) * 1_000_000L + digits.longValueExact();
    }

    /**
     * The lists as Lucene found them before: one index of all answers, MoreLikeThis's query for each filtered
     * to its category (a filter changes no score), the best 12 by score then slug, the answer left out, the
     * scores rounded to five digits and sorted again, six kept.
     */
    private static Map<String, List<String>> lucene(Site site, Analyzer analyzer) {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Answer answer : site.answers()) {
                Document doc = new Document();
                doc.add(new SortedDocValuesField(Documents.ID, new BytesRef(answer.slug())));
                doc.add(new StringField(Documents.CATEGORY, answer.category(), Field.Store.NO));
                doc.add(new TextField(Documents.QUESTION, answer.question(), Field.Store.NO));
                doc.add(new TextField(Documents.BODY, Documents.body(answer), Field.Store.NO));
                writer.addDocument(doc);
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Sort byScoreThenSlug = new Sort(SortField.FIELD_SCORE, new SortField(Documents.ID,
                        SortField.Type.STRING));
                Map<String, List<String>> similar = new HashMap<>();
                for (Answer answer : site.answers()) {
                    MoreLikeThis mlt = new MoreLikeThis(reader);
                    mlt.setAnalyzer(analyzer);
                    mlt.setFieldNames(new String[] {Documents.QUESTION, Documents.BODY});
                    mlt.setMinTermFreq(1);
                    mlt.setMinDocFreq(2);
                    mlt.setMaxDocFreqPct(20);
                    mlt.setMinWordLen(3);
                    mlt.setMaxNumTokensParsed(300);
                    mlt.setMaxQueryTerms(8);
                    mlt.setBoost(true);
                    BooleanQuery query = new BooleanQuery.Builder()
                            .add(mlt.like(Map.of(Documents.QUESTION, List.of(answer.question()), Documents.BODY,
                                    List.of(Documents.body(answer)))), BooleanClause.Occur.MUST)
                            .add(new TermQuery(new Term(Documents.CATEGORY, answer.category())),
                                    BooleanClause.Occur.FILTER)
                            .build();
                    List<Map.Entry<String, BigDecimal>> found = new ArrayList<>();
                    for (ScoreDoc hit : searcher.search(query, 12, byScoreThenSlug, true).scoreDocs) {
                        String slug = Documents.id(reader, hit.doc);
                        if (!slug.equals(answer.slug())) {
                            found.add(Map.entry(slug, new BigDecimal(hit.score).round(new MathContext(5))));
                        }
                    }
                    found.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()));
                    similar.put(answer.slug(), found.stream().limit(6).map(Map.Entry::getKey).toList());
                }
                return similar;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
