package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad content gives one message with file, line and fix; the rest of the site still loads. */
class BadContentTest {
    private static final String VALID_ANSWER = """
            ---
            question: Is this valid?
            description: d
            answer: a
            takeaways: [x]
            category: basics
            author: ann-writer
            published: 2026-01-01
            bottom_line: b
            ---
            body
            """;

    @TempDir
    Path dir;

    private Site site;

    private void given(String file, String text) throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve(file), text);
        site = Site.load(dir, TestSites.TODAY);
    }

    private void thenProblems(String... expected) {
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(expected);
    }

    private void thenTheRestOfTheSiteLoads() {
        assertThat(site.answers()).extracting(Answer::slug).contains("how-long-should-you-roll",
                "should-you-roll-your-lower-back", "can-you-roll-every-day");
    }

    @Test
    void malformedYamlGivesTheLine() throws IOException {
        given("answers/broken.md", VALID_ANSWER.replace("description: d", "description: Is this: broken"));
        thenProblems("answers/broken.md:3: error: the front matter is not valid YAML: there is a `: ` where a value"
                + " was expected — if the value itself contains `: `, put the whole value in quotes; otherwise indent"
                + " this line like the keys around it (yaml-syntax)");
        thenTheRestOfTheSiteLoads();
    }

    @Test
    void yamlMistakesAreExplainedInPlainWords() throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("answers/tab.md"), "---\nquestion: x\n\tdescription: y\n---\n");
        Files.writeString(dir.resolve("answers/colon.md"), "---\nquestion: x\ndescription y\n---\n");
        Files.writeString(dir.resolve("answers/quote.md"), "---\nquestion: \"x\n---\n");
        site = Site.load(dir, TestSites.TODAY);
        thenProblems(
                "answers/colon.md:3: error: the front matter is not valid YAML: a line is not of the form `key: value`"
                        + " — add the `:` after the key, or indent the line if it continues the value above (yaml-syntax)",
                "answers/quote.md:2: error: the front matter is not valid YAML: a quoted text is not closed — add the"
                        + " closing quote; to use a quote inside the text, wrap it in the other kind of quote"
                        + " (yaml-syntax)",
                "answers/tab.md:3: error: the front matter is not valid YAML: a tab is used for indentation — indent"
                        + " with spaces only (yaml-syntax)");
    }

    @Test
    void aFileWithoutFrontMatter() throws IOException {
        given("answers/plain.md", "Just text.\n");
        thenProblems("answers/plain.md:1: error: the file does not start with a front matter block — put a line"
                + " `---` first, then the `key: value` lines, then another `---` line (front-matter)");
        thenTheRestOfTheSiteLoads();
    }

    @Test
    void aFrontMatterBlockThatIsNeverClosed() throws IOException {
        given("answers/open.md", "---\nquestion: Open?\n\nBody.\n");
        thenProblems("answers/open.md:1: error: the front matter block that starts here is never closed — add a line"
                + " `---` after the last `key: value` line, before the Markdown body (front-matter)");
    }

    @Test
    void aMissingRequiredKey() throws IOException {
        given("answers/missing.md", VALID_ANSWER.replace("bottom_line: b\n", ""));
        thenProblems("answers/missing.md:1: error: the required key `bottom_line` is missing — add a line"
                + " `bottom_line: ...` with a short text (missing-key)");
        assertThat(site.answer("missing")).isEmpty();
        thenTheRestOfTheSiteLoads();
    }

    @Test
    void anUnknownKeySuggestsTheKnownOne() throws IOException {
        given("answers/typo.md", VALID_ANSWER.replace("takeaways:", "takeaway:"));
        thenProblems("answers/typo.md:5: error: unknown key `takeaway` — did you mean `takeaways`? Rename it, or"
                + " remove the line (unknown-key)");
    }

    @Test
    void anUnknownKeyUnlikeAnyKnownOneListsTheAllowedKeys() throws IOException {
        given("categories/extra.md", "---\nname: Extra\ndescription: d\ncolour: red\n---\n");
        thenProblems("categories/extra.md:4: error: unknown key `colour` — remove it; the keys allowed here are name,"
                + " description, order (unknown-key)");
    }

    @Test
    void aListWhereTextIsExpectedAndTextWhereAListIs() throws IOException {
        given("answers/types.md", VALID_ANSWER.replace("question: Is this valid?", "question: [a, list]")
                .replace("takeaways: [x]", "takeaways: just one"));
        thenProblems(
                "answers/types.md:2: error: `question` must be a single text, not a list — write it on one line as"
                        + " `question: your text` (wrong-type)",
                "answers/types.md:5: error: `takeaways` must be a list, not a single value — write each item on its"
                        + " own line under `takeaways:` starting with `  - ` (wrong-type)");
    }

    @Test
    void invalidDates() throws IOException {
        given("answers/dates.md", VALID_ANSWER.replace("published: 2026-01-01", "published: 2026-02-30\nupdated: March 3"));
        thenProblems(
                "answers/dates.md:8: error: `published: 2026-02-30` is not a valid date — write it as YYYY-MM-DD,"
                        + " e.g. `published: 2025-03-14` (invalid-date)",
                "answers/dates.md:9: error: `updated: March 3` is not a valid date — write it as YYYY-MM-DD,"
                        + " e.g. `updated: 2025-03-14` (invalid-date)");
    }

    @Test
    void unknownCategoryAuthorAndCallToAction() throws IOException {
        given("answers/refs.md", VALID_ANSWER.replace("category: basics", "category: back-releif")
                .replace("author: ann-writer", "author: nobody").replace("bottom_line: b", "bottom_line: b\ncta: shopp"));
        thenProblems(
                "answers/refs.md:6: error: `category: back-releif` names nothing in categories/ — did you mean"
                        + " `back-relief`? (unknown-reference)",
                "answers/refs.md:7: error: `author: nobody` names nothing in authors/ — use one of: ann-writer,"
                        + " rex-reviewer (unknown-reference)",
                "answers/refs.md:10: error: `cta: shopp` names nothing in the `ctas` of site.yaml — did you mean"
                        + " `shop`? (unknown-reference)");
        thenTheRestOfTheSiteLoads();
    }

    @Test
    void aReferenceToAFileWithErrorsNamesThatFile() throws IOException {
        given("categories/basics.md", "---\nname: Basics\n---\n");
        String knockOn = ":7: error: `category: basics` names categories/basics.md, which has errors of its own — fix"
                + " categories/basics.md first; this file is left out until then (broken-reference)";
        // drafts and future answers are checked too: they will be published one day
        thenProblems("answers/a-draft-answer.md" + knockOn, "answers/a-future-answer.md" + knockOn,
                "answers/how-long-should-you-roll.md" + knockOn,
                "categories/basics.md:1: error: the required key `description` is missing — add a line"
                        + " `description: ...` with a short text (missing-key)");
    }

    @Test
    void aReviewerNeedsAReviewDate() throws IOException {
        given("answers/review.md", VALID_ANSWER.replace("bottom_line: b", "bottom_line: b\nreviewed_by: rex-reviewer"));
        thenProblems("answers/review.md:10: error: `reviewed_by` is set but `reviewed` is not — add"
                + " `reviewed: 2025-03-14`, or remove `reviewed_by` (incomplete-review)");
    }

    @Test
    void aDuplicateSlugKeepsTheFirstFile() throws IOException {
        given("answers/zz-copy.md", VALID_ANSWER.replace("bottom_line: b", "bottom_line: b\nslug: can-you-roll-every-day"));
        thenProblems("answers/zz-copy.md:10: error: the slug `can-you-roll-every-day` is already used by"
                + " answers/can-you-roll-every-day.md — rename one of the files, or set a different `slug:` in one of"
                + " them (duplicate-slug)");
        assertThat(site.answer("can-you-roll-every-day").orElseThrow().question()).isEqualTo("Can you roll every day?");
    }

    @Test
    void anAliasThatIsAnotherAnswersSlug() throws IOException {
        given("answers/clash.md", VALID_ANSWER.replace("bottom_line: b", "bottom_line: b\naliases: [how-long-should-you-roll]"));
        thenProblems("answers/clash.md:10: error: the alias `how-long-should-you-roll` is already taken by"
                + " answers/how-long-should-you-roll.md — remove it from `aliases`: /answers/how-long-should-you-roll"
                + " cannot lead to two pages (alias-clash)");
        assertThat(site.answer("clash")).isEmpty();
    }

    @Test
    void moreNamesAnswersThatExistAndNotItself() throws IOException {
        given("answers/picks.md", VALID_ANSWER.replace("bottom_line: b", """
                bottom_line: b
                more:
                  - can-you-roll-every-day
                  - how-long-should-you-rol
                  - picks
                  - a-draft-answer"""));
        thenProblems("answers/picks.md:12: error: `more` names `how-long-should-you-rol`, which is no answer in"
                        + " answers/ — did you mean `how-long-should-you-roll`? (unknown-reference)",
                "answers/picks.md:13: error: `more` lists the answer itself (`picks`) — remove `picks` from `more`"
                        + " (more-self)");
        // the answer stays, with the picks that exist; a draft may be picked and shows once published
        assertThat(site.answer("picks").orElseThrow().more()).containsExactly("can-you-roll-every-day",
                "how-long-should-you-rol", "picks", "a-draft-answer");
    }

    @Test
    void badLinesOfSynonymsAreReportedAndTheRestKept() throws IOException {
        given("synonyms.txt", """
                # readers' words
                lower back, lumbar
                lonely
                doms => 
                a => b => c
                calf, calves # a comment after the words
                """);
        thenProblems("synonyms.txt:3: error: `lonely` has nothing to mean the same as — separate words that mean"
                        + " the same with commas, e.g. `lower back, lumbar` (synonyms)",
                "synonyms.txt:4: error: one side of `=>` is empty — write the reader's words on the left and what"
                        + " they mean on the right, e.g. `doms => muscle soreness` (synonyms)",
                "synonyms.txt:5: error: the line has more than one `=>` — write one rule per line, e.g."
                        + " `doms => muscle soreness` (synonyms)");
        assertThat(site.synonyms()).extracting(Synonym::line, Synonym::terms).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, List.of("lower back", "lumbar")),
                org.assertj.core.groups.Tuple.tuple(6, List.of("calf", "calves")));
    }

    @Test
    void aFileNameThatIsNoUrl() throws IOException {
        given("answers/Bad Name.md", VALID_ANSWER);
        thenProblems("answers/Bad Name.md:1: error: the file name `Bad Name.md` does not make a valid URL — rename"
                + " the file to `bad-name.md`, or set `slug: bad-name` (invalid-slug)");
    }

    @Test
    void anInvalidSlugInFrontMatter() throws IOException {
        given("answers/slugged.md", VALID_ANSWER.replace("bottom_line: b", "bottom_line: b\nslug: Not A Slug"));
        thenProblems("answers/slugged.md:10: error: `slug: Not A Slug` is not a valid id — use lower-case letters,"
                + " digits and single hyphens, e.g. `not-a-slug` (invalid-slug)");
    }

    @Test
    void aPageCannotTakeAnAnswerlineUrl() throws IOException {
        given("pages/answers.md", "---\ntitle: Answers\ndescription: d\n---\n");
        thenProblems("pages/answers.md:1: error: the page URL `/answers` is one Answerline makes itself — rename the"
                + " file or set another `slug:`; reserved are 404, admin, answers, api, assets, authors, blog, healthz,"
                + " index, metrics, newsletter, products, r, readyz, search (reserved-slug)");
    }

    @Test
    void aPageCannotTakeTheDashboardsUrl() throws IOException {
        given("pages/about-us.md", "---\ntitle: Admin\ndescription: d\nslug: admin\n---\n");
        thenProblems("pages/about-us.md:4: error: the page URL `/admin` is one Answerline makes itself — rename the"
                + " file or set another `slug:`; reserved are 404, admin, answers, api, assets, authors, blog, healthz,"
                + " index, metrics, newsletter, products, r, readyz, search (reserved-slug)");
    }

    @Test
    void aPageCannotTakeTheMetricsUrl() throws IOException {
        given("pages/metrics.md", "---\ntitle: Our metrics\ndescription: d\n---\n");
        thenProblems("pages/metrics.md:1: error: the page URL `/metrics` is one Answerline makes itself — rename the"
                + " file or set another `slug:`; reserved are 404, admin, answers, api, assets, authors, blog, healthz,"
                + " index, metrics, newsletter, products, r, readyz, search (reserved-slug)");
    }

    @Test
    void aKeyWrittenTwice() throws IOException {
        given("answers/twice.md", VALID_ANSWER.replace("answer: a", "answer: a\nanswer: b"));
        thenProblems("answers/twice.md:5: error: the front matter is not valid YAML: the key `answer` appears twice —"
                + " keep one of the two lines, and delete the other (yaml-syntax)");
    }

    @Test
    void anUnsafeLinkInFrontMatter() throws IOException {
        given("products/evil.md", "---\nname: Evil\ndescription: d\nimage: /x.svg\nbuy_url: javascript:alert(1)\n---\n");
        thenProblems("products/evil.md:5: error: `buy_url: javascript:alert(1)` is not a usable link — use a full"
                + " address starting with https:// or a site path starting with / (invalid-url)");
        assertThat(site.products()).extracting(Product::slug).containsExactly("roller");
    }

    @Test
    void problemsInManyFilesAreAllReportedInFileOrder() throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("answers/b.md"), "no front matter");
        Files.writeString(dir.resolve("answers/a.md"), VALID_ANSWER.replace("answer: a\n", ""));
        site = Site.load(dir, TestSites.TODAY);
        assertThat(site.problems()).extracting(Problem::file).containsExactly("answers/a.md", "answers/b.md");
        assertThat(site.errorCount()).isEqualTo(2);
    }

    @Test
    void siteYamlWithoutItsRequiredKeysStopsTheLoad() throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("site.yaml"), "title: T\nbase_url: nowhere\n");
        assertThatThrownBy(() -> Site.load(dir, TestSites.TODAY)).isInstanceOf(ContentException.class)
                .hasMessage("""
                        site.yaml cannot be used:
                          site.yaml:1: error: the required key `brand` is missing — add a line `brand: ...` with a \
                        short text (missing-key)
                          site.yaml:2: error: `base_url: nowhere` is not a usable link — use a full address starting \
                        with https:// or a site path starting with / (invalid-url)""");
    }

    @Test
    void siteYamlThatIsNotYaml() throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("site.yaml"), "brand: [unclosed\n");
        assertThatThrownBy(() -> Site.load(dir, TestSites.TODAY)).isInstanceOf(ContentException.class)
                .hasMessageStartingWith("site.yaml cannot be used:\n  site.yaml:1: error: site.yaml is not valid YAML: a list"
                        + " in [ ] is not closed");
    }

    @Test
    void aMissingSiteFolderOrSiteYaml() {
        assertThatThrownBy(() -> Site.load(dir.resolve("nope"), TestSites.TODAY)).isInstanceOf(ContentException.class)
                .hasMessageEndingWith("nope is not a folder — pass --site with the folder that holds site.yaml");
        assertThatThrownBy(() -> Site.load(dir, TestSites.TODAY)).isInstanceOf(ContentException.class)
                .hasMessageContaining("there is no site.yaml in");
    }

    @Test
    void siteYamlProblemsThatLeaveItUsableAreReported() throws IOException {
        TestSites.copy("small", dir);
        String yaml = Files.readString(dir.resolve("site.yaml"));
        Files.writeString(dir.resolve("site.yaml"), yaml.replace("default_cta: shop", "default_cta: shop\nbrnad: x")
                .replace("social_proof: Join {count} readers.", "social_proof: Join our readers."));
        site = Site.load(dir, TestSites.TODAY);
        assertThat(site.problems()).extracting(Problem::toString).containsExactly(
                "site.yaml:14: error: `newsletter.social_proof` has no `{count}` — put `{count}` where the number of"
                        + " subscribers goes, e.g. `Join {count} people` (missing-placeholder)",
                "site.yaml:35: error: unknown key `brnad` — did you mean `brand`? Rename it, or remove the line"
                        + " (unknown-key)");
    }

    @Test
    void aDisclaimerNeedsItsPage() throws IOException {
        TestSites.copy("small", dir);
        Files.delete(dir.resolve("pages/disclaimer.md"));
        site = Site.load(dir, TestSites.TODAY);
        thenProblems("site.yaml:35: error: `disclaimer` is set, and every answer links to /disclaimer, but there is no"
                + " pages/disclaimer.md — add pages/disclaimer.md with the full disclaimer, or remove `disclaimer` from"
                + " site.yaml (missing-disclaimer-page)");
    }

    @Test
    void filesThatAreNotContentAreIgnored() throws IOException {
        TestSites.copy("small", dir);
        Files.writeString(dir.resolve("answers/notes.txt"), "editor notes");
        Files.writeString(dir.resolve("answers/_template.md"), "not front matter");
        Files.writeString(dir.resolve("answers/.hidden.md"), "not front matter");
        site = Site.load(dir, TestSites.TODAY);
        assertThat(site.problems()).isEmpty();
        assertThat(site.answers()).hasSize(3);
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreFine() throws IOException {
        given("answers/windows.md", "\uFEFF" + VALID_ANSWER.replace("\n", "\r\n"));
        assertThat(site.problems()).isEmpty();
        assertThat(site.answer("windows").orElseThrow().question()).isEqualTo("Is this valid?");
        assertThat(List.of(site.answer("windows").orElseThrow().source().lineOf("bottom_line"))).containsExactly(9);
    }
}
