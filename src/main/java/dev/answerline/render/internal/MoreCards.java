package dev.answerline.render.internal;

import dev.answerline.content.Answer;
import dev.answerline.content.Category;
import dev.answerline.content.Site;
import dev.answerline.render.Similar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which answers the "More ... Questions" box of an answer shows: those its editor picked, then the most
 * similar of its category, then the newest of its category. The page and the preview's update both ask
 * here, so that an update re-renders exactly the pages whose box changed.
 */
public final class MoreCards {
    /** Cards in the box. */
    public static final int COUNT = 4;

    private MoreCards() {}

    public static List<Answer> of(Site site, Similar similar, Answer answer) {
        List<Answer> cards = new ArrayList<>(COUNT);
        for (String slug : answer.more()) {
            add(cards, answer, find(site, slug));
        }
        Category category = site.category(answer.category());
        for (String slug : similar.to(answer.slug())) {
            // a preview's similarities may lag behind a move to another category
            find(site, slug).filter(a -> a.category().equals(answer.category())).ifPresent(a -> add(cards, answer,
                    Optional.of(a)));
        }
        if (category != null) {
            for (Answer newest : site.answersIn(category)) {
                if (cards.size() >= COUNT) {
                    break;
                }
                add(cards, answer, Optional.of(newest));
            }
        }
        return cards;
    }

    private static Optional<Answer> find(Site site, String slug) {
        Optional<Answer> found = site.answer(slug);
        if (found.isEmpty() && site.aliases().containsKey(slug)) {
            found = site.answer(site.aliases().get(slug));
        }
        return found;
    }

    private static void add(List<Answer> cards, Answer self, Optional<Answer> candidate) {
        if (cards.size() >= COUNT || candidate.isEmpty()) {
            return;
        }
        String slug = candidate.get().slug();
        if (!slug.equals(self.slug()) && cards.stream().noneMatch(card -> card.slug().equals(slug))) {
            cards.add(candidate.get());
        }
    }
}
