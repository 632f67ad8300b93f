package dev.answerline.sample;

import dev.answerline.AnswerlineException;
import dev.answerline.content.ContentException;
import dev.answerline.content.Slug;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a large site for benchmarks, the same for the same arguments: the demo site's settings,
 * categories, authors, products, blog, pages and answers, and generated answers up to the number asked, each
 * of realistic shape
 * (a 40–60 word direct answer, three takeaways, two related questions, a body of about 600 words in
 * sections, links to other answers, posts and products, and a cited study). The prose is made of the
 * words of the demo's answers, drawn as often as they occur there, so that words are as common or as rare as
 * in real answers, plus the muscle of the question now and then; it reads like filler because it is.
 */
public final class SampleSite {
    private static final String[] MUSCLES = {"calves", "hamstrings", "quads", "glutes", "hip flexors",
        "upper back", "lats", "IT band area", "shins", "feet", "chest", "shoulders", "adductors", "forearms"};
    private static final String[] MOMENTS = {"after a run", "before lifting", "on rest days", "after sitting",
        "in the morning", "before bed", "after cycling", "after a long walk", "between sets", "after hiking",
        "after football", "after yoga", "during travel", "after swimming", "after climbing"};
    private static final String[] STARTS = {"How should you roll your", "Is it good to roll your",
        "How long should you roll your", "Can you roll your", "When should you roll your", "Why do people roll their"};
    /** One word in this many is the answer's topic, the muscle its question names. */
    private static final int TOPIC_EVERY = 25;
    private static final String[] CITATIONS = {
        "[Wiewelhove et al., Frontiers in Physiology, 2019](https://pubmed.ncbi.nlm.nih.gov/31024339/)",
        "[Konrad et al., Sports Medicine, 2022](https://pubmed.ncbi.nlm.nih.gov/35616852/)",
        "[Pearcey et al., Journal of Athletic Training, 2015](https://pubmed.ncbi.nlm.nih.gov/25415413/)"};

    private final Random random;
    /** Every word of the demo's answers, in order, repeats included: drawing from it keeps their frequencies. */
    private final List<String> words;
    private String topic = "";
    private final List<String> categories;
    private final List<String> authors;
    private final List<String> posts;
    private final List<String> products;

    private SampleSite(long seed, Path demo) {
        this.random = new Random(seed);
        this.categories = names(demo.resolve("categories"));
        this.authors = names(demo.resolve("authors"));
        this.posts = names(demo.resolve("blog"));
        this.products = names(demo.resolve("products"));
        this.words = words(demo.resolve("answers"));
    }

    /** The words of the bodies of the answers in {@code folder}, lower-cased, without links' addresses. */
    private static List<String> words(Path folder) {
        List<String> words = new ArrayList<>();
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("[A-Za-z][a-z]+");
        for (String name : names(folder)) {
            try {
                String text = Files.readString(folder.resolve(name + ".md"));
                String body = text.substring(text.indexOf("\n---", 3) + 4).replaceAll("\\]\\([^)]*\\)", " ");
                java.util.regex.Matcher m = word.matcher(body);
                while (m.find()) {
                    words.add(m.group().toLowerCase(java.util.Locale.ROOT));
                }
            } catch (IOException e) {
                throw new ContentException("cannot read " + folder.resolve(name + ".md") + ": "
                        + AnswerlineException.reason(e), "check its permissions", e);
            }
        }
        if (words.isEmpty()) {
            throw new ContentException(folder + " has no answers to take words from",
                    "pass --site with a site that has answers, e.g. the demo");
        }
        return words;
    }

