package dev.answerline.render;

import java.util.Map;

/**
 * A short page made at request time by the dynamic features: the result of a signup, a Confirm or an
 * Unsubscribe button. Rendered in the site's frame by {@link Pages#message(Message)}, never indexed.
 *
 * @param action a form with one button, or null
 * @param link a link onwards, or null
 */
public record Message(String title, String heading, String text, Action action, Link link) {

    /** A POST form with hidden fields and one button. */
    public record Action(String url, Map<String, String> fields, String button) {

        public Action {
            fields = Map.copyOf(fields);
        }
    }

    public record Link(String label, String href) {}
}
