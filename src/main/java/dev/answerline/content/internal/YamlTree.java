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
                throw new SyntaxError("expected `key: value` lines, found a " + describe(first), firstLine);
            }
            ObjectNode root = readObject(parser, lines, offset);
            return new YamlTree(root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? firstLine : e.getLocation().getLineNr() + offset;
            throw new SyntaxError(firstLine(e.getOriginalMessage()), Math.max(line, firstLine));
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
