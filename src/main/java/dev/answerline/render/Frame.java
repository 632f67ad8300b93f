package dev.answerline.render;

import dev.answerline.content.Problem;
import dev.answerline.render.internal.Views;
import java.util.List;

/** Renders the pages made at request time in the site's frame: messages, problems, search results. */
final class Frame {
    private final Views views;
    private final Templates templates;

    Frame(Views views, Templates templates) {
        this.views = views;
        this.templates = templates;
    }

    String message(Message message) {
        return Plan.render(templates, "message", views.message(message), "a message page");
    }

    String problems(List<Problem> found) {
        return Plan.render(templates, "problems", views.problems(found), "a page of problems");
    }

    String search(SearchPage page) {
        return Plan.render(templates, "search", views.search(page), "the search page");
    }
}
