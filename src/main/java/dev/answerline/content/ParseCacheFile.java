package dev.answerline.content;

import dev.answerline.markdown.Markdown;
import dev.answerline.markdown.Prose;
import dev.answerline.memory.KeptText;
import dev.answerline.memory.TextStore;
import dev.answerline.content.internal.FrontMatter;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The answers of a {@link ParseCache} in a compact binary form, for the next build. Only what the load made
 * of each answer file is written: its values, its problems, where its lines are, and the facts of its body.
 * Its body and the body's HTML and texts are not: a restored answer makes them again from its file when
 * first asked for, which a build asks only of the pages it renders.
 */
final class ParseCacheFile {
    private static final int VERSION = 1;

    private ParseCacheFile() {}

    static void write(ParseCache cache, Path siteDir, boolean facts, DataOutput out) throws IOException {
        Path answers = siteDir.toAbsolutePath().normalize().resolve(Address.Kind.ANSWER.folder());
        ParseCache.References references = cache.references();
        List<Map.Entry<Path, ParseCache.Read>> kept = cache.entries().stream()
                .filter(e -> e.getKey().getParent().equals(answers))
                .filter(e -> e.getValue().value() == null || e.getValue().value() instanceof Answer)
                .toList();
        out.writeInt(VERSION);
        out.writeBoolean(facts);
        out.writeBoolean(references != null);
        if (references != null) {
            string(out, references.baseUrl());
            strings(out, List.copyOf(references.ctas()));
            string(out, references.defaultCta());
            strings(out, List.copyOf(references.authors()));
            strings(out, List.copyOf(references.categories()));
            out.writeInt(references.rejected().size());
            for (var folder : references.rejected().entrySet()) {
                string(out, folder.getKey());
                map(out, folder.getValue());
            }
        }
        out.writeInt(kept.size());
        for (var entry : kept) {
            ParseCache.Read read = entry.getValue();
            Saved form = cache.saved(read);
            if (form != null) {
                out.write(form.bytes(), form.from(), form.to() - form.from());
                continue;
            }
            string(out, entry.getKey().getFileName().toString());
            string(out, read.file());
            string(out, read.slug());
            out.writeInt(read.problems().size());
            for (Problem p : read.problems()) {
                string(out, p.file());
                out.writeInt(p.line());
                out.writeBoolean(p.isError());
                string(out, p.rule());
                string(out, p.what());
                string(out, p.fix());
            }
            out.writeBoolean(read.value() != null);
            if (read.value() instanceof Answer a) {
                answer(out, a);
            }
        }
    }

