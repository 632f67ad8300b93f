package dev.answerline.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources written to hurt: entities, links out of folders, endless nesting, words YAML would misread. */
class HostileSourceTest {
    @TempDir
    Path dir;

    private static String wxr(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n"
                + "<channel><title>T</title><link>https://t.example</link>\n" + items + "</channel></rss>\n";
    }

    private static String post(String title, String html) {
        return "<item><title><![CDATA[" + title + "]]></title><link>https://t.example/a-post/</link>"
                + "<dc:creator>ed</dc:creator><content:encoded><![CDATA[" + html + "]]></content:encoded>"
                + "<wp:post_id>1</wp:post_id><wp:post_date>2025-01-02 10:00:00</wp:post_date>"
                + "<wp:post_name>a-post</wp:post_name><wp:status>publish</wp:status>"
                + "<wp:post_type>post</wp:post_type></item>\n";
    }

    private ImportReport run(Path source, Path media) {
        return Import.run(new Import.Request(source, dir.resolve("site"), null, null, media, ImportTest.TODAY));
    }

    @Test
    void anExportThatDeclaresEntitiesReadsNoFileAndExpandsNothing() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the password");
        // outside CDATA, where a parser that reads the DTD would replace them
        String xxe = wxr(post("Is it &xxe;?", "<p>Yes.</p>").replace("<title><![CDATA[Is it &xxe;?]]></title>",
                "<title>Is it &xxe; &lol9;?</title>")).replace("<rss", "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\"><!ENTITY lol \"lol\"><!ENTITY lol9 \"&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<rss");
        Path export = Files.writeString(dir.resolve("export.xml"), xxe);

        assertThatThrownBy(() -> run(export, null)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("export.xml:").hasMessageContaining("export again from WordPress")
                .hasMessageNotContaining("the password");
        assertThat(dir.resolve("site")).doesNotExist();
    }

    @Test
    void wordsYamlWouldReadAsSomethingElseStayWords() throws IOException {
        String title = "Is \"rolling\" #1: *the* answer & !yes\\no: {ok}?";
        Path export = Files.writeString(dir.resolve("export.xml"), wxr(post(title,
                "<p>Yes. <a href=\"javascript:alert(1)\">click</a> <script>alert(2)</script>"
                        + "<img src=x onerror=alert(3)></p><h2>Why</h2><p>Because.</p>")));

        ImportReport report = run(export, null);

        Site site = Site.load(dir.resolve("site"), ImportTest.TODAY);
        assertThat(site.problems()).noneMatch(p -> p.isError());
        assertThat(site.answers()).singleElement().satisfies(a -> {
            assertThat(a.question()).isEqualTo(title);
            assertThat(a.source().body()).doesNotContain("javascript", "alert", "onerror");
        });
        assertThat(report.answers()).isEqualTo(1);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void wordPressShortcodesBecomeMarkdownOrAreReportedAndBracketsInTheTextStay() throws IOException {
        // many brackets that close nowhere: each must not send the reader through the rest of the post again
        String brackets = "<p>" + "[a ".repeat(100_000) + "</p>";
        Path export = Files.writeString(dir.resolve("export.xml"), wxr(post("Do shortcodes survive?",
                "<p>Yes [1], mostly [sic].</p>[caption id=\"c1\" width=\"300\"]<img src=\"/roll.jpg\" alt=\"A roll\">"
                        + " Rolling the calf[/caption][embed]https://www.youtube.com/watch?v=abc[/embed]"
                        + "[gallery ids=\"1,2\"][contact-form-7 id=\"9\" title=\"Ask\"]<h2>Why</h2><p>Because.</p>"
                        + brackets)));

        ImportReport report = run(export, null);

        assertThat(dir.resolve("site/answers/a-post.md")).content()
                .contains("![A roll](/roll.jpg) Rolling the calf", "<https://www.youtube.com/watch?v=abc>")
                .doesNotContain("[caption", "[/caption]", "[gallery", "[contact-form-7", "[embed");
        // brackets in the text are text: Markdown escapes them, and the page shows them as written
        assertThat(Site.load(dir.resolve("site"), ImportTest.TODAY).answers()).singleElement()
                .satisfies(a -> assertThat(dev.answerline.markdown.Markdown.inline(a.answer(), 1).html())
                        .isEqualTo("Yes [1], mostly [sic]."));
        assertThat(report.findings()).extracting(Finding::what).contains(
                "the shortcode [gallery] in \"Do shortcodes survive?\" has no Markdown form: taken out",
                "the shortcode [contact-form-7] in \"Do shortcodes survive?\" has no Markdown form: taken out");
    }

    @Test
    void nestingPastReasonKeepsTheWordsAndNeverOverflowsTheStack() throws IOException {
        String deep = "<div>".repeat(20_000) + "<p>Still here.</p>" + "</div>".repeat(20_000);
        Path export = Files.writeString(dir.resolve("export.xml"), wxr(post("Does it nest?", "<p>Yes.</p>" + deep)));

        run(export, null);

        assertThat(dir.resolve("site/answers/a-post.md")).content().contains("Still here.");
    }

    @Test
    void symbolicLinksNeitherLeadTheImportOutOfItsFoldersNorIntoOthers() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("private.jpg"), "not a picture for the site");
        Path media = Files.createDirectories(dir.resolve("media"));
        Files.createSymbolicLink(media.resolve("private.jpg"), elsewhere.resolve("private.jpg"));
        Path export = Files.writeString(dir.resolve("export.xml"), wxr(post("Is this linked?",
                "<p>Yes.</p><img src=\"https://t.example/wp-content/uploads/private.jpg\" alt=\"x\">")));

