package dev.answerline.content.internal;

/**
 * A content file split into its YAML front matter and Markdown body.
 *
 * @param yaml the text between the two {@code ---} lines
 * @param yamlLine the file line the YAML starts on
 * @param body the Markdown after the closing line
 * @param bodyLine the file line the body starts on
 */
public record FrontMatter(String yaml, int yamlLine, String body, int bodyLine) {

    /** Why a file has no usable front matter block, with the fix. */
    public static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String fix;

        Missing(String message, int line, String fix) {
            super(message);
            this.line = line;
            this.fix = fix;
        }

        public int line() {
            return line;
        }

        public String fix() {
            return fix;
        }
    }

    /** Splits a file's text; line endings may be LF or CRLF and a leading byte order mark is ignored. */
    public static FrontMatter split(String text) throws Missing {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        String[] lines = normalized.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new Missing("the file does not start with a front matter block", 1,
                    "put a line `---` first, then the `key: value` lines, then another `---` line");
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("---") || line.equals("...")) {
                String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return new FrontMatter(yaml, 2, body, i + 2);
            }
        }
        throw new Missing("the front matter block that starts here is never closed", 1,
                "add a line `---` after the last `key: value` line, before the Markdown body");
    }
}
