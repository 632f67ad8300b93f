package dev.answerline.importing;

/**
 * Something an import could not carry over as it was, where it is in the source and what to do about it.
 *
 * @param where the source file, relative to what was imported, with its line or element: {@code export.xml:88}
 * @param what what was left out or changed
 * @param fix what the editor can do
 */
public record Finding(String where, String what, String fix) {
    @Override
    public String toString() {
        return where + ": " + what + " — " + fix;
    }
}