    /**
     * The entries written by {@link #write}, for the files {@code hashes} knows.
     *
     * @param hashes the SHA-256 of each answer file as it was when written, by its path in the site, or null for
     *     a file not to restore; a restored answer's body is made again only from a file with these bytes
     *
     * @return null when the file was written by another version or for another kind of load
     */
    static ParseCache read(byte[] bytes, Path siteDir, boolean facts, Function<String, byte[]> hashes)
            throws IOException {
        Position position = new Position(bytes);
        DataInputStream in = new DataInputStream(position);
        if (in.readInt() != VERSION || in.readBoolean() != facts) {
            return null;
        }
        Path dir = siteDir.toAbsolutePath().normalize();
        ParseCache cache = new ParseCache();
        ParseCache.References references = null;
        if (in.readBoolean()) {
            String baseUrl = string(in);
            Set<String> ctas = Set.copyOf(strings(in));
            String defaultCta = string(in);
            Set<String> authors = Set.copyOf(strings(in));
            Set<String> categories = Set.copyOf(strings(in));
            Map<String, Map<String, String>> rejected = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                rejected.put(string(in), map(in));
            }
            references = new ParseCache.References(baseUrl, ctas, defaultCta, authors, categories, Map.copyOf(rejected));
            cache.restoreReferences(references);
        }
        Path answers = dir.resolve(Address.Kind.ANSWER.folder());
        for (int n = in.readInt(); n > 0; n--) {
            int from = position.at();
            Path file = answers.resolve(string(in));
            String relative = string(in);
            String slug = string(in);
            List<Problem> problems = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String where = string(in);
                int line = in.readInt();
                boolean error = in.readBoolean();
                String rule = string(in);
                String what = string(in);
                String fix = string(in);
                problems.add(new Problem(where, line, error ? Severity.ERROR : Severity.WARNING, rule, what, fix));
            }
            Content value = null;
            byte[] hash = hashes.apply(relative);
            if (in.readBoolean()) {
                String base = references == null ? "" : references.baseUrl();
                value = answer(in, file, hash, base, facts);
            }
            if (hash != null) {
                ParseCache.Read read = new ParseCache.Read(relative, slug, value, problems);
                cache.read(file, read);
                cache.saved(read, new Saved(bytes, from, position.at()));
            }
        }
        return cache;
    }

    /** An entry as it was written: {@code bytes} from {@code from} to {@code to}. */
    record Saved(byte[] bytes, int from, int to) {}

    /** Where a read has got to, for {@link Saved}. */
    private static final class Position extends java.io.ByteArrayInputStream {
        Position(byte[] bytes) {
            super(bytes);
        }

        int at() {
            return pos;
        }
    }

    private static void answer(DataOutput out, Answer a) throws IOException {
        Source source = a.source();
        string(out, source.file());
        out.writeInt(source.lines().size());
        for (var line : source.lines().entrySet()) {
            string(out, line.getKey());
            out.writeInt(line.getValue());
        }
        out.writeInt(source.bodyLine());
        Prose prose = source.prose();
        out.writeBoolean(prose.hasOutside());
        links(out, prose.links());
        links(out, prose.dropped());
        out.writeInt(prose.images().size());
        for (Prose.Image image : prose.images()) {
            string(out, image.destination());
            string(out, image.alt());
            out.writeInt(image.line());
        }
        out.writeInt(prose.blocks().size());
        for (Prose.Block block : prose.blocks()) {
            out.writeByte(block.kind().ordinal());
            out.writeInt(block.line());
            out.writeInt(block.start());
            out.writeInt(block.end());
        }
        out.writeInt(prose.depth().levels());
        out.writeInt(prose.depth().line());
        string(out, a.slug());
        string(out, a.question());
        string(out, a.description());
        string(out, a.answer());
        strings(out, a.takeaways());
        string(out, a.category());
        string(out, a.author());
        date(out, a.published());
        date(out, a.updated());
        string(out, a.reviewedBy());
        date(out, a.reviewed());
        string(out, a.bottomLine());
        out.writeInt(a.related().size());
        for (Answer.Related related : a.related()) {
            string(out, related.question());
            string(out, related.answer());
        }
        string(out, a.cta());
        strings(out, a.more());
        strings(out, a.aliases());
        out.writeBoolean(a.draft());
    }

    private static Answer answer(DataInput in, Path file, byte[] hash, String baseUrl, boolean facts)
            throws IOException {
        String relative = string(in);
        Map<String, Integer> lines = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            lines.put(string(in), in.readInt());
        }
        int bodyLine = in.readInt();
        boolean outside = in.readBoolean();
        List<Prose.Link> links = links(in);
        List<Prose.Link> dropped = links(in);
        List<Prose.Image> images = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            images.add(new Prose.Image(string(in), string(in), in.readInt()));
        }
        List<Prose.Block> blocks = new ArrayList<>();
        Prose.BlockKind[] kinds = Prose.BlockKind.values();
        for (int i = in.readInt(); i > 0; i--) {
            blocks.add(new Prose.Block(kinds[in.readByte()], in.readInt(), in.readInt(), in.readInt()));
        }
        Markdown.Depth depth = new Markdown.Depth(in.readInt(), in.readInt());
        String slug = string(in);
        Again again = new Again(file, hash, relative, bodyLine,
                outside ? new Markdown.Outside(baseUrl, baseUrl + Answer.pathOf(slug)) : null, facts);
        Prose prose = Prose.restored(KeptText.later(() -> again.prose().html()),
                KeptText.later(() -> again.prose().text()),
                outside ? KeptText.later(() -> again.prose().outside()) : null, links, dropped, images, blocks, depth,
                facts);
        Source source = Source.restored(relative, lines, KeptText.later(again::body), bodyLine, prose);
        String question = string(in);
        String description = string(in);
        String answer = string(in);
        List<String> takeaways = strings(in);
        String category = string(in);
        String author = string(in);
        LocalDate published = date(in);
        LocalDate updated = date(in);
        String reviewedBy = string(in);
        LocalDate reviewed = date(in);
        String bottomLine = string(in);
        List<Answer.Related> related = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            related.add(new Answer.Related(string(in), string(in)));
        }
        String cta = string(in);
        List<String> more = strings(in);
        List<String> aliases = strings(in);
        boolean draft = in.readBoolean();
        return new Answer(source, slug, question, description, answer, takeaways, category, author, published, updated,
                reviewedBy, reviewed, bottomLine, related, cta, more, aliases, draft);
    }

    /**
     * An answer file read again for its body and the forms of its body when first asked for. Only a file with
     * the bytes it had when it was first read will do: one edited since, during the build or before (the entry
     * of a build's site as it was), is refused rather than mix two versions.
     */
    private static final class Again {
        private final Path file;
        private final byte[] hash;
        private final String relative;
        private final int bodyLine;
        private final Markdown.Outside outside;
        private final boolean facts;
        /** Soft: a build that renders every page from restored answers must not keep every body it made. */
        private java.lang.ref.SoftReference<Made> made = new java.lang.ref.SoftReference<>(null);

        private record Made(String body, Prose prose) {}

        Again(Path file, byte[] hash, String relative, int bodyLine, Markdown.Outside outside, boolean facts) {
            this.file = file;
            this.hash = hash;
            this.relative = relative;
            this.bodyLine = bodyLine;
            this.outside = outside;
            this.facts = facts;
        }

        String body() {
            return make().body();
        }

        Prose prose() {
            return make().prose();
        }

        private synchronized Made make() {
            Made known = made.get();
            if (known != null) {
                return known;
            }
            FrontMatter split;
            try {
                byte[] bytes = Files.readAllBytes(file);
                split = hash != null && java.util.Arrays.equals(hash, java.security.MessageDigest.getInstance("SHA-256")
                        .digest(bytes)) ? FrontMatter.split(new String(bytes, StandardCharsets.UTF_8)) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FrontMatter.Missing | java.security.NoSuchAlgorithmException e) {
                split = null;
            }
            if (split == null || split.bodyLine() != bodyLine) {
                throw new ContentException(relative + " changed while the site was being built",
                        "build again once your editor has saved it");
            }
            known = new Made(split.body(), Markdown.block(split.body(), bodyLine, outside, TextStore.HEAP, facts));
            made = new java.lang.ref.SoftReference<>(known);
            return known;
        }
    }

    private static void links(DataOutput out, List<Prose.Link> links) throws IOException {
        out.writeInt(links.size());
        for (Prose.Link link : links) {
            string(out, link.destination());
            string(out, link.text());
            out.writeInt(link.line());
        }
    }

    private static List<Prose.Link> links(DataInput in) throws IOException {
        List<Prose.Link> links = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            links.add(new Prose.Link(string(in), string(in), in.readInt()));
        }
        return links;
    }

    private static void date(DataOutput out, LocalDate date) throws IOException {
        out.writeLong(date == null ? Long.MIN_VALUE : date.toEpochDay());
    }

    private static LocalDate date(DataInput in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }

    private static void map(DataOutput out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (var e : map.entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
        }
    }

    private static Map<String, String> map(DataInput in) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            map.put(string(in), string(in));
        }
        return Map.copyOf(map);
    }

    private static void strings(DataOutput out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            string(out, s);
        }
    }

    private static List<String> strings(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            strings.add(string(in));
        }
        return strings;
    }

    /** A string of any length (writeUTF stops at 64 KB), or null. */
    static void string(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String string(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > Limits.FILE_BYTES) {
            throw new IOException("a string of " + n + " bytes: the file is damaged");
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
