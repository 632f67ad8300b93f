package dev.answerline.render;

import dev.answerline.content.Site;
import dev.answerline.content.Site.Hidden;
import dev.answerline.content.SiteConfig;
import dev.answerline.memory.MappedStore;
import dev.answerline.render.internal.SnapshotFile;
import dev.answerline.render.internal.SnapshotKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A served site's rendered pages kept on disk, so that a restart with nothing changed serves them without
 * rendering or compressing anything: the pages of the last start, in one file under the data folder, named by
 * a {@linkplain #key key} of every file of the site folder, the engine and the options. Any edit, template
 * change or upgrade gives another key, and the site is rendered as at a first start; so is a site on the day
 * a dated answer is due to appear, and in a new year (the footer shows it).
 *
 * <pre>{@code
 * Snapshot snapshot = Snapshot.in(dataDir);
 * Snapshot.Key key = snapshot.key(siteDir, false);        // before loading: an edit during the load is then seen
 * Snapshot.Restored kept = snapshot.restore(key, today, Site.config(siteDir), later, options);
 * if (kept == null) {                                // `later` loads the site, on a thread of its own
 *     Site site = Site.load(siteDir);
 *     Pages pages = Renderer.render(site, options);
 *     snapshot.save(key, site, pages, similar, Map.of());   // on a thread of its own: pages are served meanwhile
 * }
 * }</pre>
 *
 * <p>Thread-safe. Several processes may share a data folder: a snapshot is written under a name of its own and
 * renamed into place whole.
 */
public final class Snapshot {
    /** Keeps nothing: every start renders. */
    public static final Snapshot NONE = new Snapshot(null, null);
    private static final Logger LOG = LoggerFactory.getLogger("render");
    private static final String PREFIX = "pages-";
    private static final String SUFFIX = ".snapshot";

    private final Path dataDir;
    private final Path dir;

    private Snapshot(Path dataDir, Path dir) {
        this.dataDir = dataDir;
        this.dir = dir;
    }

    /** The snapshot kept in {@code dataDir/cache}; the data folder is left out of the site's key. */
    public static Snapshot in(Path dataDir) {
        return new Snapshot(dataDir, dataDir.resolve("cache"));
    }

    /**
     * The pages restored, the similar answers they were rendered with and the newsletter issues whose web
     * versions they include, by slug with the time each was queued.
     */
    public record Restored(Pages pages, Similar similar, Map<String, Instant> sent) {}

    /**
     * What the pages of one site folder were made from, at one moment.
     *
     * @param value the SHA-256, in hex, of the site's files, the engine and the options
     */
    public record Key(String value, Path siteDir, boolean drafts) {}

    /**
     * The key of the site in {@code siteDir} served with or without drafts, or null when there is nothing to
     * keep: no folder, or a site file that cannot be read.
     */
    public Key key(Path siteDir, boolean drafts) {
        String value = dir == null ? null : SnapshotKey.of(siteDir, dataDir, "serve drafts=" + drafts);
        return value == null ? null : new Key(value, siteDir, drafts);
    }

    /** Whether a snapshot is kept under {@code key}, without reading it: a first start need not read more. */
    public boolean has(Key key) {
        return key != null && Files.isRegularFile(file(key.value()));
    }

    /**
     * The pages kept under {@code key}, or null when there are none or they do not hold on {@code today}; a
     * damaged file is deleted, with a warning. Nothing waits for the site to load: the pages come from the
     * file, and what is made at request time (the search and message pages) from {@code site} when first asked.
     *
     * @param config the site's settings (the subscriber line is made from them)
     * @param site the site, loaded from the same files; asked for only when a page is made at request time
     */
    public Restored restore(Key key, LocalDate today, SiteConfig config, Supplier<Site> site, Renderer.Options options) {
        if (key == null) {
            return null;
        }
        Path file = file(key.value());
        SnapshotFile.Contents kept;
        try {
            kept = SnapshotFile.read(file);
        } catch (IOException e) {
            LOG.warn("the page snapshot {} cannot be used ({}): the site is rendered, and a new one written", file,
                    e.getMessage());
            deleteQuietly(file);
            return null;
        }
        if (kept == null || !kept.key().equals(key.value()) || today.isBefore(kept.madeOn())
                || kept.validBefore() != null && !today.isBefore(kept.validBefore())) {
            return null;
        }
        Similar similar = new Similar(kept.similar());
        MappedStore store = MappedStore.temporary();
        Map<String, Page> byPath = new HashMap<>(kept.pages().size() * 2);
        for (SnapshotFile.Stored stored : kept.pages()) {
            byPath.put(stored.path(), page(stored, store, options.compression()));
        }
        Page notFound = page(kept.notFound(), store, options.compression());
        Renderer.Options made = options.with(similar).withSent(kept.sent());
        Frame frame = Frame.later(() -> new Plan(site.get(), made).frame());
        SocialProof proof = SocialProof.of(config);
        return new Restored(new Pages(byPath, kept.redirects(), notFound, proof, frame, similar), similar, kept.sent());
    }

    private static Page page(SnapshotFile.Stored stored, MappedStore store, CompressionCache compression) {
        Page.Body body = new Page.Body("", stored.identity(), stored.gzip(), stored.brotli(), stored.etag());
        return Page.restored(stored.path(), stored.contentType(), stored.cacheControl(), stored.slots(),
                stored.rendered(), body, store::keep, compression);
    }

    /**
     * Writes {@code pages}, rendered from {@code site}, under {@code key}: each page's body for no slot text
     * with its encodings, taken one at a time as the file is written (made again on the heap for a page serving
     * another slot text). The file is hundreds of megabytes: call this on a thread of its own. It writes nothing
     * when the site's files changed since {@code key} was made.
     *
     * @param similar the similar answers the pages were rendered with
     * @param sent the newsletter issues whose web versions the pages include
     */
    public void save(Key key, Site site, Pages pages, Similar similar, Map<String, Instant> sent) {
        if (key == null) {
            return;
        }
        if (!key.equals(key(key.siteDir(), key.drafts()))) {
            LOG.info("the site changed while it loaded: no page snapshot is kept this time");
            return;
        }
        // never all at once: a page serving a subscriber count has its body for none made again on the heap, and
        // 100,000 of those would not fit in it
        List<Page> all = List.copyOf(pages.all());
        List<SnapshotFile.Stored> stored = new java.util.AbstractList<>() {
            @Override
            public SnapshotFile.Stored get(int index) {
                return stored(all.get(index));
            }

            @Override
            public int size() {
                return all.size();
            }
        };
        SnapshotFile.Contents contents = new SnapshotFile.Contents(key.value(), site.today(), validBefore(site), stored,
                stored(pages.notFound()), similar.bySlug(), pages.redirects(), sent);
        Path file = file(key.value());
        try {
            SnapshotFile.write(file, contents);
            removeOthers(file);
        } catch (IOException e) {
            LOG.warn("the page snapshot {} cannot be written ({}): the next start renders the site again", file,
                    e.getMessage());
        }
    }

    private static SnapshotFile.Stored stored(Page page) {
        Page.Body body = page.forSnapshot();
        return new SnapshotFile.Stored(page.path(), page.contentType(), page.cacheControl(), page.isRendered(),
                page.slots(), body.etag(), body.identityView(), body.gzipView(), body.brotliView());
    }

    /**
     * The first day the site may render differently with nothing edited: the next dated answer or post to
     * appear, or the new year in the footer; the next day for a site with nothing dated, whose feeds show today.
     */
    static LocalDate validBefore(Site site) {
        LocalDate today = site.today();
        LocalDate until = today.with(TemporalAdjusters.firstDayOfNextYear());
        for (Hidden hidden : site.hidden()) {
            if (hidden.publishedOn() != null && hidden.publishedOn().isAfter(today) && hidden.publishedOn().isBefore(until)) {
                until = hidden.publishedOn();
            }
        }
        if (site.answers().isEmpty() && site.posts().isEmpty()) {
            until = today.plusDays(1);
        }
        return until;
    }

    private Path file(String key) {
        return dir.resolve(PREFIX + key + SUFFIX);
    }

    /** Snapshots of other keys go; partial files stay a day, in case another process is writing one. */
    private void removeOthers(Path kept) {
        Instant dayAgo = Instant.now().minus(1, ChronoUnit.DAYS);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean other = name.endsWith(SUFFIX) && !file.equals(kept);
                boolean stale = name.endsWith(".partial") && Files.getLastModifiedTime(file).toInstant().isBefore(dayAgo);
                if (other || stale) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("old page snapshots in {} were not removed: {}", dir, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // left for the next save to remove
        }
    }
}
