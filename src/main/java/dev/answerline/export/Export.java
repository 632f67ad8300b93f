package dev.answerline.export;

import dev.answerline.AnswerlineException;
import dev.answerline.content.Site;
import dev.answerline.render.Page;
import dev.answerline.render.Pages;
import dev.answerline.render.CompressionCache;
import dev.answerline.render.Renderer;
import dev.answerline.render.Similar;
import dev.answerline.server.SecurityHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import dev.answerline.render.Renderer.Options;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Renders a site straight into a folder any web server can host with the same URLs: {@code /answers/x} is
 * {@code answers/x.html}, a page whose path is also a folder is {@code x/index.html} ({@code /answers} is
 * {@code answers/index.html}), {@code /} is {@code index.html} (see {@link Layout}); text files get a
 * {@code .gz} twin for servers that send precompressed files when asked ({@code build --gzip}: nginx's
 * {@code gzip_static}; other hosts compress on their own); old slugs get redirect pages plus a
 * {@code _redirects} file and {@value #NGINX_REDIRECTS} for nginx; {@code _headers} carries the security
 * headers and the cache rule of the fingerprinted assets for hosts that read it.
 *
 * <p>nginx: the server block in README.md ("Hosting the static export"), which NginxHostingTest runs.
 */
public final class Export {
    /** Marks a folder as ours, so a rebuild may empty it; any other non-empty folder is left alone. */
    static final String MARKER = ".answerline-export";
    /** The old slugs as nginx {@code location} blocks, for the README's server block to include. */
    static final String NGINX_REDIRECTS = "nginx-redirects.conf";
    private static final String MARKER_TEXT = "written by answerline build; the next build replaces this folder\n";
    /** The line of the marker naming the build that wrote the folder, which its state names too. */
    static final String BUILD = "build ";

    private Export() {}

    /** Result of an export. */
    public record Summary(int files, Path dir) {}

    /**
     * Renders the site and writes each page as soon as it is rendered, with its {@code .gz} twin, replacing an
     * earlier export in {@code out}: no page is kept, so a site of any size is exported in little memory.
     *
     * @param similar the answers most like each answer, for the "More ... Questions" boxes
     * @param subscribers the count shown in newsletter blocks of the exported pages
     * @throws ExportException when {@code out} is a file, holds other files or cannot be written
     */
    public static Summary write(Site site, Similar similar, Path out, long subscribers) {
        return write(site, similar, out, subscribers, java.util.Map.of());
    }

    /**
     * As {@link #write(Site, Similar, Path, long)}, with the web versions of the newsletter issues sent so far.
     *
     * @param sent the sent issues by slug, with the time each was queued
     */
    public static Summary write(Site site, Similar similar, Path out, long subscribers,
            java.util.Map<String, java.time.Instant> sent) {
        return write(site, similar, out, subscribers, sent, CompressionCache.NONE);
    }

    /**
     * As {@link #write(Site, Similar, Path, long, java.util.Map)}, taking the gzip encodings of pages whose
     * bytes were seen before from {@code compression}.
     */
    public static Summary write(Site site, Similar similar, Path out, long subscribers,
            java.util.Map<String, java.time.Instant> sent, CompressionCache compression) {
        try {
            return writeAll(site, Renderer.Options.export(similar).withSent(sent).with(compression), out, subscribers,
                    null, new java.util.ArrayList<>(), true);
        } catch (IOException | UncheckedIOException e) {
            throw new ExportException("cannot write the site to " + out + ": " + AnswerlineException.describe(e),
                    "check that the folder is writable and the disk has room", e);
        }
    }

    /**
     * What {@link #build} did.
     *
     * @param site the site as loaded, whose problems the caller reports
     * @param touched how many pages were rendered again because an edit touched them, or -1 when every page was
     */
    public record Built(Site site, Summary summary, int touched) {}

    /**
     * Loads the site in {@code siteDir} and writes it into {@code out}, doing again only what changed since the
     * last build into the same folder when {@code dataDir} keeps what that build left (see {@link Rebuild}):
     * only the edited answers are parsed, and when nothing but answers changed, only the pages they touch are
     * rendered and written. The output is the same, byte for byte, as a build from nothing.
     *
     * @param dataDir the data folder, or null (or a folder that does not exist) to build from nothing
     * @param sent the sent newsletter issues by slug, with the time each was queued
     * @param gzip whether to write a {@code .gz} twin next to every text file, taking the encodings of pages
     *     seen before from {@code compression}
     */
    public static Built build(Path siteDir, Path out, Path dataDir, LocalDate today, Map<String, Instant> sent,
            CompressionCache compression, boolean gzip) {
        try {
            return new Rebuild(siteDir, out, dataDir, today, sent, compression, gzip).run();
        } catch (IOException | UncheckedIOException e) {
            throw new ExportException("cannot write the site to " + out + ": " + AnswerlineException.describe(e),
                    "check that the folder is writable and the disk has room", e);
        }
    }

    /** Writes every page into {@code out}, emptied first; the layout of every path and the count of files. */
    static Summary writeAll(Site site, Options options, Path out, String buildId, List<String> pathsOut,
            boolean gzip) throws IOException {
        return writeAll(site, options, out, 0, buildId, pathsOut, gzip);
    }

    /**
     * As {@link #writeAll(Site, Options, Path, String, List)}, with {@code subscribers} in the newsletter blocks.
     *
     * @param buildId the build the marker names, or null for none
     * @param pathsOut given every page path and old slug, as {@link #pathsOf} lists them
     * @param gzip whether text files get a {@code .gz} twin
     */
    private static Summary writeAll(Site site, Options options, Path out, long subscribers, String buildId,
            List<String> pathsOut, boolean gzip) throws IOException {
        prepare(out);
        AtomicReference<Layout> layout = new AtomicReference<>();
        Pages frame = Renderer.each(site, options, (pages, paths) -> {
            pathsOut.addAll(pathsOf(paths, pages));
            Layout files = Layout.of(Stream.concat(paths.stream(), pages.redirects().keySet().stream()).toList());
            layout.set(files);
            String slot = pages.slot(subscribers);
            return page -> writePage(out, page, slot, files.fileOf(page.path(), page.isRendered()), gzip);
        });
        finish(frame, layout.get(), out, frame.slot(subscribers), gzip, site.config().insightsEndpoint(), buildId);
        return count(out);
    }

    /**
     * Writes the pages at {@code touched} over an earlier build in {@code out}, if the site still has the same
     * paths ({@code paths}, as {@link #pathsOf} gives them); else writes nothing and returns null.
     */
    static Summary writeTouched(Site site, Options options, Path out, Set<String> touched, List<String> paths,
            int files, String buildId, boolean gzip) throws IOException {
        AtomicReference<Layout> layout = new AtomicReference<>();
        AtomicReference<Pages> framed = new AtomicReference<>();
        // the marker first loses its build id: a build cut short here leaves a folder no state describes
        Files.writeString(out.resolve(MARKER), MARKER_TEXT);
        Pages frame = Renderer.each(site, options, touched, (pages, all) -> {
            framed.set(pages);
            if (!pathsOf(all, pages).equals(paths)) {
                return page -> { };
            }
            Layout known = Layout.of(Stream.concat(all.stream(), pages.redirects().keySet().stream()).toList());
            layout.set(known);
            String slot = pages.slot(0);
            return page -> writePage(out, page, slot, known.fileOf(page.path(), page.isRendered()), gzip);
        });
        if (layout.get() == null) {
            return null;
        }
        finish(frame, layout.get(), out, frame.slot(0), gzip, site.config().insightsEndpoint(), buildId);
        return new Summary(files, out);
    }

    /** Every page path and old slug of a build, in order: when they change, so may the files they map to. */
    static List<String> pathsOf(List<String> pagePaths, Pages frame) {
        return Stream.concat(pagePaths.stream(), frame.redirects().keySet().stream().map(p -> "redirect " + p))
                .sorted().toList();
    }

    /** The 404 page, the redirects, the host files and the marker. */
    private static void finish(Pages pages, Layout layout, Path out, String slot, boolean gzip, String eventsOrigin,
            String buildId) throws IOException {
        writePage(out, pages.notFound(), slot, "404.html", gzip);
        for (Map.Entry<String, String> redirect : pages.redirects().entrySet()) {
            write(out.resolve(layout.fileOf(redirect.getKey(), true)), redirectPage(redirect.getValue()));
        }
        write(out.resolve("_redirects"), redirectsFile(pages.redirects()));
        write(out.resolve(NGINX_REDIRECTS), nginxRedirects(pages.redirects()));
        write(out.resolve("_headers"), headersFile(eventsOrigin));
        Files.writeString(out.resolve(MARKER), MARKER_TEXT + (buildId == null ? "" : BUILD + buildId + "\n"));
    }

    /** The files of an export, counted once it is written: the marker is not one. */
    private static Summary count(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return new Summary((int) files.filter(Files::isRegularFile).count() - 1, out);
        }
    }

    /** The build id the marker of {@code out} names, or null. */
    static String buildIdOf(Path out) {
        try {
            return Files.readAllLines(out.resolve(MARKER)).stream().filter(l -> l.startsWith(BUILD))
                    .map(l -> l.substring(BUILD.length())).findFirst().orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private static void prepare(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ExportException(out + " is a file, not a folder", "choose a folder with --out, or move the file"
                    + " away");
        }
        if (Files.isDirectory(out)) {
            boolean empty;
            try (Stream<Path> list = Files.list(out)) {
                empty = list.findAny().isEmpty();
            }
            if (!empty && !Files.exists(out.resolve(MARKER))) {
                throw new ExportException(out + " is not empty and was not made by answerline build",
                        "choose an empty or new folder with --out");
            }
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(out)) {
                        Files.delete(path);
                    }
                }
            }
        }
        Files.createDirectories(out);
    }

    private static void writePage(Path out, Page page, String slot, String file, boolean gzip) {
        Path target = out.resolve(file);
        if (!gzip) {
            write(target, page.identity(slot));
            return;
        }
        Page.Body body = page.body(slot);
        write(target, body.identityView());
        if (body.compressed()) {
            write(target.resolveSibling(target.getFileName() + ".gz"), body.gzipView());
        }
    }

    private static byte[] redirectPage(String target) {
        // target is a site path made from validated slugs: nothing in it needs escaping
        return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved</title>"
                + "<link rel=\"canonical\" href=\"" + target + "\"><meta http-equiv=\"refresh\" content=\"0; url="
                + target + "\"></head><body><p>This page has moved to <a href=\"" + target + "\">" + target
                + "</a>.</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] redirectsFile(Map<String, String> redirects) {
        StringBuilder file = new StringBuilder();
        redirects.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(r -> file.append(r.getKey()).append(' ').append(r.getValue()).append(" 301\n"));
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One exact-match {@code location} per old slug: they win over every other location, so the redirect
     * page the export also writes there is not served instead. The paths are made from validated slugs.
     */
    private static byte[] nginxRedirects(Map<String, String> redirects) {
        StringBuilder file = new StringBuilder("# written by answerline build: old slugs (aliases) answer 301."
                + " Included by the server block in Answerline's README; reload nginx after a build.\n");
        // and each with a final slash, as other tools wrote addresses: /2023/05/x/ as much as /2023/05/x
        redirects.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(r -> {
            for (String from : List.of(r.getKey(), r.getKey() + "/")) {
                file.append("location = ").append(from).append(" { return 301 ").append(r.getValue())
                        .append("$is_args$args; }\n");
            }
        });
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Netlify and Cloudflare Pages merge the headers of every rule that matches a path. Pages that report
     * their views to a serve elsewhere may send to it.
     */
    private static byte[] headersFile(String eventsOrigin) {
        StringBuilder file = new StringBuilder("/*\n");
        SecurityHeaders.fields(SecurityHeaders.policy(eventsOrigin)).forEach(f -> file.append("  ").append(f.getName()).append(": ").append(f.getValue())
                .append('\n'));
        file.append("/assets/*\n  Cache-Control: ").append(Renderer.ASSET_CACHE).append('\n');
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, byte[] bytes) {
        write(file, ByteBuffer.wrap(bytes));
    }

    private static void write(Path file, ByteBuffer bytes) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
