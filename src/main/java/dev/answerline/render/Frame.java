package dev.answerline.render;

import dev.answerline.content.Problem;
import dev.answerline.render.internal.Views;
import java.util.List;

/** Renders the pages made at request time in the site's frame: messages, problems, search results. */
final class Frame {
    private final Views views;
    private final Templates templates;
    /** For a frame made once the site has loaded: what makes it. */
    private final java.util.function.Supplier<Frame> later;
    private volatile Frame made;

    Frame(Views views, Templates templates) {
        this.views = views;
        this.templates = templates;
        this.later = null;
    }

    private Frame(java.util.function.Supplier<Frame> later) {
        this.views = null;
        this.templates = null;
        this.later = later;
    }

    /**
     * A frame made when first used: the pages of a site restored from a snapshot are served before the site has
     * loaded, and only the pages made at request time (on their lanes) need it, and wait for it.
     */
    static Frame later(java.util.function.Supplier<Frame> make) {
        return new Frame(make);
    }

    private Frame frame() {
        if (later == null) {
            return this;
        }
        Frame frame = made;
        if (frame == null) {
            // racing threads may both make it; each is complete and equal
            frame = later.get();
            made = frame;
        }
        return frame;
    }

    String message(Message message) {
        Frame frame = frame();
        return Plan.render(frame.templates, "message", frame.views.message(message), "a message page");
    }

    String problems(List<Problem> found) {
        Frame frame = frame();
        return Plan.render(frame.templates, "problems", frame.views.problems(found), "a page of problems");
    }

    String search(SearchPage page) {
        Frame frame = frame();
        return Plan.render(frame.templates, "search", frame.views.search(page), "the search page");
    }
}
