package dev.answerline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.answerline.TestSites;
import dev.answerline.content.Answer;
import dev.answerline.content.Site;
import dev.answerline.content.SiteChange;
import dev.answerline.render.Similar;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Search and similar answers on the demo site, which has a synonyms.txt. */
class SearchIndexTest {
    private static Site site;
    private static SearchIndex index;

    @BeforeAll
    static void build() {
        site = Site.load(TestSites.demo());
        index = SearchIndex.build(site);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static String top(SearchIndex in, String query) {
        List<Results.Hit> answers = in.search(query, 5).answers();
        return answers.isEmpty() ? "(nothing)" : answers.get(0).path().substring("/answers/".length());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            foam roll lumbar spine                | should-you-foam-roll-your-lumbar-spine
            how long should I roll each muscle    | how-long-should-you-foam-roll-each-muscle
            best time to foam roll                | when-is-the-best-time-to-foam-roll
            does rolling hurt                     | is-foam-rolling-supposed-to-hurt
            pulled muscle                         | should-you-foam-roll-a-pulled-muscle
            lactic acid                           | does-foam-rolling-flush-out-lactic-acid
            knots between shoulder blades         | is-a-massage-ball-good-for-upper-back-knots
            "massage ball"                        | is-a-massage-ball-good-for-upper-back-knots
            lumbr spine                           | should-you-foam-roll-your-lumbar-spine
            hamstrngs                             | how-do-you-foam-roll-your-hamstrings
            strech vs roll                        | is-foam-rolling-better-than-stretching
            foam rolr firmness for beginers       | which-foam-roller-firmness-should-beginners-choose
            clean my foam rollr                   | how-do-you-clean-a-foam-roller
            roll my lower back                    | should-you-foam-roll-your-lumbar-spine
            trigger point                         | is-a-massage-ball-good-for-upper-back-knots
            iliotibial band                       | should-you-foam-roll-your-it-band
            doms                                  | does-foam-rolling-help-sore-muscles
            """)
    void findsTheAnswerReadersMean(String query, String expected) {
        assertThat(top(index, query)).isEqualTo(expected);
    }

    @Test
    void synonymsComeFromTheSiteFolder(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyDemo(dir);
        Files.delete(copy.resolve("synonyms.txt"));
        try (SearchIndex without = SearchIndex.build(Site.load(copy))) {
            // the control: the demo's synonyms.txt is what makes these two right
            assertThat(top(without, "trigger point")).isNotEqualTo("is-a-massage-ball-good-for-upper-back-knots");
            assertThat(top(without, "roll my lower back")).isNotEqualTo("should-you-foam-roll-your-lumbar-spine");
        }
    }

    @Test
    void marksTheMatchingWordsInTheSnippet() {
        Results.Hit hit = index.search("lumbar spine", 5).answers().get(0);
        assertThat(hit.title()).isEqualTo("Should you foam roll your lumbar spine?");
        assertThat(hit.label()).isEqualTo("Back Relief");
        assertThat(hit.snippetHtml()).contains("<mark>lumbar</mark> <mark>spine</mark>");
        assertThat(hit.snippetHtml().length()).isLessThan(260);
    }

    @Test
    void aQueryWithMarkupComesBackAsTextAndSnippetsStayEscaped() {
        Results results = index.search("<script>alert(1)</script> lumbar", 10);
        assertThat(results.query()).isEqualTo("<script>alert(1)</script> lumbar");
        assertThat(results.answers()).isNotEmpty();
        for (Results.Hit hit : results.answers()) {
            String withoutMarks = hit.snippetHtml().replace("<mark>", "").replace("</mark>", "");
            assertThat(withoutMarks).doesNotContain("<", ">");
        }
    }

    @Test
    void snippetsEscapeTheTextOfTheContent(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyDemo(dir);
        Path file = copy.resolve("answers/should-you-foam-roll-your-lumbar-spine.md");
        Files.writeString(file, Files.readString(file) + "\nWrite `<b onclick=\"x\">` & quirky \"zyzzyva\" text.\n");
        try (SearchIndex edited = SearchIndex.build(Site.load(copy))) {
            String snippet = edited.search("zyzzyva", 5).answers().get(0).snippetHtml();
            assertThat(snippet).contains("&lt;b onclick=&quot;x&quot;&gt;", "&amp;", "&quot;<mark>zyzzyva</mark>&quot;")
                    .doesNotContain("<b");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"", "\"\"", "\"lumbar", "lumbar\"", "((((", "a:b", "*", "?", "~2", "-",
        "+lumbar -spine", "||", "&&", "\\", "/", "[x TO y]", "{", "lumbar^10", "field:value", "\u0000\u0007",
        "😀 roll", "AND OR NOT", "how to"})
    void oddInputNeverFails(String query) {
        assertThatCode(() -> index.search(query, 10)).doesNotThrowAnyException();
    }

    @Test
    void aNullQueryIsAnEmptyOne() {
        assertThat(index.search(null, 10).query()).isEmpty();
    }

    @Test
    void longQueriesAreCutAt200CharactersWithoutBreakingACharacter() {
        String query = "lumbar ".repeat(20) + "😀".repeat(100);
        Results results = index.search(query, 10);
        assertThat(results.query().codePointCount(0, results.query().length())).isLessThanOrEqualTo(200);
        assertThat(results.query()).doesNotContain("\uFFFD");
        assertThat(Character.isHighSurrogate(results.query().charAt(results.query().length() - 1))).isFalse();
        assertThat(results.notice()).contains("200 characters");
        assertThat(results.answers()).isNotEmpty();
        assertThat(index.search("lumbar", 10).notice()).isNull();
    }

    @Test
    void aQueryOfManyWordsIsSearchedAsItsFirstWords() {
        String query = "spine back ".repeat(18);
        Results results = index.search(query, 10);
        assertThat(results.query().split(" ")).hasSize(SearchIndex.MAX_WORDS);
        assertThat(results.notice()).isEqualTo("Your search was shortened to its first 24 words.");
        assertThat(results.answers()).isNotEmpty();
    }

    @Test
    void wordsTooLongToBeTyposAreNotCorrected(@TempDir Path dir) throws Exception {
        // finding the words two edits from a 200-letter "word" (a run of CJK text) took 0.7 s; no real word is
        // that long, and no typo of a word of the answers is either
        Path copy = TestSites.copyDemo(dir);
        Path answer = copy.resolve("answers/does-foam-rolling-help-sore-muscles.md");
        Files.writeString(answer, Files.readString(answer) + "\nSee pneumonoultramicroscopicsilicovolcanoconiosis.\n");
        try (SearchIndex with = SearchIndex.build(Site.load(copy))) {
            assertThat(top(with, "pneumonoultramicroscopicsilicovolcanoconiosis")).isEqualTo("does-foam-rolling-help-sore-muscles");
            assertThat(top(with, "pneumonoultramicroscopicsilicovolkanoconiosis")).isEqualTo("(nothing)");
            assertThat(top(with, "sorre musles")).isEqualTo("does-foam-rolling-help-sore-muscles");
        }
    }

    @Test
    void answersComeFirstThenPostsAndProducts() {
        Results results = index.search("lumbar spine", 10);
        assertThat(results.answers()).extracting(Results.Hit::type).containsOnly("answer");
        assertThat(results.others()).isNotEmpty();
        assertThat(results.others()).extracting(Results.Hit::type).containsAnyOf("post", "product")
                .doesNotContain("answer");
        assertThat(results.others()).allSatisfy(hit -> assertThat(hit.path()).matches("/(blog|products)/.+"));
    }

    @Test
    void limitsAreKeptWithinOneAndFifty() {
        assertThat(index.search("roll", 2).answers()).hasSize(2);
        assertThat(index.search("roll", 0).answers()).hasSize(1);
        assertThat(index.search("roll", 500).answers()).hasSizeLessThanOrEqualTo(SearchIndex.MAX_LIMIT).hasSizeGreaterThan(20);
    }

    @Test
    void whenNothingMatchesTheClosestQuestionsAreSuggested() {
        Results results = index.search("xqlumbarx", 10);
        assertThat(results.found()).isFalse();
        assertThat(results.closest()).extracting(Results.Hit::path)
                .contains("/answers/should-you-foam-roll-your-lumbar-spine");
        assertThat(index.search("zzqx", 10).closest()).isEmpty();
    }

    @Test
    void similarAnswersShareTheCategoryAreStableAndLeaveOutTheAnswerItself() {
        Map<String, List<String>> similar = index.similar().bySlug();
        assertThat(similar).hasSize(site.answers().size());
        for (Answer answer : site.answers()) {
            List<String> like = similar.get(answer.slug());
            assertThat(like).as(answer.slug()).doesNotContain(answer.slug()).hasSizeLessThanOrEqualTo(6);
            like.forEach(slug -> assertThat(site.answer(slug).orElseThrow().category()).as(answer.slug() + " -> " + slug)
                    .isEqualTo(answer.category()));
        }
        // the two other answers about soreness, ahead of those on stretching or pulled muscles
        assertThat(similar.get("does-foam-rolling-help-sore-muscles").subList(0, 2))
                .containsExactlyInAnyOrder("how-long-does-muscle-soreness-last", "does-foam-rolling-flush-out-lactic-acid");
        for (int i = 0; i < 3; i++) {
            try (SearchIndex again = SearchIndex.build(Site.load(TestSites.demo()))) {
                assertThat(again.similar()).isEqualTo(index.similar());
            }
        }
    }

    @Test
    void aBuildFindsTheSameSimilarAnswersAsAServedIndexWithOrWithoutKeptTerms() throws IOException {
        assertThat(SearchIndex.similar(site)).isEqualTo(index.similar());
        // as a build keeps them: written and read back, then half the answers said to be edited
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KeptTerms.of(site, null, answer -> false).write(new DataOutputStream(bytes));
        Set<Answer> edited = Set.copyOf(site.answers().subList(0, site.answers().size() / 2));
        KeptTerms kept = KeptTerms.of(site, KeptTerms.read(bytes.toByteArray()), answer -> !edited.contains(answer));
        assertThat(kept.similar()).isEqualTo(index.similar());
        assertThat(KeptTerms.read(new byte[] {0, 0, 0, 1, 0})).isNull();
    }

    @Test
    void keptTermsOfAnAnswerEditedSinceAreNotUsed(@TempDir Path dir) throws IOException {
        Path copy = TestSites.copyDemo(dir);
        Site before = Site.load(copy);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KeptTerms.of(before, null, answer -> false).write(new DataOutputStream(bytes));
        // the lumbar answer takes the upper back answer's body: each is then the other's most similar answer
        String edited = "answers/should-you-foam-roll-your-lumbar-spine.md";
        String upper = Files.readString(copy.resolve("answers/how-do-you-foam-roll-your-upper-back.md"));
        String lumbar = Files.readString(copy.resolve(edited));
        Files.writeString(copy.resolve(edited), lumbar.substring(0, lumbar.indexOf("\n---\n") + 5)
                + upper.substring(upper.indexOf("\n---\n") + 5));
        Site after = Site.load(copy);

        KeptTerms kept = KeptTerms.of(after, KeptTerms.read(bytes.toByteArray()),
                answer -> !answer.source().file().equals(edited));

        assertThat(kept.similar()).isEqualTo(SearchIndex.similar(after));
        assertThat(kept.similar().to("should-you-foam-roll-your-lumbar-spine").get(0))
                .isEqualTo("how-do-you-foam-roll-your-upper-back");
        // told wrongly that nothing changed, it keeps the terms it had: the caller's word decides
        KeptTerms stale = KeptTerms.of(after, KeptTerms.read(bytes.toByteArray()), answer -> true);
        assertThat(stale.similar()).isEqualTo(SearchIndex.similar(before));
    }

    /** Each kind of edit in turn, each answered with every list as a fresh build finds it. */
    @Test
    void anUpdateFindsEverySimilarAnswerAsAFreshBuildDoes(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyDemo(dir);
        Path answers = copy.resolve("answers");
        Site before = Site.load(copy);
        try (SearchIndex live = SearchIndex.build(before)) {
            Similar first = live.similar();
            List<Runnable> edits = List.of(
                    () -> edit(answers.resolve("should-you-foam-roll-your-it-band.md"), "## ",
                            "Tight calves and sore hamstrings pull on the knee as well.\n\n## "),
                    () -> edit(answers.resolve("how-do-you-foam-roll-tight-calves.md"), "question: ",
                            "question: Hamstrings and "),
                    () -> edit(answers.resolve("how-do-you-foam-roll-your-hamstrings.md"), "category: legs-hips",
                            "category: recovery-soreness"),
                    () -> {
                        Path neck = answers.resolve("should-you-foam-roll-your-neck.md");
                        copy(answers.resolve("should-you-foam-roll-your-lumbar-spine.md"), neck, "lumbar spine",
                                "neck");
                        edit(neck, "foam-roll-lower-back", "foam-roll-the-neck");
                    },
                    () -> delete(answers.resolve("how-fast-should-you-foam-roll.md")));
            boolean moved = false;
            for (Runnable edit : edits) {
                edit.run();
                Site after = Site.load(copy);
                live.update(SiteChange.between(before, after, Set.of()));
                assertThat(live.similar()).isEqualTo(SearchIndex.similar(after));
                moved |= !live.similar().equals(first);
                before = after;
            }
            assertThat(moved).isTrue();
            assertThat(live.similar().bySlug()).containsKey("should-you-foam-roll-your-neck")
                    .doesNotContainKey("how-fast-should-you-foam-roll");
        }
    }

    @Test
    void anEditThatMovesNoBoxKeepsTheSameSimilarAnswers(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyDemo(dir);
        Site before = Site.load(copy);
        try (SearchIndex live = SearchIndex.build(before)) {
            Similar first = live.similar();
            // the description is neither question nor body: the lists cannot move, and a preview renders no box
            edit(copy.resolve("answers/should-you-foam-roll-your-it-band.md"), "description: ", "description: Yes. ");
            live.update(SiteChange.between(before, Site.load(copy), Set.of()));
            assertThat(live.similar()).isSameAs(first);
        }
    }

    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            assertThat(text).contains(from);
            Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to, String was, String is) {
        try {
            Files.writeString(to, Files.readString(from).replace(was, is));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anUpdateFollowsEditsAndRemovals(@TempDir Path dir) throws Exception {
        Path copy = TestSites.copyDemo(dir);
        Site before = Site.load(copy);
        try (SearchIndex live = SearchIndex.build(before)) {
            Path file = copy.resolve("answers/should-you-foam-roll-your-it-band.md");
            Files.writeString(file, Files.readString(file).replace("Should you foam roll your IT band?",
                    "Should you foam roll your quokka band?"));
            Files.delete(copy.resolve("answers/how-fast-should-you-foam-roll.md"));
            Files.writeString(copy.resolve("synonyms.txt"), "marsupial band => quokka band\n");
            live.update(SiteChange.between(before, Site.load(copy), Set.of()));
            assertThat(top(live, "quokka")).isEqualTo("should-you-foam-roll-your-it-band");
            assertThat(top(live, "marsupial band")).isEqualTo("should-you-foam-roll-your-it-band");
            assertThat(live.search("how fast should you move on a foam roller", 50).answers())
                    .extracting(Results.Hit::path).doesNotContain("/answers/how-fast-should-you-foam-roll");
            assertThat(live.similar().bySlug()).doesNotContainKey("how-fast-should-you-foam-roll");
            assertThat(live.similar().bySlug().values()).allSatisfy(like -> assertThat(like)
                    .doesNotContain("how-fast-should-you-foam-roll"));
        }
    }

    @Test
    void aSearchStopsMatchingWhenItsTimeIsSpent() {
        try (SearchIndex spent = SearchIndex.build(site)) {
            assertThat(spent.search("foam roll", 50).answers()).hasSizeGreaterThan(10);
            spent.budget(0);
            // no time at all: matching stops at once, and the reader gets an empty page, not an error
            assertThat(spent.search("foam roll", 50).answers()).isEmpty();
        }
    }
}
