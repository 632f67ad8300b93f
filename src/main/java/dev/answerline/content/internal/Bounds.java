package dev.answerline.content.internal;

import dev.answerline.content.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a site's files inside its folder. A symbolic link in the site folder may point anywhere: one
 * committed link ({@code static/x.db -> ../data/answerline.db}, {@code static/leak.txt -> /etc/passwd})
 * would publish whatever it points at. Links are allowed only where their target could have been put in
 * their place anyway: content files must stay in the site folder, static files in {@code static/}, which is
 * published whole. Links to folders are not followed, except a content kind's folder ({@code answers/})
 * linked to a folder inside the site.
 */
public final class Bounds {
    private final Path root;

    private Bounds(Path root) {
        this.root = root;
    }

    /**
     * The bounds of a site folder.
     *
     * @throws IOException when the folder cannot be resolved
     */
    public static Bounds of(Path siteDir) throws IOException {
        return new Bounds(siteDir.toRealPath());
    }

    /**
     * Null when {@code file} (the site folder's path to it, not resolved) is not a link, or is a link to a
     * file inside {@code within}; otherwise the problem, reported at {@code relative}.
     *
     * @param within a folder of the site, as the site folder's path to it
     */
    public Problem escape(Path file, String relative, Path within) {
        return escape(file, relative, within, false);
    }

    /** As {@link #escape(Path, String, Path)} for a kind's folder, which may link to a folder in the site. */
    public Problem escapeFolder(Path folder, String relative) {
        return escape(folder, relative, root, true);
    }

    private Problem escape(Path file, String relative, Path within, boolean folder) {
        if (!Files.isSymbolicLink(file)) {
            return null;
        }
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            return Problem.error(relative, 0, "broken-link", "is a link to " + linkText(file)
                    + ", which does not exist", "delete the link, or copy the file in in its place");
        }
        Path allowed = real(within);
        boolean directory = Files.isDirectory(target);
        if (!target.startsWith(allowed)) {
            String kind = directory ? "folder" : "file";
            String where = target.startsWith(root)
                    ? "the " + kind + " " + name(target) + ", outside " + name(allowed) + "/"
                    : "a " + kind + " outside the site folder";
            return Problem.error(relative, 0, "outside-link", "links to " + where, "copy the " + kind + " in instead");
        }
        if (directory != folder) {
            return directory
                    ? Problem.error(relative, 0, "linked-folder", "is a link to a folder, which is not followed",
                            "copy the folder in instead of linking to it")
                    : Problem.error(relative, 0, "linked-file", "is a link to a file where a folder belongs",
                            "replace the link with a folder");
        }
        return null;
    }

    private String name(Path inSite) {
        return root.relativize(inSite).toString().replace('\\', '/');
    }

    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    private static String linkText(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a missing file";
        }
    }
}
