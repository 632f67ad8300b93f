package dev.answerline.check;

/**
 * What {@code check} tells an editor about the site as a whole that is neither an error nor advice on a file:
 * rules it leaves off, and why. Printed as {@code file:line: note: text}; it does not change the exit status.
 */
public record Note(String file, int line, String text) {
    @Override
    public String toString() {
        return file + ":" + line + ": note: " + text;
    }
}
