package dev.answerline.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.check.Checker;
import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's own versions of the built-in templates, in its templates/ folder. */
class TemplateOverrideTest {
    private static final String PAGE = "/answers/should-you-roll-your-lower-back";

    @TempDir
    Path dir;

    private Path site() {
        return TestSites.copy("small", dir.resolve("site"));
    }

    private static void override(Path site, String name, String source) throws Exception {
        Path file = site.resolve("templates").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    private static String page(Site site) {
        return new String(Renderer.render(site).get(PAGE).body("").identity(), StandardCharsets.UTF_8);
    }

    @Test
    void theListOfBuiltInTemplatesIsEveryTemplateThereIs() throws Exception {
        Path sources = Path.of("src/main/jte");
        try (Stream<Path> walk = Files.walk(sources)) {
            // but the dashboard's (admin/): they are the owner's, not the site's, and no site replaces them
            assertThat(Templates.names()).containsExactlyElementsOf(walk.filter(p -> p.toString().endsWith(".jte"))
                    .map(p -> sources.relativize(p).toString().replace('\\', '/')).filter(n -> !n.startsWith("admin/"))
                    .sorted().toList());
            assertThat(Templates.names()).noneMatch(n -> n.startsWith("admin/"));
        }
    }

    @Test
    void aCopyOfABuiltInTemplateRendersByteForByteTheSame() throws Exception {
        Path site = site();
        String builtIn = page(Site.load(site, TestSites.TODAY));
        for (String name : List.of("answer.jte", "layout.jte", "tag/cta.jte")) {
            override(site, name, Templates.source(name));
        }
        Site copied = Site.load(site, TestSites.TODAY);
        assertThat(Templates.of(copied.templates()).problems()).isEmpty();
        assertThat(page(copied)).isEqualTo(builtIn);
    }

    @Test
    void anOverriddenPartialShowsOnEveryPageThatUsesIt() throws Exception {
        Site themed = Site.load(TestSites.themed(dir.resolve("themed")), TestSites.TODAY);
        assertThat(themed.templates()).extracting(t -> t.name()).containsExactly("tag/cta.jte");
        assertThat(page(themed)).contains("<p class=\"cta-note\">Free delivery on every roller");
    }

    @Test
    void anOverrideThatDoesNotCompileIsReportedAtItsLineAndTheBuiltInOneServes() throws Exception {
        Path site = site();
        String builtIn = page(Site.load(site, TestSites.TODAY));
        override(site, "tag/cta.jte", Templates.source("tag/cta.jte").replace("${cta.label()}", "${cta.lable()}"));
        Site broken = Site.load(site, TestSites.TODAY);
        List<Problem> problems = Templates.of(broken.templates()).problems();
        assertThat(problems).extracting(Problem::toString).singleElement().asString()
                .startsWith("templates/tag/cta.jte:9: error: the template does not compile: cannot find symbol"
                        + " (symbol:   method lable())")
                .endsWith("delete it to use the built-in tag/cta.jte again; the parameters each template gets are in"
                        + " docs/templates.md (template)");
        assertThat(page(broken)).isEqualTo(builtIn);
        assertThat(Checker.check(broken)).extracting(Problem::rule).contains("template");
    }

    @Test
    void aTemplateSyntaxErrorIsReportedToo() throws Exception {
        Path site = site();
        override(site, "tag/date.jte", Templates.source("tag/date.jte") + "\n@if(true)\nnever closed\n");
        assertThat(Templates.of(Site.load(site, TestSites.TODAY).templates()).problems()).singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo("templates/tag/date.jte"));
    }

    @Test
    void aFileNamedForNoTemplateIsReported() throws Exception {
        Path site = site();
        override(site, "tag/call-to-action.jte", "<p>hi</p>");
        assertThat(Templates.of(Site.load(site, TestSites.TODAY).templates()).problems()).extracting(Problem::toString)
                .singleElement().asString().startsWith("templates/tag/call-to-action.jte: error: Answerline has no"
                        + " template tag/call-to-action.jte for this file to replace");
    }

    @Test
    void anOverrideThatFailsWhileRenderingGivesWayToTheBuiltInOne() throws Exception {
        Path site = site();
        String builtIn = page(Site.load(site, TestSites.TODAY));
        override(site, "tag/cta.jte", "@import dev.answerline.render.View\n@param View.Cta cta\n"
                + "${cta.secondary().label().substring(99)}\n");
        assertThat(page(Site.load(site, TestSites.TODAY))).isEqualTo(builtIn);
    }
}
