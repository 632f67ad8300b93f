package dev.answerline.content.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree plus the line every value sits on, read in one pass.
 * Jackson's own tree keeps no positions, and editors need the line of the key that is wrong.
 *
 * <p>Every scalar is kept as the text the editor wrote: {@code yes}, {@code 010} or {@code 1.10} stay those
 * words, not {@code true}, {@code 8} or {@code 1.1}, and {@link Fields} reads numbers, dates and true/false
 * from that text itself. Only {@code ~} and {@code null} are no value (a {@code NullNode}). Aliases, anchors
 * and tags are refused at their line: each would silently change or drop what the editor wrote
 * (issue 14).
 *
 * @param root the top-level mapping
 * @param lines file line of each value by JSON pointer ({@code /related/0/answer})
 */
public record YamlTree(ObjectNode root, Map<String, Integer> lines) {

    /**
     * Front matter needs three levels ({@code related:}, an item, its {@code answer:}), site.yaml four; the
     * tree is read recursively, so a deeper value (5,000 unclosed {@code [}) must stop the read, not the stack.
     */
    private static final int MAX_DEPTH = 32;
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The YAML parser's words, and what they mean for someone writing front matter: {parser, what, fix}. */
    private static final String[][] PLAIN_WORDS = {
        {"mapping values are not allowed", "there is a `: ` where a value was expected",
            "if the value itself contains `: `, put the whole value in quotes; otherwise indent this line like the"
                    + " keys around it"},
        {"could not find expected ':'", "a line is not of the form `key: value`",
            "add the `:` after the key, or indent the line if it continues the value above"},
        {"while parsing a block mapping", "a line is indented differently from the keys above it",
            "line it up with the other keys, using spaces"},
        {"expected <block end>", "a line is indented differently from the keys above it",
            "line it up with the other keys, using spaces"},
        {"while parsing a block collection", "a list item is indented differently from the others",
            "start every item with `- ` at the same indentation"},
        {"while parsing a flow sequence", "a list in [ ] is not closed",
            "add the closing `]`, or put the value in quotes if the [ is part of the text"},
        {"while parsing a flow mapping", "a group in { } is not closed",
            "add the closing `}`, or put the value in quotes if the { is part of the text"},
        {"while parsing a flow node", "a list in [ ] or a group in { } is not closed",
            "add the closing `]` or `}`, or put the value in quotes if the bracket is part of the text"},
        {"while scanning a quoted scalar", "a quoted text is not closed",
            "add the closing quote; to use a quote inside the text, wrap it in the other kind of quote"},
        {"(TAB)", "a tab is used for indentation", "indent with spaces only"},
        {"alias", "a value starts with `*`, which YAML reads as a reference", "put the value in quotes"},
        {"anchor", "a value starts with `&`, which YAML reads as an anchor", "put the value in quotes"},
    };

    /** Thrown for YAML that does not parse; {@code line} is a line of the file. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private static final String USUAL_FIX = "check the indentation, and put quotes around values that contain"
                + " `: ` or start with a quote, [, {, *, &, !, |, >, % or @";
        private final int line;
        private final String fix;
        private final String rule;

        SyntaxError(String message, int line) {
            this(message, line, USUAL_FIX);
        }

        SyntaxError(String message, int line, String fix) {
            this(message, line, fix, "yaml-syntax");
        }

        SyntaxError(String message, int line, String fix, String rule) {
            super(message);
            this.line = line;
            this.fix = fix;
            this.rule = rule;
        }

        public int line() {
            return line;
        }

        /**
         * {@code yaml-syntax} for YAML that does not parse; {@code yaml-unsupported} for an alias, anchor or
         * tag, {@code yaml-nesting} for values nested too deep: valid YAML that Answerline does not read.
         */
        public String rule() {
            return rule;
        }

        /** How to fix it, in the editor's words. */
        public String fix() {
            return fix;
        }
    }

    /**
     * Parses YAML text whose first line is line {@code firstLine} of its file.
     * An empty document is an empty mapping; a document that is not a mapping is a syntax error.
     */
    public static YamlTree parse(String yaml, int firstLine) throws SyntaxError {
        int offset = firstLine - 1;
        Map<String, Integer> lines = new HashMap<>();
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(yaml)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    return new YamlTree(NODES.objectNode(), lines);
                }
                if (first != JsonToken.START_OBJECT) {
                    throw new SyntaxError("expected `key: value` lines, found a " + describe(first), firstLine,
                            "write every line of the block as `key: value`");
                }
                ObjectNode root = new YamlTreeReader(parser, yaml, offset, lines).readRoot();
                return new YamlTree(root, lines);
            } catch (StreamConstraintsException e) {
                // thrown without a location: the parser still knows where it stopped
                int line = Math.max(firstLine, Math.min(parser.currentLocation().getLineNr() + offset,
                        lastLine(yaml) + offset));
                if (String.valueOf(e.getMessage()).contains("nesting depth")) {
                    throw new SyntaxError("values are nested more than " + MAX_DEPTH + " levels deep", line,
                            "front matter needs three levels at most (`related:`, `- question: ...`, `answer: ...`);"
                                    + " if the brackets are part of the text, put the whole value in quotes",
                            "yaml-nesting");
                }
                throw new SyntaxError(firstLine(e.getOriginalMessage()), line, "shorten the key or value on this line");
            }
        } catch (JsonProcessingException e) {
            int line = Math.max(firstLine, e.getLocation() == null ? firstLine : e.getLocation().getLineNr() + offset);
            // SnakeYAML knows where the problem is, Jackson where the construct around it started; for a
            // construct left open until the end, its start is the line to fix
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                    && marked.getProblemMark() != null) {
                var mark = marked.getProblemMark().getIndex() >= yaml.strip().length() && marked.getContextMark() != null
                        ? marked.getContextMark() : marked.getProblemMark();
                line = Math.max(firstLine, mark.getLine() + 1 + offset);
            }
            // never past the last line with something on it: an editor jumps there and sees nothing
            line = Math.min(line, lastLine(yaml) + offset);
            String parserSays = firstLine(e.getOriginalMessage());
            String whole = String.valueOf(e.getOriginalMessage());
            for (String[] plain : PLAIN_WORDS) {
                if (whole.contains(plain[0])) {
                    throw new SyntaxError(plain[1], line, plain[2]);
                }
            }
            throw new SyntaxError(parserSays, line);
        } catch (IOException e) {
            throw new SyntaxError(String.valueOf(e.getMessage()), firstLine);
        }
    }

    /** The 1-based number of the last line that is not blank, at least 1. */
    private static int lastLine(String yaml) {
        String[] lines = yaml.split("\n", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String describe(JsonToken token) {
        return token == JsonToken.START_ARRAY ? "list" : "single value";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the YAML does not parse";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
