package dev.answerline.render.internal;

import dev.answerline.content.Address;
import dev.answerline.content.Address.Kind;
import dev.answerline.content.Answer;
import dev.answerline.content.BlogPost;
import dev.answerline.content.InfoPage;
import dev.answerline.content.Product;
import dev.answerline.content.Site;
import dev.answerline.content.SiteChange;
import dev.answerline.content.StaticFile;
import dev.answerline.render.Similar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which pages a change of content touches. What every page shows (site.yaml, categories, authors, the
 * titles of pages in the footer) touches everything; a changed answer touches its own page and twin, the
 * files made from all answers, and, when what its cards show or where it is listed changed, the lists and
 * cards that show it. The renderer's update relies on this being complete: a test compares updated pages
 * with a full render after each kind of change.
 */
public final class Dependents {
    private Dependents() {}

    /** Whether the change reaches what every page shows, so that every page must be rendered again. */
    public static boolean wholeSite(SiteChange change) {
        Site old = change.before();
        Site now = change.after();
        return change.config()
                || !old.templates().equals(now.templates())
                || change.touches(Kind.CATEGORY)
                || change.touches(Kind.AUTHOR)
                || !titles(old).equals(titles(now))
                || old.posts().isEmpty() != now.posts().isEmpty()
                || old.products().isEmpty() != now.products().isEmpty()
                || !favicons(old).equals(favicons(now))
                || !listedCategories(old).equals(listedCategories(now))
                || old.today().getYear() != now.today().getYear();
    }

    /**
     * The paths to render again after a change that does not reach every page.
     *
     * @param oldSimilar the similar answers the pages were rendered with
     * @param newSimilar the similar answers of now
     */
    public static Set<String> of(SiteChange change, Similar oldSimilar, Similar newSimilar) {
        Site old = change.before();
        Site now = change.after();
        Set<String> paths = new HashSet<>();
        answers(change, oldSimilar, newSimilar, paths);
        for (String slug : ids(change, Kind.POST)) {
            BlogPost was = post(old, slug);
            BlogPost is = post(now, slug);
            paths.add(Address.of(Kind.POST, slug).path());
            paths.add(Address.of(Kind.BLOG).path());
            paths.add(Feeds.BLOG_RSS);
            paths.add(Feeds.BLOG_ATOM);
            for (BlogPost post : new BlogPost[] {was, is}) {
                if (post != null && post.author() != null) {
                    paths.add(Address.of(Kind.AUTHOR, post.author()).path());
                }
            }
            allFiles(paths);
        }
        for (String slug : ids(change, Kind.PRODUCT)) {
            paths.add(Address.of(Kind.PRODUCT, slug).path());
            paths.add(Address.of(Kind.PRODUCTS).path());
            allFiles(paths);
        }
        for (String slug : ids(change, Kind.PAGE)) {
            paths.add(Address.of(Kind.PAGE, slug).path());
            allFiles(paths);
        }
        return paths;
    }

    /** The ids of a kind added, changed or removed. */
    private static Set<String> ids(SiteChange change, Kind kind) {
        Set<String> ids = new HashSet<>(change.changed(kind));
        ids.addAll(change.removed(kind));
        return ids;
    }

    private static BlogPost post(Site site, String slug) {
        return site.posts().stream().filter(p -> p.slug().equals(slug)).findFirst().orElse(null);
    }

