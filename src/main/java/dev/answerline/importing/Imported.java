package dev.answerline.importing;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import read from another tool, before it is written as a site: each item says where it came from
 * ({@code from}: the source file, with a line or element), so that the report can say what became what.
 *
 * @param origin the site the items came from, for a new site.yaml
 * @param findings what could not be carried over as it was
 */
public record Imported(Origin origin, List<Answer> answers, List<Post> posts, List<Page> pages, List<Author> authors,
        List<Category> categories, List<Media> media, List<Finding> findings) {
    public Imported {
        answers = List.copyOf(answers);
        posts = List.copyOf(posts);
        pages = List.copyOf(pages);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        media = List.copyOf(media);
        findings = List.copyOf(findings);
    }

    /**
     * The imported site as a whole.
     *
     * @param name its title, or null
     * @param baseUrl where it was served ({@code https://example.com}), or null
     * @param language its language tag, or null
     */
    public record Origin(String name, String baseUrl, String language) {}

    /** A question and its short answer, shown under Related Questions. */
    public record Related(String question, String answer) {}

    /**
     * An answer page. Fields the source did not have are null (or empty lists); {@code derived} names the
     * required ones the import made up from the body, which an editor should read before publishing.
     *
     * @param aliases old slugs or old site paths ({@code /2023/05/x/}) that should answer 301 with this answer
     * @param body Markdown
     */
    public record Answer(String from, String slug, String question, String description, String answer,
            List<String> takeaways, String category, String author, LocalDate published, LocalDate updated,
            String bottomLine, List<Related> related, List<String> aliases, String body, List<String> derived,
            boolean draft) {
        public Answer {
            takeaways = List.copyOf(takeaways);
            related = List.copyOf(related);
            aliases = List.copyOf(aliases);
            derived = List.copyOf(derived);
        }
    }

    /** A blog post; {@code aliases} as an answer's. */
    public record Post(String from, String slug, String title, String description, String author,
            LocalDate published, LocalDate updated, List<String> aliases, String body, boolean draft) {
        public Post {
            aliases = List.copyOf(aliases);
        }
    }

    /** A page such as About; {@code slug} is its path without the slash; {@code aliases} as an answer's. */
    public record Page(String from, String slug, String title, String description, List<String> aliases, String body,
            boolean draft) {
        public Page {
            aliases = List.copyOf(aliases);
        }
    }

    /** A person; {@code id} is the file name the answers refer to. */
    public record Author(String id, String name) {}

    /**
     * A category of answers.
     *
     * @param oldPaths the addresses of the source's category pages that are now this one, for links to them
     */
    public record Category(String id, String name, String description, List<String> oldPaths) {
        public Category {
            oldPaths = List.copyOf(oldPaths);
        }
    }

    /** A file the source refers to that is not in it: a picture to download, or taken from {@code --media}. */
    public record Media(String url, String usedBy) {}
}
