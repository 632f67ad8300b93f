package dev.answerline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

/** Fixture sites for tests: the ones under src/test/resources/sites, and the bundled demo. */
public final class TestSites {
    /** The day the fixture sites are loaded on: later-dated content is hidden. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private TestSites() {}

    /** A fixture site, read in place. */
    public static Path fixture(String name) {
        URL url = TestSites.class.getResource("/sites/" + name + "/site.yaml");
        if (url == null) {
            throw new IllegalArgumentException("no fixture site " + name);
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a fixture site in {@code dir}, for tests that change files. */
    public static Path copy(String name, Path dir) {
        return copyTree(fixture(name), dir);
    }

    /**
     * The small fixture site in a brand's own look, in {@code dir}: {@code sites/small} with {@code sites/themed}
     * (site.yaml with a theme, nav and footer; a stylesheet; a dark logo) laid over it.
     */
    public static Path themed(Path dir) {
        copy("small", dir);
        return copyTree(fixture("themed"), dir);
    }

    /** A copy of the demo site in {@code dir}. */
    public static Path copyDemo(Path dir) {
        return copyTree(demo(), dir);
    }

    /** Copies a folder into {@code dir}, replacing files already there. */
    public static Path copyTree(Path from, Path dir) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = dir.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The bundled demo site. */
    public static Path demo() {
        return bundled("demo");
    }

    /** The bundled German demo site ({@code language: de}). */
    public static Path demoDe() {
        return bundled("demo-de");
    }

    private static Path bundled(String name) {
        Path demo = Path.of(name).toAbsolutePath();
        if (!Files.isRegularFile(demo.resolve("site.yaml"))) {
            throw new IllegalStateException("tests run from the project folder, which holds " + name + "/");
        }
        return demo;
    }
}