        ImportReport report = run(export, media);

        assertThat(report.copied()).isEmpty();
        assertThat(report.toFetch()).singleElement().asString().startsWith("https://t.example/wp-content/uploads/private.jpg");
        assertThat(dir.resolve("site/static/media")).doesNotExist();

        // a folder of the site that is a link elsewhere is refused rather than written through
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("answers"), elsewhere);
        assertThatThrownBy(() -> Import.run(new Import.Request(export, linked, null, null, null, ImportTest.TODAY)))
                .isInstanceOf(ImportException.class).hasMessageContaining("answers in " + linked.toRealPath()
                        + " is a symbolic link");
        assertThat(elsewhere).isDirectoryNotContaining("glob:**/*.md");
    }

    @Test
    void aLinkLeftUnderTheTemporaryNameIsNotWrittenThrough() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "untouched");
        Path answers = Files.createDirectories(dir.resolve("site/answers"));
        Files.createSymbolicLink(answers.resolve("a-post.md.part"), victim);
        Path export = Files.writeString(dir.resolve("export.xml"), wxr(post("Is this written?", "<p>Yes.</p>")));

        run(export, null);

        assertThat(victim).hasContent("untouched");
        assertThat(answers.resolve("a-post.md")).content().contains("question: \"Is this written?\"");
        assertThat(answers.resolve("a-post.md.part")).doesNotExist();
    }

    @Test
    void savedPagesAreReadFromTheFolderOnlyAndOversizedOnesSkipped() throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        Path outside = Files.writeString(dir.resolve("outside.html"), "<h1>Is this outside?</h1><p>Yes.</p>");
        Files.createSymbolicLink(pages.resolve("linked.html"), outside);
        Files.writeString(pages.resolve("huge.html"), "<h1>Is this huge?</h1><p>" + "x".repeat(5 << 20) + "</p>");
        Files.writeString(pages.resolve("fine.html"), "<h1>Is this fine?</h1><p>Yes, it is.</p>");

        ImportReport report = run(pages, null);

        assertThat(report.answers()).isEqualTo(1);
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.toString()).startsWith("huge.html: larger than"));
    }

    @Test
    void aPageCannotTakeAnAddressTheSiteMakesItself() throws IOException {
        String page = post("Blog", "<p>Our posts.</p>").replace("<wp:post_type>post</wp:post_type>",
                "<wp:post_type>page</wp:post_type>").replace("<wp:post_name>a-post</wp:post_name>",
                "<wp:post_name>blog</wp:post_name>").replace("https://t.example/a-post/", "https://t.example/blog/");
        Path export = Files.writeString(dir.resolve("export.xml"), wxr(page));

        ImportReport report = run(export, null);

        assertThat(report.problems()).noneMatch(Problem::isError);
        assertThat(dir.resolve("site/pages/blog-page.md")).exists();
        assertThat(report.findings()).extracting(Finding::what).contains(
                "the page address /blog is one Answerline makes itself; the page is now /blog-page");
    }

    @Test
    void oversizedTextsAreRefusedWhereTheyAre() throws IOException {
        Path export = Files.writeString(dir.resolve("export.xml"), wxr(post("Is this long?", "<p>Yes.</p>")
                + post("Is this longer?", "<p>" + "x".repeat(5 << 20) + "</p>")));
        assertThatThrownBy(() -> run(export, null)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("export.xml:").hasMessageContaining("a text of more than 4 MiB");

        Path hugo = Files.createDirectories(dir.resolve("hugo/content/answers"));
        Files.writeString(hugo.resolve("fine.md"), "---\ntitle: Is it fine?\n---\nYes, it is.\n");
        Files.writeString(hugo.resolve("huge.md"), "---\ntitle: Is it huge?\n---\n" + "y".repeat(1 << 20) + "\n");
        ImportReport report = run(dir.resolve("hugo"), null);
        assertThat(report.answers()).isEqualTo(1);
        assertThat(report.findings()).extracting(Finding::toString)
                .contains("content/answers/huge.md: larger than 1 MiB: skipped — split it, then import again");
    }

    @Test
    void theSiteFolderCannotBeInsideTheSource() throws IOException {
        Path hugo = Files.createDirectories(dir.resolve("hugo/content"));
        Files.writeString(hugo.resolve("a.md"), "---\ntitle: Is it?\n---\nYes.\n");

        assertThatThrownBy(() -> Import.run(new Import.Request(dir.resolve("hugo"), dir.resolve("hugo/site"), null,
                null, null, ImportTest.TODAY))).isInstanceOf(ImportException.class)
                .hasMessageContaining("is inside").hasMessageContaining("import into a folder outside the source");
    }
}