    /**
     * Writes the site into {@code out}, which must not exist or be empty.
     *
     * @param demo the demo site, whose settings and supporting files the sample reuses
     * @throws ContentException when {@code out} is not empty or cannot be written, or the demo has no answers
     */
    public static void write(Path demo, Path out, int answers, long seed) {
        try {
            if (Files.isDirectory(out)) {
                try (Stream<Path> list = Files.list(out)) {
                    if (list.findAny().isPresent()) {
                        throw new ContentException(out + " is not empty", "choose a new folder with --out");
                    }
                }
            }
            copy(demo, out);
            // the demo's own answers stay, so that its posts and products link to pages that exist
            int generated = Math.max(0, answers - names(demo.resolve("answers")).size());
            SampleSite sample = new SampleSite(seed, demo);
            List<String> slugs = new ArrayList<>();
            List<String> questions = new ArrayList<>();
            for (int i = 0; i < generated; i++) {
                String question = STARTS[i % STARTS.length] + " " + MUSCLES[(i / STARTS.length) % MUSCLES.length]
                        + " " + MOMENTS[(i / (STARTS.length * MUSCLES.length)) % MOMENTS.length]
                        + (i >= STARTS.length * MUSCLES.length * MOMENTS.length ? " (part " + (i + 1) + ")" : "") + "?";
                questions.add(question);
                slugs.add(Slug.of(question));
            }
            for (int i = 0; i < generated; i++) {
                Files.writeString(out.resolve("answers").resolve(slugs.get(i) + ".md"),
                        sample.answer(i, questions.get(i), slugs), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ContentException("cannot write the sample site to " + out + ": "
                    + AnswerlineException.describe(e), "choose a writable folder with --out on a disk with room", e);
        }
    }

    private String answer(int i, String question, List<String> slugs) {
        topic = MUSCLES[(i / STARTS.length) % MUSCLES.length];
        String other = slugs.get((i + 1 + random.nextInt(Math.max(1, slugs.size() - 1))) % slugs.size());
        String previous = slugs.get((i + slugs.size() - 1) % slugs.size());
        LocalDate published = LocalDate.of(2024, 1, 1).plusDays(i % 1000);
        StringBuilder text = new StringBuilder("---\n");
        text.append("question: \"").append(question).append("\"\n");
        text.append("description: >-\n  ").append(sentence(20, 22)).append('\n');
        text.append("answer: >-\n  ").append(question.startsWith("Is") || question.startsWith("Can") ? "Yes, " : "")
                .append(sentence(24, 26)).append(' ').append(sentence(20, 22)).append('\n');
        text.append("takeaways:\n");
        for (int t = 0; t < 3; t++) {
            text.append("  - ").append(sentence(9, 12)).append('\n');
        }
        text.append("category: ").append(categories.get(i % categories.size())).append('\n');
        text.append("author: ").append(authors.get(i % authors.size())).append('\n');
        text.append("published: ").append(published).append('\n');
        text.append("reviewed_by: ").append(authors.get((i + 1) % authors.size())).append('\n');
        text.append("reviewed: ").append(published.plusDays(3)).append('\n');
        text.append("bottom_line: >-\n  ").append(sentence(14, 18)).append('\n');
        text.append("related:\n");
        for (int r = 0; r < 2; r++) {
            text.append("  - question: \"").append(capitalised(sentence(6, 8)).replace(".", "?")).append("\"\n");
            text.append("    answer: >-\n      ").append(sentence(10, 14)).append(' ').append(sentence(10, 14))
                    .append('\n');
        }
        text.append("---\n");
        for (int section = 0; section < 5; section++) {
            text.append("## ").append(capitalised(sentence(3, 5)).replace(".", "")).append("\n\n");
            for (int paragraph = 0; paragraph < 2; paragraph++) {
                for (int s = 0; s < 5; s++) {
                    text.append(sentence(9, 14)).append(' ');
                }
                if (section == 1 && paragraph == 0) {
                    text.append("Read [the related answer](/answers/").append(other).append(") and [the one before](/answers/")
                            .append(previous).append(").");
                } else if (section == 2 && paragraph == 0) {
                    text.append("See [our guide](/blog/").append(posts.get(i % posts.size())).append(") and the [")
                            .append("tool we use](/products/").append(products.get(i % products.size())).append(").");
                } else if (section == 3 && paragraph == 0) {
                    text.append("A review found the same: ").append(CITATIONS[i % CITATIONS.length]).append('.');
                }
                text.append("\n\n");
            }
        }
        return text.toString();
    }

    private String sentence(int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder sentence = new StringBuilder();
        for (int w = 0; w < length; w++) {
            if (w > 0) {
                sentence.append(' ');
            }
            sentence.append(random.nextInt(TOPIC_EVERY) == 0 ? topic : words.get(random.nextInt(words.size())));
        }
        return capitalised(sentence.toString()) + ".";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        } catch (IOException e) {
            throw new ContentException("cannot list " + folder + ": " + AnswerlineException.reason(e),
                    "pass --site with a site folder that has answers/, e.g. the demo", e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
