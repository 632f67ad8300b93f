package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Theme.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** theme:, nav: and footer: in site.yaml. */
class ThemeTest {
    @TempDir
    Path dir;

    private Site load(String yaml) throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Path config = site.resolve("site.yaml");
        Files.writeString(config, Files.readString(config) + yaml);
        return Site.load(site, TestSites.TODAY);
    }

    private static List<String> problems(Site site) {
        return site.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theThemedFixtureReadsWhole() {
        Site site = Site.load(TestSites.themed(dir.resolve("themed")), TestSites.TODAY);
        assertThat(problems(site)).isEmpty();
        Theme theme = site.config().theme();
        assertThat(theme.light()).containsEntry(Role.ACCENT, Colour.parse("#5b2a86")).hasSize(6);
        assertThat(theme.dark()).containsEntry(Role.BACKGROUND, Colour.parse("#15121a")).hasSize(5);
        assertThat(theme.bodyFont().stack()).isEqualTo("Georgia, \"Times New Roman\", serif");
        assertThat(theme.radius()).isEqualTo("4px");
        assertThat(theme.logoDark()).isEqualTo("/images/logo-dark.svg");
        assertThat(site.config().nav()).extracting(SiteConfig.Link::label).containsExactly("Shop", "Questions", "Blog");
        assertThat(site.config().footer()).extracting(SiteConfig.Column::heading).containsExactly("Shop", "About us");
    }

    @Test
    void aColourWithoutQuotesIsAYamlCommentAndSaysSo() throws Exception {
        assertThat(problems(load("theme:\n  accent: #5b2a86\n"))).anyMatch(p -> p.contains("`accent` has no value: YAML"
                + " reads what follows ` #` as a comment — put the colour in quotes: `accent: \"#0b5d63\"`"));
    }

    @Test
    void nothingInATheme_CanBreakOutOfTheStylesheet() throws Exception {
        Site site = load("""
                theme:
                  accent: "#5b2a86; } body { display: none"
                  radius: "4px; } * { color: red"
                  font_body: "Georgia; } body { display: none"
                  font_heading: "</style><script>"
                """);
        assertThat(problems(site)).anyMatch(p -> p.contains("is not a colour"))
                .anyMatch(p -> p.contains("`theme.radius: 4px; } * { color: red` is not a length"))
                .anyMatch(p -> p.contains("`font_body: Georgia; } body { display: none` is not a list of font names"))
                .anyMatch(p -> p.contains("`font_heading: </style><script>` is not a list of font names"));
        assertThat(site.config().theme()).isEqualTo(Theme.NONE);
    }

    @Test
    void fontFilesAndStylesheetsMustBeStaticFilesOfTheSite() throws Exception {
        Site site = load("theme:\n  font_body: /fonts/missing.woff2\n  css: /brand.css\n");
        assertThat(problems(site)).anyMatch(p -> p.startsWith("site.yaml:") && p.contains("`theme.font_body:"
                + " /fonts/missing.woff2` names no file in static/ — put the file at static/fonts/missing.woff2"))
                .anyMatch(p -> p.contains("`theme.css: /brand.css` names no file in static/"));
        assertThat(problems(load("theme:\n  css: https://cdn.example/x.css\n")))
                .anyMatch(p -> p.contains("is not a stylesheet of the site"));
    }

    @Test
    void unknownKeysAreCaughtWithTheKeyMeant() throws Exception {
        assertThat(problems(load("theme:\n  accnet: \"#5b2a86\"\n  dark:\n    bakground: \"#000000\"\n")))
                .anyMatch(p -> p.contains("unknown key `theme.accnet`") && p.contains("did you mean `theme.accent`?"))
                .anyMatch(p -> p.contains("unknown key `theme.dark.bakground`"));
    }

    @Test
    void anInsightsEndpointIsTheAddressOfAServerWithoutAPath() throws Exception {
        assertThat(load("insights:\n  endpoint: https://stats.example.com/\n").config().insightsEndpoint())
                .isEqualTo("https://stats.example.com");
        for (String bad : List.of("https://stats.example.com/api/event", "/api/event", "ftp://stats.example.com",
                "https://stats.example.com/?x=1", "javascript:alert(1)")) {
            Site site = load("insights:\n  endpoint: \"" + bad + "\"\n");
            assertThat(site.config().insightsEndpoint()).as(bad).isNull();
            assertThat(problems(site)).as(bad).anyMatch(p -> p.startsWith("site.yaml:") && p.contains("error")
                    && p.contains("endpoint"));
        }
        assertThat(problems(load("insights:\n  endpont: https://stats.example.com\n")))
                .anyMatch(p -> p.contains("endpont"));
    }
}
