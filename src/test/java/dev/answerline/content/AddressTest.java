package dev.answerline.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.answerline.content.Address.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /                                  | HOME            | ''
            /answers                           | ANSWERS         | ''
            /answers/should-you-roll           | ANSWER          | should-you-roll
            /answers/should-you-roll.md        | ANSWER_MARKDOWN | should-you-roll
            /answers/category/back-relief      | CATEGORY        | back-relief
            /answers/category                  | ANSWER          | category
            /authors                           | AUTHORS         | ''
            /authors/ann-writer                | AUTHOR          | ann-writer
            /blog                              | BLOG            | ''
            /blog/why-we-roll                  | POST            | why-we-roll
            /blog/feed.xml                     | BLOG_RSS        | ''
            /blog/atom.xml                     | BLOG_ATOM       | ''
            /products                          | PRODUCTS        | ''
            /products/roller                   | PRODUCT         | roller
            /feed.xml                          | ANSWERS_RSS     | ''
            /atom.xml                          | ANSWERS_ATOM    | ''
            /sitemap.xml                       | SITEMAP         | ''
            /sitemap-2.xml                     | SITEMAP_PART    | 2
            /robots.txt                        | ROBOTS          | ''
            /llms.txt                          | LLMS            | ''
            /llms-full.txt                     | LLMS_FULL       | ''
            /assets/site.0a1b2c3d4e.css        | ASSET           | site.0a1b2c3d4e.css
            /about                             | PAGE            | about
            /search                            | SEARCH          | ''
            /api/search                        | API             | search
            /newsletter/confirm                | NEWSLETTER      | confirm
            /_answerline/events                | PREVIEW         | events
            /images/logo.svg                   | STATIC          | /images/logo.svg
            /favicon.ico                       | STATIC          | /favicon.ico
            /answers/chart.png                 | STATIC          | /answers/chart.png
            /About                             | STATIC          | /About
            /sitemap-0.xml                     | STATIC          | /sitemap-0.xml
            """)
    void aPathIsReadBackAsWhatIsThere(String path, Kind kind, String id) {
        Address address = Address.of(path);
        assertThat(address).isEqualTo(Address.of(kind, id));
        assertThat(address.path()).isEqualTo(path);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindsPathsReadBackAsThatKind(Kind kind) {
        Address address = kind.fixed() ? Address.of(kind)
                : Address.of(kind, kind == Kind.STATIC ? "/images/x.png" : kind == Kind.SITEMAP_PART ? "3"
                        : kind == Kind.NEWSLETTER ? "confirm" : "some-id");
        assertThat(Address.of(address.path())).isEqualTo(address);
    }

    @Test
    void contentFilesHaveTheAddressOfTheirName() {
        assertThat(Address.ofFile("answers/should-you-roll.md")).isEqualTo(Address.of(Kind.ANSWER, "should-you-roll"));
        assertThat(Address.ofFile("categories/back-relief.md")).isEqualTo(Address.of(Kind.CATEGORY, "back-relief"));
        assertThat(Address.ofFile("pages/about.md")).isEqualTo(Address.of(Kind.PAGE, "about"));
        assertThat(Address.ofFile("products/roller.md")).isEqualTo(Address.of(Kind.PRODUCT, "roller"));
        assertThat(Address.ofFile("static/x.md")).isNull();
        assertThat(Address.ofFile("site.yaml")).isNull();
        assertThat(Address.ofFile("answers/Bad Name.md")).isNull();
    }

    @Test
    void pagesMayNotTakeTheEnginesFolders() {
        assertThat(Address.reservedSlugs()).isEqualTo(Set.of("404", "admin", "answers", "api", "assets", "authors", "blog",
                "healthz", "index", "metrics", "newsletter", "products", "r", "readyz", "search"));
    }

    @Test
    void aStaticFileClashesWithWhatTheEngineServesAndWithContentThatExists() {
        assertThat(Address.clashes("/images/logo.svg", a -> true)).isFalse();
        assertThat(Address.clashes("/favicon.ico", a -> true)).isFalse();
        for (String engine : new String[] {"/robots.txt", "/sitemap.xml", "/sitemap-3.xml", "/feed.xml", "/llms.txt",
            "/assets/site.css", "/answers/x.md", "/answers", "/search", "/api/x.json", "/newsletter/x", "/admin/x",
            "/healthz", "/metrics"}) {
            assertThat(Address.clashes(engine, a -> false)).as(engine).isTrue();
        }
        assertThat(Address.clashes("/about", a -> false)).isFalse();
        assertThat(Address.clashes("/about", a -> a.equals(Address.of(Kind.PAGE, "about")))).isTrue();
        assertThat(Address.clashes("/authors/ann", a -> a.kind() == Kind.AUTHOR)).isTrue();
    }

    @Test
    void kindsWithOnePathTakeNoId() {
        assertThatThrownBy(() -> Address.of(Kind.HOME, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Address.of(Kind.ANSWER, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routesAreMountedAtTheirKindsSpec() {
        assertThat(Kind.SEARCH.spec()).isEqualTo("/search");
        assertThat(Kind.NEWSLETTER.spec()).isEqualTo("/newsletter/*");
        assertThat(Kind.PREVIEW.spec()).isEqualTo("/_answerline/*");
    }
}
