package dev.answerline.content;

import dev.answerline.markdown.Markdown;
import dev.answerline.markdown.Prose;
import dev.answerline.memory.TextStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A newsletter issue, {@code newsletters/{slug}.md}: a subject, an optional preheader and send time, and a
 * Markdown body that may show answers as cards, one per line written {@code {{< answer slug >}}}.
 *
 * <p>An issue is written like any content but published only once it is sent (it then has a row in the
 * database's {@code newsletter_issue}); until then only {@code serve --watch} shows it, at
 * {@code /newsletter/preview/{slug}}.
 *
 * @param preheader the line mail clients show after the subject; empty when not set
 * @param sendAfter the earliest time to send it; null when not set
 * @param parts the body in order: Markdown text and answer cards
 */
public record NewsletterIssue(Source source, String slug, String subject, String preheader, OffsetDateTime sendAfter,
        List<Part> parts) implements Content {

    /** A line that is an answer card: {@code {{< answer slug >}}}, alone on its line. */
    public static final Pattern CARD = Pattern.compile("^[ \\t]*\\{\\{<\\s*answer\\s+(\\S+?)\\s*>}}[ \\t]*$",
            Pattern.MULTILINE);

    /** A piece of an issue's body. */
    public sealed interface Part {
        /** The line of the file it starts on. */
        int line();
    }

    /** Markdown between cards, read by the one Markdown pipeline. */
    public record Text(Prose prose, int line) implements Part {}

    /** The answer {@code answer} shown as a card: its question, its direct answer, a link to it. */
    public record Card(String answer, int line) implements Part {}

    public NewsletterIssue {
        parts = List.copyOf(parts);
    }

    @Override
    public Address address() {
        return Address.of(Address.Kind.ISSUE, slug);
    }

    /** Where {@code serve --watch} shows the issue before it is sent. */
    public Address preview() {
        return Address.of(Address.Kind.ISSUE_PREVIEW, slug);
    }

    /** The cards of the body, in order. */
    public List<Card> cards() {
        return parts.stream().filter(Card.class::isInstance).map(Card.class::cast).toList();
    }

    /**
     * A body split at its card lines, each text read from the line it starts on so that links and images keep
     * their lines in the file.
     *
     * @param bodyLine the line of the file the body starts on
     */
    public static List<Part> parts(String body, int bodyLine) {
        List<Part> parts = new ArrayList<>();
        Matcher card = CARD.matcher(body);
        int from = 0;
        while (card.find()) {
            text(parts, body, from, card.start(), bodyLine);
            parts.add(new Card(card.group(1), bodyLine + lines(body, 0, card.start())));
            from = Math.min(body.length(), card.end() + 1);
        }
        text(parts, body, from, body.length(), bodyLine);
        return parts;
    }

    private static void text(List<Part> parts, String body, int from, int to, int bodyLine) {
        String markdown = body.substring(from, to);
        if (!markdown.isBlank()) {
            int line = bodyLine + lines(body, 0, from);
            parts.add(new Text(Markdown.block(markdown, line, null, TextStore.HEAP, true), line));
        }
    }

    private static int lines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
