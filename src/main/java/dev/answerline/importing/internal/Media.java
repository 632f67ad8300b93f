package dev.answerline.importing.internal;

import dev.answerline.importing.Imported;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The pictures and files an import refers to. Nothing is downloaded: a file found in the {@code --media}
 * folder (by its path after {@code /uploads/}, its whole path, or its name) is copied under
 * {@code static/media/} and the bodies link to it there; the others are listed for the editor to fetch.
 */
public final class Media {
    /** Larger files are listed, not copied: a picture for the web is well under it. */
    static final long MAX_BYTES = 20 << 20;
    private static final String UPLOADS = "/uploads/";

    /** The import with its bodies linking to the copies, the copies by site path, and what is still to fetch. */
    public record Taken(Imported imported, Map<String, byte[]> files, List<String> copied, List<String> toFetch) {}

    private Media() {}

    public static Taken take(Imported imported, Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> moved = new LinkedHashMap<>();
        List<String> copied = new ArrayList<>();
        List<String> toFetch = new ArrayList<>();
        Path root = null;
        if (folder != null) {
            try {
                root = folder.toRealPath();
            } catch (IOException e) {
                throw new dev.answerline.importing.ImportException("the media folder " + folder + " cannot be read: "
                        + e.getMessage(), "give the folder the media files were downloaded into", e);
            }
        }
        for (Imported.Media media : imported.media()) {
            String path = pathOf(media.url());
            Path found = root == null || path == null ? null : find(root, path);
            if (found == null) {
                toFetch.add(media.url() + " (used by " + media.usedBy() + ")");
                continue;
            }
            try {
                String relative = safe(path.contains(UPLOADS) ? path.substring(path.indexOf(UPLOADS) + UPLOADS.length())
                        : found.getFileName().toString());
                files.put("static/media/" + relative, Files.readAllBytes(found));
                moved.put(media.url(), "/media/" + relative);
                if (!media.url().equals(path)) {
                    moved.put(path, "/media/" + relative);
                }
                copied.add("/media/" + relative + " <- " + root.relativize(found));
            } catch (IOException e) {
                toFetch.add(media.url() + " (" + found + " cannot be read: " + e.getMessage() + ")");
            }
        }
        UnaryOperator<String> relink = body -> {
            if (body == null) {
                return null;
            }
            String text = body;
            for (Map.Entry<String, String> move : moved.entrySet()) {
                text = text.replace("(" + move.getKey() + ")", "(" + move.getValue() + ")")
                        .replace("(" + move.getKey() + " ", "(" + move.getValue() + " ");
            }
            return text;
        };
        if (moved.isEmpty()) {
            return new Taken(imported, files, copied, toFetch);
        }
        List<Imported.Answer> answers = imported.answers().stream().map(a -> new Imported.Answer(a.from(), a.slug(),
                a.question(), a.description(), a.answer(), a.takeaways(), a.category(), a.author(), a.published(),
                a.updated(), a.bottomLine(), a.related(), a.aliases(), relink.apply(a.body()), a.derived(), a.draft()))
                .toList();
        List<Imported.Post> posts = imported.posts().stream().map(p -> new Imported.Post(p.from(), p.slug(), p.title(),
                p.description(), p.author(), p.published(), p.updated(), p.aliases(), relink.apply(p.body()), p.draft()))
                .toList();
        List<Imported.Page> pages = imported.pages().stream().map(p -> new Imported.Page(p.from(), p.slug(), p.title(),
                p.description(), p.aliases(), relink.apply(p.body()), p.draft())).toList();
        return new Taken(new Imported(imported.origin(), answers, posts, pages, imported.authors(),
                imported.categories(), imported.media(), imported.findings()), files, copied, toFetch);
    }

    private static String pathOf(String url) {
        try {
            String path = new URI(url.strip()).getPath();
            return path == null || path.isEmpty() ? null : path;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The file for {@code path} in {@code root}: never one outside it, never through a link. */
    private static Path find(Path root, String path) {
        List<String> candidates = new ArrayList<>();
        if (path.contains(UPLOADS)) {
            candidates.add(path.substring(path.indexOf(UPLOADS) + UPLOADS.length()));
        }
        candidates.add(path.replaceFirst("^/+", ""));
        candidates.add(path.substring(path.lastIndexOf('/') + 1));
        for (String candidate : candidates) {
            if (candidate.isEmpty()) {
                continue;
            }
            Path file = root.resolve(candidate).normalize();
            try {
                if (file.startsWith(root) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && file.toRealPath().startsWith(root) && Files.size(file) <= MAX_BYTES) {
                    return file;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return null;
    }

    /** A relative path whose every part is a plain file name. */
    private static String safe(String relative) {
        List<String> parts = new ArrayList<>();
        for (String part : relative.split("/")) {
            String clean = part.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[.-]+", "");
            if (!clean.isEmpty()) {
                parts.add(clean);
            }
        }
        return parts.isEmpty() ? "file" : String.join("/", parts);
    }
}
