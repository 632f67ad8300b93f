package dev.answerline.language;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every text the engine itself puts on a page, in an email or in a file for readers outside the site (the
 * site's own texts come from site.yaml and the content). Each has a key, by which {@code strings:} in
 * site.yaml overrides it and the bundled {@code labels_LANGUAGE.properties} translate it, and the names of
 * the {@code {placeholders}} its text may use. A label that depends on a count has two texts, {@code KEY.one}
 * and {@code KEY.other}, and its first placeholder is {@code count}.
 */
public enum Label {
    // the frame of every page
    SKIP_LINK("frame.skip_link"),
    MAIN_NAV("frame.main_nav"),
    SITE("frame.site"),
    CATEGORIES_NAV("frame.categories_nav"),
    QUESTIONS_BY_TOPIC("frame.questions_by_topic"),
    HOME("frame.home"),
    ANSWERS("frame.answers"),
    ALL_QUESTIONS("frame.all_questions"),
    AUTHORS("frame.authors"),
    BLOG("frame.blog"),
    PRODUCTS("frame.products"),
    ABOUT("frame.about"),
    BREADCRUMB("frame.breadcrumb"),
    FEED_ANSWERS("frame.feed_answers", "title"),
    FEED_BLOG("frame.feed_blog", "title"),
    SITE_SUMMARY("frame.site_summary", "brand"),

    // bylines of answers and blog posts
    BY("byline.by"),
    PUBLISHED("byline.published"),
    UPDATED("byline.updated"),
    REVIEWED_BY("byline.reviewed_by"),
    REVIEWED_ON("byline.reviewed_on"),

    // the answer page
    DIRECT_ANSWER("answer.direct_answer"),
    KEY_TAKEAWAYS("answer.key_takeaways"),
    RELATED_QUESTIONS("answer.related_questions"),
    BOTTOM_LINE("answer.bottom_line"),
    MORE_QUESTIONS("answer.more_questions", "category"),
    DISCLAIMER("answer.disclaimer"),
    MEDICAL_DISCLAIMER("answer.medical_disclaimer"),
    READ_DISCLAIMER("answer.read_disclaimer"),
    READ_MEDICAL_DISCLAIMER("answer.read_medical_disclaimer"),

    // the author box and author pages
    ABOUT_THE_AUTHOR("author.about"),
    AUTHOR_STORY("author.story", "name"),
    ANSWERS_BY("author.answers_by", "name"),
    ANSWERS_REVIEWED_BY("author.answers_reviewed_by", "name"),
    POSTS_BY("author.posts_by", "name"),

    // listing pages
    HOME_DESCRIPTION("home.description", "brand"),
    BROWSE_ALL("home.browse_all"),
    TOPICS("home.topics"),
    LATEST_ANSWERS("home.latest_answers"),
    ALL_QUESTIONS_LEAD("all.lead", true, "count", "brand"),
    ALL_QUESTIONS_DESCRIPTION("all.description", "title"),
    CATEGORY_TITLE("category.title", "category"),
    CATEGORY_COUNT("category.count", true, "count"),
    AUTHORS_DESCRIPTION("authors.description", "title"),
    AUTHORS_LEAD("authors.lead"),
    AUTHORS_SECTION("authors.section"),
    BLOG_LEAD("blog.lead", "brand"),
    BLOG_SECTION("blog.section"),
    PRODUCTS_LEAD("products.lead", "brand"),
    PRODUCTS_SECTION("products.section"),
    BUY("product.buy", "product"),
    // named as the values of Product.Availability, by which the product page finds them
    IN_STOCK("product.in_stock"),
    OUT_OF_STOCK("product.out_of_stock"),
    PREORDER("product.preorder"),
    PRESALE("product.presale"),
    BACKORDER("product.backorder"),
    LIMITED_AVAILABILITY("product.limited_availability"),
    SOLD_OUT("product.sold_out"),
    DISCONTINUED("product.discontinued"),
    MADE_TO_ORDER("product.made_to_order"),
    ONLINE_ONLY("product.online_only"),
    IN_STORE_ONLY("product.in_store_only"),

    // the 404 page and the preview's page of problems
    NOT_FOUND_TITLE("notfound.title"),
    NOT_FOUND_DESCRIPTION("notfound.description", "title"),
    NOT_FOUND_HEADING("notfound.heading"),
    NOT_FOUND_LEAD("notfound.lead"),
    PROBLEMS_TITLE("problems.title"),
    PROBLEMS_HEADING("problems.heading"),
    PROBLEMS_FIX("problems.fix"),

    // search: the box, the page, the suggestions, the notices
    SEARCH("search.search"),
    SEARCH_TITLE("search.title"),
    SEARCH_PLACEHOLDER("search.placeholder"),
    SEARCH_DESCRIPTION("search.description", "title"),
    SEARCH_HEADLINE("search.headline", "query"),
    SEARCH_PAGE_PLACEHOLDER("search.page_placeholder"),
    SEARCH_INTRO("search.intro"),
    SEARCH_NONE("search.none", "query"),
    SEARCH_NONE_HELP("search.none_help"),
    SEARCH_CLOSEST("search.closest"),
    SEARCH_RESULTS("search.results", true, "count", "query"),
    SEARCH_OTHERS("search.others"),
    SEARCH_BLOG_POST("search.blog_post"),
    SEARCH_PRODUCT("search.product"),
    SEARCH_SHORTENED_CHARACTERS("search.shortened_characters", "count"),
    SEARCH_SHORTENED_WORDS("search.shortened_words", "count"),
    SEARCH_UNREADABLE("search.unreadable"),
    SUGGESTIONS("search.suggestions"),
    SUGGESTIONS_ALL("search.suggestions_all", "query"),
    SUGGESTIONS_NONE("search.suggestions_none"),
    SUGGESTIONS_COUNT("search.suggestions_count", true, "count"),
    SEARCH_TOOL("search.tool"),
    SEARCH_TOOL_QUERY("search.tool_query"),

    // the newsletter block
    NEWSLETTER_EMAIL("newsletter.email"),
    NEWSLETTER_PLACEHOLDER("newsletter.placeholder"),
    NEWSLETTER_BUTTON("newsletter.button"),
    NEWSLETTER_HONEYPOT("newsletter.honeypot"),
    NEWSLETTER_SUCCESS("newsletter.success"),
    NEWSLETTER_FAILURE("newsletter.failure"),
    NEWSLETTER_TOOL("newsletter.tool"),
    NEWSLETTER_TOOL_EMAIL("newsletter.tool_email"),
    NEWSLETTER_TOOL_HONEYPOT("newsletter.tool_honeypot"),

    // the newsletter's pages
    THANKS("newsletter.thanks"),
    FAILED_TITLE("newsletter.failed_title"),
    FAILED_HEADING("newsletter.failed_heading"),
    BACK_TO_PAGE("newsletter.back_to_page"),
    CONFIRM_TITLE("newsletter.confirm_title"),
    CONFIRM_TEXT("newsletter.confirm_text", "brand", "email"),
    CONFIRM_BUTTON("newsletter.confirm_button"),
    CONFIRMED_TITLE("newsletter.confirmed_title"),
    CONFIRMED_HEADING("newsletter.confirmed_heading"),
    CONFIRMED_TEXT("newsletter.confirmed_text", "brand"),
    LATEST_ANSWERS_LINK("newsletter.latest_answers"),
    UNSUBSCRIBE("newsletter.unsubscribe"),
    /** A newsletter issue's link to its web version. */
    ISSUE_WEB_VERSION("newsletter.issue_web_version"),
    /** An answer card's link in a newsletter issue. */
    ISSUE_READ_ANSWER("newsletter.issue_read_answer"),
    /** The archive of sent newsletter issues, its title and lead. */
    ISSUES("newsletter.issues"),
    ISSUES_LEAD("newsletter.issues_lead", "brand"),
    /** The title of the archive's RSS feed. */
    FEED_ISSUES("newsletter.feed_issues", "title"),
    UNSUBSCRIBE_HEADING("newsletter.unsubscribe_heading"),
    UNSUBSCRIBE_TEXT("newsletter.unsubscribe_text", "brand"),
    UNSUBSCRIBED_TITLE("newsletter.unsubscribed_title"),
    UNSUBSCRIBED_HEADING("newsletter.unsubscribed_heading"),
    UNSUBSCRIBED_TEXT("newsletter.unsubscribed_text", "brand"),
    BACK_TO_ANSWERS("newsletter.back_to_answers"),
    EXPIRED_TITLE("newsletter.expired_title"),
    EXPIRED_HEADING("newsletter.expired_heading"),
    EXPIRED_CONFIRMATION("newsletter.expired_confirmation"),
    EXPIRED_UNSUBSCRIBE("newsletter.expired_unsubscribe"),
    GO_HOME("newsletter.go_home"),

    // the newsletter's emails
    CONFIRM_SUBJECT("email.confirm_subject", "brand"),
    CONFIRM_EMAIL_HEADING("email.confirm_heading"),
    CONFIRM_EMAIL_ASKED("email.confirm_asked", "brand", "page"),
    CONFIRM_EMAIL_PRESS("email.confirm_press"),
    CONFIRM_EMAIL_BUTTON("email.confirm_button"),
    CONFIRM_EMAIL_NOTE("email.confirm_note"),
    WELCOME_SUBJECT("email.welcome_subject", "brand"),
    WELCOME_HEADING("email.welcome_heading"),
    WELCOME_THANKS("email.welcome_thanks", "brand"),
    WELCOME_NOTE("email.welcome_note"),

    // what AI assistants read: llms.txt, llms-full.txt and the Markdown twins
    LLMS_INTRO("llms.intro", "brand", "url"),
    LLMS_BY("llms.by", "author", "date"),
    LLMS_TAKEAWAYS("llms.takeaways"),
    TWIN_CATEGORY("llms.category"),
    TWIN_AUTHOR("llms.author"),
    TWIN_PUBLISHED("llms.published"),
    TWIN_UPDATED("llms.updated"),
    TWIN_REVIEWED("llms.reviewed"),
    TWIN_DISCLAIMER("llms.disclaimer");

    private static final Map<String, Label> BY_KEY = byKey();

    private final String key;
    private final boolean counted;
    private final List<String> placeholders;

    Label(String key, String... placeholders) {
        this(key, false, placeholders);
    }

    Label(String key, boolean counted, String... placeholders) {
        this.key = key;
        this.counted = counted;
        this.placeholders = List.of(placeholders);
    }

    /** The key in site.yaml's {@code strings:} and in the bundles, without {@code .one}/{@code .other}. */
    public String key() {
        return key;
    }

    /** Whether the text depends on a count: {@code KEY.one} for one, {@code KEY.other} for other counts. */
    public boolean counted() {
        return counted;
    }

    /** The names of the {@code {placeholders}} the text may use, in the order values are given. */
    public List<String> placeholders() {
        return placeholders;
    }

    /** The keys of this label's texts: its key, or {@code KEY.one} and {@code KEY.other}. */
    public List<String> textKeys() {
        return counted ? List.of(key + ".one", key + ".other") : List.of(key);
    }

    /** Every key a text can be given by, in the order of this enum. */
    public static List<String> allTextKeys() {
        return Arrays.stream(values()).flatMap(l -> l.textKeys().stream()).toList();
    }

    /** The label of a text key ({@code search.results.one} is {@link #SEARCH_RESULTS}). */
    public static Optional<Label> ofTextKey(String textKey) {
        Label label = BY_KEY.get(textKey);
        if (label == null && textKey.endsWith(".one")) {
            label = BY_KEY.get(textKey.substring(0, textKey.length() - ".one".length()));
        } else if (label == null && textKey.endsWith(".other")) {
            label = BY_KEY.get(textKey.substring(0, textKey.length() - ".other".length()));
        }
        return label != null && label.textKeys().contains(textKey) ? Optional.of(label) : Optional.empty();
    }

    private static Map<String, Label> byKey() {
        Map<String, Label> map = new LinkedHashMap<>();
        for (Label label : values()) {
            map.put(label.key, label);
        }
        return Map.copyOf(map);
    }
}
