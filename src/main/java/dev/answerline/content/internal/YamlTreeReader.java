package dev.answerline.content.internal;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Reads one YAML document's tokens into a tree of texts, noting each value's line, and refuses what YAML
 * would change behind the editor's back: aliases ({@code *x}), anchors ({@code &x}) and tags ({@code !x}).
 * Not thread-safe: one instance reads one document.
 */
final class YamlTreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How YAML writes its own tags in full: {@code !!str} is {@code tag:yaml.org,2002:str}. */
    private static final String CORE_TAGS = "tag:yaml.org,2002:";

    private final YAMLParser parser;
    private final int[] codePoints;
    private final int offset;
    private final Map<String, Integer> lines;

    /**
     * @param parser a parser on {@code yaml} whose current token is the document's {@code START_OBJECT}
     * @param offset what to add to the parser's line numbers to make them lines of the file
     * @param lines where the line of each value goes, by JSON pointer
     */
    YamlTreeReader(YAMLParser parser, String yaml, int offset, Map<String, Integer> lines) {
        this.parser = parser;
        // the parser's offsets count code points: an emoji before an anchor must not hide it
        this.codePoints = yaml.indexOf('&') < 0 ? new int[0] : yaml.codePoints().toArray();
        this.offset = offset;
        this.lines = lines;
    }

    ObjectNode readRoot() throws IOException, YamlTree.SyntaxError {
        refuseMarkers();
        return readObject();
    }

    private ObjectNode readObject() throws IOException, YamlTree.SyntaxError {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            refuseMarkers();
            String name = parser.currentName();
            int line = line();
            if (node.has(name)) {
                throw new YamlTree.SyntaxError("the key `" + name + "` appears twice", line,
                        "keep one of the two lines, and delete the other");
            }
            lines.put(parser.getParsingContext().pathAsPointer().toString(), line);
            parser.nextToken();
            node.set(name, readValue());
        }
        return node;
    }

    private JsonNode readValue() throws IOException, YamlTree.SyntaxError {
        refuseMarkers();
        switch (parser.currentToken()) {
            case START_OBJECT:
                return readObject();
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                JsonToken token;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    int line = line();
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        pointer = parser.getParsingContext().getParent().pathAsPointer().toString();
                    }
                    lines.putIfAbsent(pointer, line);
                    array.add(readValue());
                }
                return array;
            }
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                // getText() is the scalar as written, also where YAML 1.1 saw a boolean or a number
                return NODES.textNode(parser.getText());
        }
    }

    /**
     * Refuses an alias, an anchor or a tag on the current token: YAML reads {@code *nope} as the text "nope",
     * and leaves {@code &a} and {@code !tag} out of the text that follows them.
     */
    private void refuseMarkers() throws IOException, YamlTree.SyntaxError {
        JsonToken token = parser.currentToken();
        boolean key = token == JsonToken.FIELD_NAME;
        boolean collection = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
        String text = collection ? null : parser.getText();
        if (parser.isCurrentAlias()) {
            String written = "*" + text;
            throw new YamlTree.SyntaxError((key ? "the key `" + written + "`" : "`" + place(collection) + ": "
                    + written + "`") + " is read by YAML as a reference to an anchor named `" + text + "`, not as"
                            + " text", line(), "put it in quotes: `" + quoted(written) + "`", "yaml-unsupported");
        }
        // Jackson names the anchors of keys and collections, not those of scalar values: those are read
        // from the text, where the value starts with its anchor
        String anchor = key || collection ? parser.getObjectId() : scalarAnchor();
        if (anchor != null) {
            throw refused("&" + anchor, "an anchor", key ? null : place(collection), text);
        }
        // a key's token repeats the tag of the mapping it is the first key of, refused at the mapping; the tag
        // of a key itself Jackson drops, and a key is a name, not text
        String tag = key ? null : parser.getTypeId();
        if (tag != null) {
            throw refused(tag.startsWith(CORE_TAGS) ? "!!" + tag.substring(CORE_TAGS.length()) : "!" + tag, "a tag",
                    place(collection), text);
        }
    }

    /** Where the current value is; a collection's token already stands inside it. */
    private String place(boolean collection) {
        return placeOf(collection ? parser.getParsingContext().getParent() : parser.getParsingContext());
    }

    /** The anchor a scalar value starts with, or null: a plain scalar cannot start with {@code &}. */
    private String scalarAnchor() {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (start < 0 || start >= codePoints.length || codePoints[start] != '&') {
            return null;
        }
        int end = start + 1;
        while (end < codePoints.length && !Character.isWhitespace(codePoints[end])
                && ",[]{}".indexOf(codePoints[end]) < 0) {
            end++;
        }
        return new String(codePoints, start + 1, end - start - 1);
    }

    private YamlTree.SyntaxError refused(String marker, String kind, String place, String text) {
        if (place == null) {
            return new YamlTree.SyntaxError("`" + marker + "` before the key `" + text + "` is " + kind + " in YAML,"
                    + " which front matter has no use for", line(), "remove `" + marker + "`", "yaml-unsupported");
        }
        String written = place.isEmpty() ? "`" + marker + "`" : "`" + place + ": " + marker + "`";
        if (text == null || text.isEmpty()) {
            return new YamlTree.SyntaxError(written + " is " + kind + " in YAML, which front matter has no use for",
                    line(), "remove `" + marker + "`, or put the whole value in quotes if it is text",
                    "yaml-unsupported");
        }
        String shown = text.length() > 40 || text.contains("\n")
                ? text.substring(0, Math.min(text.length(), 40)).split("\n", 2)[0] + "..." : text;
        return new YamlTree.SyntaxError("`" + place + ": " + marker + " " + shown + "`: YAML reads `" + marker
                + "` as " + kind + " and leaves it out of the text", line(), "put the whole value in quotes: `"
                        + quoted(marker + " " + shown) + "`", "yaml-unsupported");
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr() + offset;
    }

    private static String quoted(String text) {
        return text.contains("\"") ? "'" + text.replace("'", "''") + "'" : "\"" + text + "\"";
    }

    /** Where a value is, as messages name it: {@code newsletter.promise}, {@code related[2].answer}. */
    private static String placeOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + (c.getCurrentIndex() + 1) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String place = String.join("", parts);
        return place.startsWith(".") ? place.substring(1) : place;
    }
}
