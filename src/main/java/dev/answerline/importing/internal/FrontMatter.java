package dev.answerline.importing.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes a content file's front matter. Every text is double-quoted, so that no word of an imported title
 * (a {@code #}, a {@code : }, a leading {@code *} or {@code !}) is read by YAML as anything but text.
 */
final class FrontMatter {
    private final StringBuilder text = new StringBuilder("---\n");

    FrontMatter text(String key, String value) {
        if (value != null && !value.isBlank()) {
            text.append(key).append(": ").append(quoted(value)).append('\n');
        }
        return this;
    }

    FrontMatter date(String key, LocalDate value) {
        if (value != null) {
            text.append(key).append(": ").append(value).append('\n');
        }
        return this;
    }

    FrontMatter flag(String key, boolean value) {
        if (value) {
            text.append(key).append(": true\n");
        }
        return this;
    }

    FrontMatter list(String key, List<String> values) {
        if (!values.isEmpty()) {
            text.append(key).append(":\n");
            values.forEach(v -> text.append("  - ").append(quoted(v)).append('\n'));
        }
        return this;
    }

    /** A list of maps, each entry's keys in the order given. */
    FrontMatter maps(String key, List<Map<String, String>> values) {
        if (!values.isEmpty()) {
            text.append(key).append(":\n");
            for (Map<String, String> value : values) {
                String indent = "  - ";
                for (Map.Entry<String, String> entry : value.entrySet()) {
                    text.append(indent).append(entry.getKey()).append(": ").append(quoted(entry.getValue()))
                            .append('\n');
                    indent = "    ";
                }
            }
        }
        return this;
    }

    /** The front matter, its closing line and {@code body}, ending with one newline. */
    String with(String body) {
        String rest = body == null ? "" : body.strip();
        return text + "---\n" + (rest.isEmpty() ? "" : rest + "\n");
    }

    /** A YAML double-quoted scalar on one line. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append(' ');
                case '\t' -> out.append(' ');
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
