package dev.answerline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The kinds of edit an editor makes to the demo site, for the tests that check that doing again only what an
 * edit touched (a preview's update, a build after an edit) gives what doing everything gives.
 */
public final class SiteEdits {
    public static final String LUMBAR = "answers/should-you-foam-roll-your-lumbar-spine.md";

    private SiteEdits() {}

    /** An edit of the site folder; returns the static paths it changed, which the watcher would report. */
    @FunctionalInterface
    public interface Edit {
        Set<String> apply(Path site) throws IOException;

        /** This edit, then {@code next}. */
        default Edit then(Edit next) {
            return site -> {
                Set<String> changed = new java.util.HashSet<>(apply(site));
                changed.addAll(next.apply(site));
                return changed;
            };
        }
    }

    /** Replaces {@code old}, which must be there, with {@code now} in {@code file}. */
    public static Edit replace(String file, String old, String now) {
        return site -> {
            Path path = site.resolve(file);
            String text = Files.readString(path);
            assertThat(text).contains(old);
            Files.writeString(path, text.replace(old, now));
            return Set.of();
        };
    }

    /** Every kind of edit, by name. */
    public static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of("an answer's body", replace(LUMBAR, "## Why the lower back is different",
                        "## Why the lower back is not like the upper back")),
                Arguments.of("an answer's direct answer", replace(LUMBAR, "No. The lumbar spine", "No: the lumbar"
                        + " spine")),
                Arguments.of("an answer's question", replace(LUMBAR, "question: Should you foam roll your lumbar"
                        + " spine?", "question: Should you ever foam roll your lumbar spine?")),
                Arguments.of("an answer's date, making it the newest", replace(LUMBAR, "published: 2025-02-10",
                        "published: 2026-11-20")),
                Arguments.of("an answer's category", replace(LUMBAR, "category: back-relief",
                        "category: technique-basics")),
                Arguments.of("a new answer", (Edit) site -> {
                    String text = Files.readString(site.resolve(LUMBAR)).replace("question: Should you foam roll"
                            + " your lumbar spine?", "question: Should you roll your neck?")
                            .replace("published: 2025-02-10", "published: 2026-11-21")
                            .replaceAll("(?m)^aliases:.*\\n", "");
                    Files.writeString(site.resolve("answers/should-you-roll-your-neck.md"), text);
                    return Set.of();
                }),
                Arguments.of("a deleted answer", (Edit) site -> {
                    Files.delete(site.resolve("answers/how-do-you-clean-a-foam-roller.md"));
                    return Set.of();
                }),
                Arguments.of("an answer's picks for its box", replace(LUMBAR, "category: back-relief",
                        "category: back-relief\nmore: [how-do-you-clean-a-foam-roller, is-foam-rolling-good-for-runners]")),
                Arguments.of("an answer that breaks", replace(LUMBAR, "category: back-relief", "category: nowhere")),
                Arguments.of("a blog post", replace("blog/foam-rolling-myths.md", "title:", "title: Seven")),
                Arguments.of("a product", replace("products/spiky-massage-ball.md", "description:",
                        "description: New.")),
                Arguments.of("a page's text", (Edit) site -> {
                    Path about = site.resolve("pages/about.md");
                    Files.writeString(about, Files.readString(about) + "\nOne more paragraph.\n");
                    return Set.of();
                }),
                Arguments.of("a page's title", replace("pages/contact.md", "title:", "title: Write to")),
                Arguments.of("site.yaml", replace("site.yaml", "title: Northroll Answers", "title: Northroll Q&A")),
                Arguments.of("an author", replace("authors/theo-brandt.md", "name:", "name: Coach")),
                Arguments.of("a static file", (Edit) site -> {
                    Files.writeString(site.resolve("static/images/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
                    return Set.of("/images/logo.svg");
                }));
    }
}
