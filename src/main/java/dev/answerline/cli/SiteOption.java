package dev.answerline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --site} option shared by the commands that read a site. */
final class SiteOption {
    @Option(names = "--site", paramLabel = "DIR",
            description = "the site folder, holding site.yaml (default: the bundled demo site)")
    private Path site;

    /** Whether {@code --site} was given. */
    boolean given() {
        return site != null;
    }

    /** The chosen folder, or the demo site next to the installation ({@code answerline.home}), or ./demo. */
    Path dir() {
        if (site != null) {
            return site;
        }
        String home = System.getProperty("answerline.home");
        return (home == null ? Path.of("demo") : Path.of(home, "demo")).toAbsolutePath().normalize();
    }
}
