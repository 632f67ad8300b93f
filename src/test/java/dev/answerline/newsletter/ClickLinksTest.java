package dev.answerline.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.answerline.store.Database;
import dev.answerline.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Signed click links lead back to where the issue linked, and nowhere else. */
class ClickLinksTest {
    private static final String BASE = "https://answers.testroll.example";
    private static final byte[] KEY = new byte[32];
    private static final ClickLinks LINKS = ClickLinks.of(KEY, BASE);

    @TempDir
    Path dir;

    private static String id(String link) {
        assertThat(link).startsWith(BASE + "/r/");
        return link.substring((BASE + "/r/").length());
    }

    @Test
    void aLinkLeadsBackToItsIssueAndUrl() {
        String url = "https://shop.example/rollers?colour=blue&size=33#reviews";
        assertThat(LINKS.open(id(LINKS.link("june-rolling", url))))
                .contains(new ClickLinks.Target("june-rolling", url));
    }

    @Test
    void aChangedIdLeadsNowhere() {
        String id = id(LINKS.link("june-rolling", "https://shop.example/rollers"));
        String payload = id.substring(0, id.indexOf('.'));
        String mac = id.substring(id.indexOf('.') + 1);
        String otherPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("june-rolling\nhttps://evil.example/".getBytes(StandardCharsets.UTF_8));
        assertThat(LINKS.open(otherPayload + "." + mac)).isEmpty();
        assertThat(LINKS.open(payload + "." + mac.substring(1) + "A")).isEmpty();
        assertThat(LINKS.open(payload)).isEmpty();
        assertThat(LINKS.open("")).isEmpty();
        assertThat(LINKS.open("!!!.???")).isEmpty();
        // another key (another database) does not know it
        assertThat(ClickLinks.of(new byte[] {1, 2, 3}, BASE).open(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "mailto:a@b.example",
        "/answers/x", "//evil.example/x", "ftp://example.org/x"})
    void onlyAbsoluteWebUrlsAreCounted(String url) {
        assertThat(LINKS.link("june-rolling", url)).isEqualTo(url);
    }

    @Test
    void evenASignedJavascriptUrlIsNeverFollowed() throws Exception {
        byte[] payload = "june-rolling\njavascript:alert(1)".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] signature = java.util.Arrays.copyOf(mac.doFinal(payload), 16);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        assertThat(LINKS.open(encoder.encodeToString(payload) + "." + encoder.encodeToString(signature))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.Kind.class)
    void theKeyIsMadeOnceAndSharedByEveryoneOnTheDatabase(Database.Kind kind) {
        try (Database db = TestDatabases.open(kind, dir)) {
            String link = ClickLinks.load(db, BASE).link("june-rolling", "https://shop.example/");
            assertThat(ClickLinks.load(db, BASE).open(id(link)))
                    .contains(new ClickLinks.Target("june-rolling", "https://shop.example/"));
        }
    }
}
