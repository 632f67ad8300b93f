package dev.answerline.content.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a Jackson tree plus the line every value sits on, read in one pass.
 * Jackson's own tree keeps no positions, and editors need the line of the key that is wrong.
 *
 * @param root the top-level mapping
 * @param lines file line of each value by JSON pointer ({@code /related/0/answer})
 */
public record YamlTree(ObjectNode root, Map<String, Integer> lines) {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
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

        SyntaxError(String message, int line) {
            this(message, line, USUAL_FIX);
        }

        SyntaxError(String message, int line, String fix) {
            super(message);
            this.line = line;
            this.fix = fix;
        }

        public int line() {
            return line;
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
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlTree(NODES.objectNode(), lines);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new SyntaxError("expected `key: value` lines, found a " + describe(first), firstLine,
                        "write every line of the block as `key: value`");
            }
            ObjectNode root = readObject(parser, lines, offset);
            return new YamlTree(root, lines);
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

    private static ObjectNode readObject(JsonParser parser, Map<String, Integer> lines, int offset)
            throws IOException, SyntaxError {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr() + offset;
            if (node.has(name)) {
                throw new SyntaxError("the key `" + name + "` appears twice", line,
                        "keep one of the two lines, and delete the other");
            }
            lines.put(parser.getParsingContext().pathAsPointer().toString(), line);
            parser.nextToken();
            node.set(name, readValue(parser, lines, offset));
        }
        return node;
    }

    private static JsonNode readValue(JsonParser parser, Map<String, Integer> lines, int offset)
            throws IOException, SyntaxError {
        switch (parser.currentToken()) {
            case START_OBJECT:
                return readObject(parser, lines, offset);
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    int line = parser.currentTokenLocation().getLineNr() + offset;
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        pointer = parser.getParsingContext().getParent().pathAsPointer().toString();
                    }
                    lines.putIfAbsent(pointer, line);
                    array.add(readValue(parser, lines, offset));
                }
                return array;
            }
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.INT
                        ? NODES.numberNode(parser.getIntValue())
                        : NODES.textNode(parser.getText());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            default:
                return NODES.textNode(parser.getText());
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