    private static void answers(SiteChange change, Similar oldSimilar, Similar newSimilar, Set<String> paths) {
        Site old = change.before();
        Site now = change.after();
        Set<String> categories = new HashSet<>();
        Set<String> cardChanged = new HashSet<>();
        boolean listed = false;
        for (String slug : ids(change, Kind.ANSWER)) {
            Answer was = old.answer(slug).orElse(null);
            Answer is = now.answer(slug).orElse(null);
            paths.add(Address.of(Kind.ANSWER, slug).path());
            paths.add(Address.of(Kind.ANSWER_MARKDOWN, slug).path());
            if (was == null || is == null || !summary(was).equals(summary(is))) {
                // llms-full.txt and the feeds show the direct answer and takeaways
                paths.add(LlmsText.FULL);
                paths.add(Feeds.ANSWERS_RSS);
                paths.add(Feeds.ANSWERS_ATOM);
            }
            if (was == null || is == null || !card(was).equals(card(is)) || !placement(was).equals(placement(is))) {
                listed = true;
                cardChanged.add(slug);
                allFiles(paths);
                paths.add(Feeds.ANSWERS_RSS);
                paths.add(Feeds.ANSWERS_ATOM);
                for (Answer answer : new Answer[] {was, is}) {
                    if (answer != null) {
                        categories.add(answer.category());
                        paths.add(Address.of(Kind.CATEGORY, answer.category()).path());
                        paths.add(Address.of(Kind.AUTHOR, answer.author()).path());
                        if (answer.reviewedBy() != null) {
                            paths.add(Address.of(Kind.AUTHOR, answer.reviewedBy()).path());
                        }
                    }
                }
            }
        }
        if (listed) {
            paths.add(Address.of(Kind.HOME).path());
            paths.add(Address.of(Kind.ANSWERS).path());
        }
        boxes(old, now, oldSimilar, newSimilar, categories, cardChanged, paths);
    }

    /**
     * Adds the answers whose "More ... Questions" box changed: it shows other answers, or answers whose cards
     * changed. Only answers whose box could have changed are compared: those of the categories of changed
     * answers, those whose editors picked their box, and those whose similar answers changed.
     */
    private static void boxes(Site old, Site now, Similar oldSimilar, Similar newSimilar, Set<String> categories,
            Set<String> cardChanged, Set<String> paths) {
        Map<String, Answer> candidates = new HashMap<>();
        for (String id : categories) {
            dev.answerline.content.Category category = now.category(id);
            if (category != null) {
                now.answersIn(category).forEach(a -> candidates.put(a.slug(), a));
            }
        }
        for (Answer answer : now.answers()) {
            if (!answer.more().isEmpty()
                    || oldSimilar != newSimilar && !oldSimilar.to(answer.slug()).equals(newSimilar.to(answer.slug()))) {
                candidates.put(answer.slug(), answer);
            }
        }
        for (Answer answer : candidates.values()) {
            Answer was = old.answer(answer.slug()).orElse(null);
            if (was == null || paths.contains(answer.path())) {
                continue;
            }
            List<String> shown = slugs(MoreCards.of(now, newSimilar, answer));
            if (!shown.equals(slugs(MoreCards.of(old, oldSimilar, was)))
                    || shown.stream().anyMatch(cardChanged::contains)) {
                paths.add(answer.path());
            }
        }
    }

    private static List<String> slugs(List<Answer> answers) {
        return answers.stream().map(Answer::slug).toList();
    }



    /** The files made from all content: the sitemap and llms.txt. */
    private static void allFiles(Set<String> paths) {
        paths.add(Sitemaps.SITEMAP);
        paths.add(LlmsText.INDEX);
        paths.add(LlmsText.FULL);
    }


    /** What a card of an answer shows. */
    private static List<String> card(Answer answer) {
        return List.of(answer.path(), answer.question(), answer.description());
    }

    /** What llms-full.txt and the feeds say of an answer besides its card. */
    private static List<Object> summary(Answer answer) {
        return List.of(answer.answer(), answer.takeaways(), answer.author(), answer.lastModified());
    }

    /** Where an answer is listed, and in which order. */
    private static List<Object> placement(Answer answer) {
        return List.of(answer.category(), answer.author(), String.valueOf(answer.reviewedBy()), answer.published(),
                answer.lastModified());
    }


    private static List<List<String>> titles(Site site) {
        return site.pages().stream().map(p -> List.of(p.slug(), p.title())).toList();
    }

    private static List<String> favicons(Site site) {
        return site.staticFiles().stream().map(StaticFile::path).filter(p -> p.startsWith("/favicon.")).toList();
    }

    private static List<String> listedCategories(Site site) {
        return site.categories().stream().filter(c -> !site.answersIn(c).isEmpty()).map(c -> c.id()).toList();
    }
}
