package dev.answerline.export;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which file of the export holds each URL path, so that a host that answers {@code /x} with {@code x.html}
 * or with {@code x/index.html} finds every page: a page whose path is also a folder of the export
 * ({@code /answers}, {@code /blog}, ...) is {@code x/index.html}, any other page {@code x.html}, the root
 * {@code index.html}. Issue 14: with both {@code answers.html} and {@code answers/}, hosts that look for a
 * folder first listed the folder at {@code /answers} instead of serving the page.
 *
 * @param folders the paths that are folders of the export, such as {@code /answers} and {@code /assets}
 */
record Layout(Set<String> folders) {

    /** The layout of an export that holds these paths (pages, files, redirects). */
    static Layout of(Collection<String> paths) {
        Set<String> folders = new HashSet<>();
        for (String path : paths) {
            for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                folders.add(path.substring(0, slash));
            }
        }
        return new Layout(Set.copyOf(folders));
    }

    /**
     * The file, relative to the export's folder, for a URL path.
     *
     * @param rendered whether the path is a page without a file name ending, which gets {@code .html}
     */
    String fileOf(String path, boolean rendered) {
        if (path.equals("/")) {
            return "index.html";
        }
        if (!rendered) {
            return path.substring(1);
        }
        if (path.endsWith("/")) {
            // a folder's own page, such as the newsletter archive at /newsletter/
            return path.substring(1) + "index.html";
        }
        return path.substring(1) + (folders.contains(path) ? "/index.html" : ".html");
    }
}
