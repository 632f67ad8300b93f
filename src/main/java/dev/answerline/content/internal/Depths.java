package dev.answerline.content.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.answerline.content.Problem;
import dev.answerline.markdown.Markdown;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports the texts of a content file or site.yaml that nest too deeply for any Markdown reader
 * ({@link Markdown#depth}), at their line, so that the file is left out before anything reads them.
 */
public final class Depths {
    private Depths() {}

    /** The problem of a text nested {@code levels} deep at {@code line} of {@code file}. */
    public static Problem problem(String file, int line, int levels) {
        return Problem.error(file, line, "too-deep", String.format(Locale.ROOT, "the text is nested %,d levels deep"
                + " (block quotes, lists, emphasis or links inside each other); at most %d are allowed", levels,
                Markdown.MAX_LEVELS), "flatten it: no reader follows more than a few levels, and no page can show this"
                        + " many");
    }

    /**
     * Reports every text value of a front matter or site.yaml tree that nests too deep, at its line; returns
     * whether any does. The tree is walked without recursion.
     */
    public static boolean check(YamlTree tree, String file, List<Problem> problems) {
        boolean found = false;
        Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
        todo.push(Map.entry("", tree.root()));
        while (!todo.isEmpty()) {
            Map.Entry<String, JsonNode> entry = todo.pop();
            JsonNode node = entry.getValue();
            if (node.isTextual()) {
                Markdown.Depth depth = Markdown.depth(node.textValue());
                if (depth.levels() > Markdown.MAX_LEVELS) {
                    problems.add(problem(file, tree.lines().getOrDefault(entry.getKey(), 1), depth.levels()));
                    found = true;
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    todo.push(Map.entry(entry.getKey() + "/" + field.getKey(), field.getValue()));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    todo.push(Map.entry(entry.getKey() + "/" + i, node.get(i)));
                }
            }
        }
        return found;
    }
}
