package dev.answerline.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.TestSites;
import dev.answerline.content.Colour;
import dev.answerline.content.Problem;
import dev.answerline.content.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check measures the contrast of every pair of colours a theme makes, in both schemes. */
class ThemeContrastTest {
    /** One colour per role that fails at least one pair, each on its own line of site.yaml. */
    private static final String FAILING = """
            theme:
              accent: "#8fd3d8"
              highlight: "#fdba74"
              text: "#9ca3af"
              muted: "#d1d5db"
              dark:
                background: "#cbd5e1"
                surface: "#e2e8f0"
            """;
    private static final Pattern MESSAGE = Pattern.compile("\\((#[0-9a-f]{6}) on (#[0-9a-f]{6})\\).*at least ([0-9.]+):1");
    private static final Pattern SHADE = Pattern.compile("\"(#[0-9a-f]{6})\"");

    @TempDir
    Path dir;

    private List<Problem> check(String theme) throws Exception {
        Path site = TestSites.copy("small", dir.resolve("site"));
        Path config = site.resolve("site.yaml");
        Files.writeString(config, Files.readString(config) + theme);
        return Checker.check(Site.load(site, TestSites.TODAY)).stream()
                .filter(p -> p.rule().equals("theme-contrast")).toList();
    }

    @Test
    void eachRolesFailingPairIsReportedAtItsLineWithAShadeThatPasses() throws Exception {
        List<Problem> found = check(FAILING);
        int first = Files.readAllLines(TestSites.fixture("small").resolve("site.yaml")).size() + 1;
        String[][] expected = {
            {"accent", "light", String.valueOf(first + 1), "links on the background"},
            {"highlight", "light", String.valueOf(first + 2), "notices in the highlight colour"},
            {"text", "light", String.valueOf(first + 3), "text on the background"},
            {"muted", "light", String.valueOf(first + 4), "muted text (dates, captions) on the background"},
            {"dark.background", "dark", String.valueOf(first + 6), "text on the background"},
            {"dark.surface", "dark", String.valueOf(first + 7), "text on boxes"},
        };
        for (String[] role : expected) {
            assertThat(found).as(role[0]).anySatisfy(problem -> {
                assertThat(problem.line()).isEqualTo(Integer.parseInt(role[2]));
                assertThat(problem.what()).startsWith("in the " + role[1] + " scheme, " + role[3]);
                assertThat(problem.fix()).startsWith("use `theme." + role[0] + ": \"#");
            });
        }
        for (Problem problem : found) {
            Matcher pair = MESSAGE.matcher(problem.what());
            Matcher shade = SHADE.matcher(problem.fix());
            assertThat(pair.find()).as(problem.what()).isTrue();
            assertThat(shade.find()).as(problem.fix()).isTrue();
            Colour foreground = Colour.parse(pair.group(1));
            Colour background = Colour.parse(pair.group(2));
            double minimum = Double.parseDouble(pair.group(3));
            boolean changesForeground = !problem.fix().contains("background") && !problem.fix().contains("surface");
            Colour suggested = Colour.parse(shade.group(1));
            double after = changesForeground ? suggested.contrast(background) : foreground.contrast(suggested);
            assertThat(after).as("%s — %s", problem.what(), problem.fix()).isGreaterThanOrEqualTo(minimum);
        }
    }

    @Test
    void aThemeThatReadsWellHasNothingToFix() throws Exception {
        assertThat(Checker.check(Site.load(TestSites.themed(dir.resolve("themed")), TestSites.TODAY)))
                .filteredOn(p -> p.rule().equals("theme-contrast")).isEmpty();
    }

    @Test
    void theBuiltInLookIsNotMeasuredHere() throws Exception {
        assertThat(check("theme:\n  radius: 0\n")).isEmpty();
    }
}
