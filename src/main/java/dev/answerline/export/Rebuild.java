package dev.answerline.export;

import dev.answerline.content.Address;
import dev.answerline.content.Answer;
import dev.answerline.content.Keeping;
import dev.answerline.content.ParseCache;
import dev.answerline.content.Site;
import dev.answerline.content.SiteChange;
import dev.answerline.content.SiteFiles;
import dev.answerline.export.internal.BuildState;
import dev.answerline.render.CompressionCache;
import dev.answerline.render.Renderer;
import dev.answerline.render.Similar;
import dev.answerline.search.KeptTerms;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One build, reusing what the last build into the same folder left in the data folder ({@link BuildState}).
 *
 * <ul>
 *   <li>Files are compared by content with those of the last build; only the answers that changed are parsed.
 *   <li>When only answers changed, the site is the same day's, the output folder is the one the state
 *       describes and the change does not reach every page, only the pages it touches are rendered and
 *       written ({@link Renderer#touched}): an answer's page and Markdown twin, the pages that list it or show
 *       it in a box, the feeds, llms.txt and the sitemap as needed.
 *   <li>Anything else (site.yaml, templates, authors, an answer added or removed, a new day) renders every
 *       page, as a build from nothing does, still without parsing the answers that did not change.
 * </ul>
 * The state is written only once the output is complete; the output folder's marker loses the state's build
 * id before a page is written over, so a build cut short is never taken for a finished one.
 */
final class Rebuild {
    private final Path siteDir;
    private final Path out;
    private final Path dataDir;
    private final LocalDate today;
    private final Map<String, Instant> sent;
    private final CompressionCache compression;
    private final boolean gzip;
    private final Keeping keeping = Keeping.publish();

    Rebuild(Path siteDir, Path out, Path dataDir, LocalDate today, Map<String, Instant> sent,
            CompressionCache compression, boolean gzip) {
        this.siteDir = siteDir;
        this.out = out;
        this.dataDir = dataDir != null && Files.isDirectory(dataDir) ? dataDir : null;
        this.today = today;
        this.sent = sent;
        this.compression = compression;
        this.gzip = gzip;
    }

    private static final boolean TIMING = Boolean.getBoolean("answerline.timing");
    private long started = System.nanoTime();

    /** With {@code -Danswerline.timing=true}, how long each step took, on standard error. */
    private void step(String what) {
        if (TIMING) {
            long now = System.nanoTime();
            System.err.printf("  build: %s %d ms%n", what, (now - started) / 1_000_000);
            started = now;
        }
    }

    Export.Built run() throws IOException {
        // the options are part of the key: another set of sent issues is another set of pages, and a folder
        // written with .gz twins (or without) is not one to add the other kind of page to
        String key = Renderer.engine() + "\nexport subscribers=0 gzip=" + gzip + " sent=" + new TreeMap<>(sent);
        // a site folder that is not there is the loader's to report, with its fix
        Path stateFile = dataDir == null || !Files.isDirectory(siteDir) ? null : BuildState.fileFor(dataDir, out);
        BuildState last = stateFile == null ? null : BuildState.read(stateFile, key);
        step("state read");
        // the files are compared on one core while the answers are restored on the other
        CompletableFuture<SiteFiles> scanning = CompletableFuture.supplyAsync(
                () -> {
                    if (stateFile == null) {
                        return null;
                    }
                    try {
                        return SiteFiles.scan(siteDir, Arrays.asList(dataDir, out),
                                last == null ? null : last.files());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        ParseCache before = last == null ? null : last.parseCache(siteDir, keeping.facts());
        SiteFiles files = joined(scanning);
        Set<String> changed = last == null ? null : files.changedSince(last.files());
        step("files compared and answers restored");
        ParseCache cache = before == null ? new ParseCache() : before.copy();
        if (changed != null) {
            changed.forEach(name -> cache.invalidate(siteDir.resolve(name)));
        }
        Site site = Site.load(siteDir, today, false, cache, keeping);
        step("site loaded");
        String buildId = UUID.randomUUID().toString();
        Renderer.Options options = Renderer.Options.export(Similar.NONE).withSent(sent).with(compression);
        if (last != null && onlyAnswersEdited(last, changed)) {
            if (changed.isEmpty()) {
                // nothing to do but say so: the folder is as the last build left it
                return new Export.Built(site, new Export.Summary(last.fileCount(), out), 0);
            }
            // the site as it was loads on a thread of its own while the similar answers are found
            CompletableFuture<Site> loading = onThread(
                    () -> Site.load(siteDir, today, false, before, keeping));
            KeptTerms terms = terms(site, last, changed);
            Similar similar = terms.similar();
            step("similar answers found");
            SiteChange change = answersChanged(joined(loading), site, changed);
            Set<String> touched = change == null ? null : Renderer.touched(change, last.similar(), similar);
            step("what changed worked out");
            if (touched != null) {
                // the state is written aside while the pages are, and put in place once they all are
                CompletableFuture<Path> writing = onThread(() -> {
                    try {
                        return state(key, buildId, files, cache, terms, similar, last.paths(), last.fileCount())
                                .writeAside(stateFile);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Export.Summary summary = Export.writeTouched(site, options.with(similar), out, touched, last.paths(),
                        last.fileCount(), buildId, gzip);
                step("pages written");
                Path written = joined(writing);
                if (summary != null) {
                    BuildState.place(written, stateFile);
                    step("state written");
                    return new Export.Built(site, summary, touched.size());
                }
                Files.deleteIfExists(written);
            }
            return full(site, terms, similar, options, stateFile, key, buildId, files, cache);
        }
        KeptTerms terms = terms(site, last, changed);
        return full(site, terms, terms.similar(), options, stateFile, key, buildId, files, cache);
    }

    /** The terms of every answer for the similar answers: the last build's for the answers not edited since. */
    private static KeptTerms terms(Site site, BuildState last, Set<String> changed) {
        return KeptTerms.of(site, last == null ? null : KeptTerms.read(last.terms()),
                answer -> changed != null && !changed.contains(answer.source().file()));
    }

    private static <T> T joined(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Whether the last build's pages may be kept but for what the edited answers touch. */
    private boolean onlyAnswersEdited(BuildState last, Set<String> changed) {
        if (!last.today().equals(today) || !last.buildId().equals(Export.buildIdOf(out))) {
            return false;
        }
        for (String name : changed) {
            // an answer added or removed moves lists and numbers everywhere: a build from nothing is simpler
            if (!name.startsWith("answers/") || !name.endsWith(".md") || name.indexOf('/', 8) >= 0
                    || !last.files().files().containsKey(name) || !Files.isRegularFile(siteDir.resolve(name))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The change of the edited answers, told by their files rather than by comparing what was read: the site as
     * it was cannot read its edited bodies again. Null when an edit renamed an answer, or made or mended an
     * answer with errors, which a build from nothing handles.
     */
    private static SiteChange answersChanged(Site was, Site now, Set<String> files) {
        Set<Address> changed = new HashSet<>();
        for (String file : files) {
            String before = slugOf(was, file);
            String after = slugOf(now, file);
            if (before == null || !before.equals(after)) {
                return null;
            }
            if (after.isEmpty()) {
                // hidden before and after: it has no page
                continue;
            }
            changed.add(Address.of(Address.Kind.ANSWER, after));
        }
        return new SiteChange(was, now, changed, Set.of(), Set.of());
    }

    private static String slugOf(Site site, String file) {
        for (Answer answer : site.answers()) {
            if (answer.source().file().equals(file)) {
                return answer.slug();
            }
        }
        // a draft or an answer dated later is not among the answers, and one with errors is nowhere
        return site.hidden().stream().anyMatch(h -> h.file().equals(file)) ? "" : null;
    }

    private Export.Built full(Site site, KeptTerms terms, Similar similar, Renderer.Options options, Path stateFile,
            String key, String buildId, SiteFiles files, ParseCache cache) throws IOException {
        if (stateFile != null) {
            // the folder is emptied first: no state may describe it any more
            Files.deleteIfExists(stateFile);
        }
        List<String> paths = new ArrayList<>();
        Export.Summary summary = Export.writeAll(site, options.with(similar), out, stateFile == null ? null : buildId,
                paths, gzip);
        if (stateFile != null) {
            state(key, buildId, files, cache, terms, similar, List.copyOf(paths), summary.files()).write(stateFile);
            step("state written");
        }
        return new Export.Built(site, summary, -1);
    }

    private BuildState state(String key, String buildId, SiteFiles files, ParseCache cache, KeptTerms terms,
            Similar similar, List<String> paths, int fileCount) throws IOException {
        ByteArrayOutputStream parsed = new ByteArrayOutputStream(1 << 20);
        DataOutputStream out = new DataOutputStream(parsed);
        cache.save(siteDir, keeping.facts(), out);
        out.flush();
        ByteArrayOutputStream counted = new ByteArrayOutputStream(1 << 20);
        DataOutputStream termsOut = new DataOutputStream(counted);
        terms.write(termsOut);
        termsOut.flush();
        return new BuildState(key, today, buildId, files, parsed.toByteArray(), counted.toByteArray(),
                similar, paths, fileCount);
    }

    /** Runs {@code work} on a thread of its own: the common pool is busy with the parallel streams meanwhile. */
    private static <T> CompletableFuture<T> onThread(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "answerline-build");
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
