package dev.answerline.importing;

import dev.answerline.check.Checker;
import dev.answerline.content.Site;
import dev.answerline.importing.internal.CategoryMap;
import dev.answerline.importing.internal.HtmlReader;
import dev.answerline.importing.internal.HugoReader;
import dev.answerline.importing.internal.Media;
import dev.answerline.importing.internal.SiteFolder;
import dev.answerline.importing.internal.SiteMaker;
import dev.answerline.importing.internal.WxrReader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Moves an existing hub into an Answerline site folder: a WordPress export, a Hugo or Jekyll site, or saved
 * HTML pages. Reads the source, writes the site ({@link SiteFolder}: nothing an editor changed since the last
 * import is overwritten) and checks the result.
 *
 * <pre>{@code
 * ImportReport report = Import.run(new Import.Request(Path.of("export.xml"), Path.of("site"), null, null, null,
 *         LocalDate.now()));
 * report.print(out);
 * }</pre>
 */
public final class Import {
    /** What a source is. */
    public enum Format {
        WORDPRESS("a WordPress export"), HUGO("a Hugo or Jekyll site"), HTML("saved HTML pages");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        /** How the report names it. */
        public String label() {
            return label;
        }

        /** The format of {@code source}, or null when it is none of them. */
        public static Format detect(Path source) {
            if (WxrReader.looksLike(source)) {
                return WORDPRESS;
            }
            if (HugoReader.looksLike(source)) {
                return HUGO;
            }
            return HtmlReader.looksLike(source) ? HTML : null;
        }

        /** {@code wordpress}, {@code hugo} or {@code html}, as {@code --from} takes them. */
        public static Format of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One import.
     *
     * @param format null to tell it from the source
     * @param categoryMap a file saying what the posts of each category become, or null
     * @param media a folder of the media files already downloaded, or null
     * @param today the day the imported site is checked as of
     */
    public record Request(Path source, Path out, Format format, Path categoryMap, Path media, LocalDate today) {}

    private Import() {}

    /**
     * Imports {@code request.source()} into {@code request.out()}.
     *
     * @throws ImportException when the source is missing or not of its format, the map is wrong, or the folder
     *     cannot be written
     */
    public static ImportReport run(Request request) {
        Path source = request.source();
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new ImportException(source + " does not exist", "give the export file or the folder to import");
        }
        Format format = request.format() != null ? request.format() : Format.detect(source);
        if (format == null) {
            throw new ImportException(source + " is neither a WordPress export, a Hugo or Jekyll site nor a folder of"
                    + " saved HTML pages", "give --from wordpress, hugo or html if it is one of them");
        }
        if (format == Format.WORDPRESS && !Files.isRegularFile(source)) {
            throw new ImportException(source + " is a folder, not a WordPress export file",
                    "give the .xml file WordPress wrote (Tools → Export)");
        }
        if (format == Format.HUGO && !Files.isDirectory(source)) {
            throw new ImportException(source + " is a file, not a Hugo or Jekyll site", "give the site's folder");
        }
        if (Files.isDirectory(source) && isInside(request.out(), source)) {
            throw new ImportException(request.out() + " is inside " + source, "import into a folder outside the source");
        }
        CategoryMap map = request.categoryMap() == null ? CategoryMap.none() : CategoryMap.read(request.categoryMap());
        Imported imported = switch (format) {
            case WORDPRESS -> WxrReader.read(source, map);
            case HUGO -> HugoReader.read(source, map);
            case HTML -> HtmlReader.read(source, map);
        };
        // a Hugo site's pictures are in its static/ folder, where its pages link them from
        Path mediaFolder = request.media() != null ? request.media()
                : format == Format.HUGO && Files.isDirectory(source.resolve("static")) ? source.resolve("static") : null;
        Media.Taken media = Media.take(imported, mediaFolder);
        imported = media.imported();
        SiteMaker.Made made = SiteMaker.of(imported, Files.exists(request.out().resolve("site.yaml")),
                Files.exists(request.out().resolve("pages/about.md")), request.today());
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(made.files());
        files.putAll(media.files());
        List<SiteFolder.Written> written = SiteFolder.write(request.out(), files);
        List<String> setAside = written.stream().filter(w -> w.outcome() == SiteFolder.Outcome.SET_ASIDE)
                .map(w -> w.file() + " (new version: " + w.file() + SiteFolder.ASIDE + ")").toList();
        Site site = Site.load(request.out(), request.today());
        List<Finding> findings = new java.util.ArrayList<>(imported.findings());
        findings.addAll(made.findings());
        return new ImportReport(format, imported.answers().size(), imported.posts().size(), imported.pages().size(),
                made.made(), setAside, findings, media.toFetch(), media.copied(), Checker.check(site));
    }

    private static boolean isInside(Path inner, Path outer) {
        return inner.toAbsolutePath().normalize().startsWith(outer.toAbsolutePath().normalize());
    }
}
