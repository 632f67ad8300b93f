package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.TestSites;
import dev.answerline.cli.Main;
import dev.answerline.render.Pages;
import dev.answerline.render.Renderer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links in a site folder never publish what lies outside it. */
class SiteBoundsTest {
    @TempDir
    Path dir;

    private Path site;
    private Path outside;

    @BeforeEach
    void copy() throws Exception {
        site = TestSites.copy("small", dir.resolve("site"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "the subscriber list");
    }

    private Site load() {
        return Site.load(site, TestSites.TODAY);
    }

    private static List<String> problems(Site loaded) {
        return loaded.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aStaticLinkOutOfTheSiteFolderIsRefusedAndNeverServed() throws Exception {
        Files.createSymbolicLink(site.resolve("static/leak.txt"), outside.resolve("secret.txt"));
        Site loaded = load();
        assertThat(problems(loaded)).contains("static/leak.txt: error: links to a file outside the site folder — copy"
                + " the file in instead (outside-link)");
        assertThat(loaded.staticFiles()).extracting(StaticFile::path).doesNotContain("/leak.txt");
        Pages pages = Renderer.render(loaded);
        assertThat(pages.get("/leak.txt")).isNull();
    }

    @Test
    void aStaticLinkToTheDatabaseInsideTheSiteFolderIsRefusedToo() throws Exception {
        Path data = Files.createDirectories(site.resolve("data"));
        Files.writeString(data.resolve("answerline.db"), "SQLite format 3");
        Files.createSymbolicLink(site.resolve("static/x.db"), Path.of("../data/answerline.db"));
        assertThat(problems(load())).contains("static/x.db: error: links to the file data/answerline.db, outside"
                + " static/ — copy the file in instead (outside-link)");
    }

    @Test
    void aLinkedFolderIsNotWalkedInto() throws Exception {
        Files.createSymbolicLink(site.resolve("static/etc"), outside);
        Site loaded = load();
        assertThat(problems(loaded)).contains("static/etc: error: links to a folder outside the site folder — copy the"
                + " folder in instead (outside-link)");
        assertThat(loaded.staticFiles()).extracting(StaticFile::path).noneMatch(p -> p.startsWith("/etc"));
    }

    @Test
    void aLinkWithinStaticIsServedAsTheFileItPointsAt() throws Exception {
        Files.createSymbolicLink(site.resolve("static/images/brand.svg"), Path.of("logo.svg"));
        Site loaded = load();
        assertThat(problems(loaded)).isEmpty();
        Pages pages = Renderer.render(loaded);
        assertThat(pages.get("/images/brand.svg").body("").identity())
                .isEqualTo(Files.readAllBytes(site.resolve("static/images/logo.svg")));
    }

    @Test
    void aContentFileLinkedFromOutsideIsLeftOut() throws Exception {
        Path answer = site.resolve("answers/should-you-roll-your-lower-back.md");
        Path moved = Files.move(answer, outside.resolve("roll.md"));
        Files.createSymbolicLink(answer, moved);
        Site loaded = load();
        assertThat(problems(loaded)).contains("answers/should-you-roll-your-lower-back.md: error: links to a file"
                + " outside the site folder — copy the file in instead (outside-link)");
        assertThat(loaded.answer("should-you-roll-your-lower-back")).isEmpty();
    }

    @Test
    void aContentFolderMayLinkToAFolderInsideTheSite() throws Exception {
        Path content = Files.createDirectories(site.resolve("content"));
        Files.move(site.resolve("answers"), content.resolve("answers"));
        Files.createSymbolicLink(site.resolve("answers"), Path.of("content/answers"));
        Site loaded = load();
        assertThat(loaded.answer("should-you-roll-your-lower-back")).isPresent();
    }

    @Test
    void aContentFolderLinkedOutOfTheSiteIsRefused() throws Exception {
        Files.move(site.resolve("blog"), outside.resolve("blog"));
        Files.createSymbolicLink(site.resolve("blog"), outside.resolve("blog"));
        Site loaded = load();
        assertThat(problems(loaded)).contains("blog: error: links to a folder outside the site folder — copy the"
                + " folder in instead (outside-link)");
        assertThat(loaded.posts()).isEmpty();
    }

    @Test
    void aSiteYamlFromOutsideStopsTheLoad() throws Exception {
        Path config = Files.move(site.resolve("site.yaml"), outside.resolve("site.yaml"));
        Files.createSymbolicLink(site.resolve("site.yaml"), config);
        assertThatThrownBy(this::load).isInstanceOf(ContentException.class)
                .hasMessageContaining("site.yaml: error: links to a file outside the site folder");
    }

    @Test
    void buildReportsTheLinkExitsWithOneAndExportsNothingOfIt() throws Exception {
        Files.createSymbolicLink(site.resolve("static/leak.txt"), outside.resolve("secret.txt"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("build", "--site", site.toString(), "--out", dir.resolve("out").toString());
        } finally {
            System.setErr(saved);
        }
        assertThat(code).isEqualTo(Main.CONTENT_ERRORS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("static/leak.txt: error: links to a file outside"
                + " the site folder");
        assertThat(dir.resolve("out/leak.txt")).doesNotExist();
        assertThat(dir.resolve("out/index.html")).exists();
    }
}
