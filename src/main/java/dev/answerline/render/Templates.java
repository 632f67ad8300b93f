package dev.answerline.render;

import dev.answerline.content.Problem;
import dev.answerline.content.TemplateOverride;
import gg.jte.CodeResolver;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates a site's pages are rendered with: Answerline's own, compiled with Answerline, and any of the
 * site's versions of them ({@code templates/}), compiled when the site is rendered. An override that names no
 * built-in template, or does not compile, is reported with its file and line and left out: the site renders
 * with the built-in template instead. One that fails while rendering a page is dropped for that page in the
 * same way, and said once in the log. Thread-safe.
 */
public final class Templates {
    private static final Logger LOG = LoggerFactory.getLogger("templates");
    private static final TemplateEngine BUILT_IN = TemplateEngine.createPrecompiled(ContentType.Html);
    /** The package of a site's compiled templates, apart from the built-in ones'. */
    private static final String SITE_PACKAGE = "gg.jte.generated.site";
    /** Where the built-in templates' sources are in the jar; the list of them is in {@code index.txt}. */
    private static final String SOURCES = "/dev/answerline/render/templates/";
    private static final List<String> NAMES = names();
    private static final Pattern ERROR_AT = Pattern.compile("error at ([^\\s:]+\\.jte):(\\d+)");
    private static final Pattern JAVAC_ERROR = Pattern.compile("error: (.+)");
    /** The last sites' compiled templates: a preview saves again and again with the same templates. */
    private static final Map<List<TemplateOverride>, Templates> COMPILED = Collections.synchronizedMap(
            new LinkedHashMap<>(4, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<TemplateOverride>, Templates> eldest) {
                    return size() > 4;
                }
            });

    /** Answerline's own templates only. */
    public static final Templates NONE = new Templates(null, Map.of(), List.of());

    private final TemplateEngine engine;
    private final Map<String, TemplateOverride> overrides;
    private final List<Problem> problems;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    private Templates(TemplateEngine engine, Map<String, TemplateOverride> overrides, List<Problem> problems) {
        this.engine = engine;
        this.overrides = overrides;
        this.problems = List.copyOf(problems);
    }

    /** The templates of a site with these overrides, compiled once for the same overrides. */
    public static Templates of(List<TemplateOverride> overrides) {
        if (overrides.isEmpty()) {
            return NONE;
        }
        return COMPILED.computeIfAbsent(List.copyOf(overrides), Templates::compile);
    }

    /** The names of Answerline's own templates, as a site's version of one is named. */
    public static List<String> names() {
        try (InputStream in = Templates.class.getResourceAsStream(SOURCES + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("the list of built-in templates is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source of one of Answerline's own templates, for {@code answerline templates copy}; null if none. */
    public static String source(String name) {
        if (!NAMES.contains(name)) {
            return null;
        }
        try (InputStream in = Templates.class.getResourceAsStream(SOURCES + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the site's templates: each is left out, and the built-in one used. */
    public List<Problem> problems() {
        return problems;
    }

    /** Renders a template, the site's version of it where there is one that works. */
    public String render(String name, Object param) {
        if (engine != null && !failed.contains(name)) {
            StringOutput out = new StringOutput(16 * 1024);
            try {
                engine.render(name, param, out);
                return out.toString();
            } catch (RuntimeException e) {
                // a mistake of the site's template (a null it did not expect, a cast): the page is still made
                if (failed.add(name)) {
                    LOG.warn("the site's templates failed to render {} ({}); the built-in {} is used from now on", name,
                            e.getMessage() == null ? e.getClass().getSimpleName()
                                    : e.getMessage().lines().findFirst().orElse(""), name);
                }
            }
        }
        StringOutput out = new StringOutput(16 * 1024);
        BUILT_IN.render(name, param, out);
        return out.toString();
    }

    private static Templates compile(List<TemplateOverride> given) {
        Map<String, TemplateOverride> overrides = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (TemplateOverride override : given) {
            if (NAMES.contains(override.name())) {
                overrides.put(override.name(), override);
            } else {
                problems.add(Problem.error(override.file(), 0, "unknown-template", "Answerline has no template "
                        + override.name() + " for this file to replace", "name it after one of the templates listed in"
                                + " docs/templates.md; `answerline templates copy NAME` copies one to start from"));
            }
        }
        // compile; an override that does not compile is left out and the rest compiled again without it
        while (!overrides.isEmpty()) {
            try {
                Path classes = classes();
                engine(overrides, classes).precompileAll();
                // render with the classes as compiled: an on-demand engine looks for changed sources while
                // pages render on several threads, and now and then failed a render half-way (seen in CI)
                TemplateEngine compiled = TemplateEngine.createPrecompiled(classes, ContentType.Html,
                        Templates.class.getClassLoader(), SITE_PACKAGE);
                return new Templates(compiled, Map.copyOf(overrides), problems);
            } catch (TemplateException e) {
                TemplateOverride culprit = culprit(e, overrides);
                problems.add(problem(e, culprit));
                overrides.remove(culprit.name());
            }
        }
        return new Templates(null, Map.of(), problems);
    }

    private static Path classes() {
        try {
            Path classes = Files.createTempDirectory("answerline-templates-");
            classes.toFile().deleteOnExit();
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the site's compiled templates: " + e.getMessage(), e);
        }
    }

    private static TemplateEngine engine(Map<String, TemplateOverride> overrides, Path classes) {
        TemplateEngine engine = TemplateEngine.create(new Sources(overrides), classes, ContentType.Html,
                Templates.class.getClassLoader(), SITE_PACKAGE);
        // as the built-in templates are compiled (the jte plugin's settings in pom.xml)
        engine.setTrimControlStructures(true);
        return engine;
    }

    /** The override a compile error is in: the one it names, else (an error in a built-in one it calls) any. */
    private static TemplateOverride culprit(TemplateException e, Map<String, TemplateOverride> overrides) {
        Matcher at = ERROR_AT.matcher(String.valueOf(e.getMessage()));
        if (at.find() && overrides.containsKey(at.group(1))) {
            return overrides.get(at.group(1));
        }
        for (String name : overrides.keySet()) {
            if (String.valueOf(e.getMessage()).contains(name)) {
                return overrides.get(name);
            }
        }
        return overrides.values().iterator().next();
    }

    private static Problem problem(TemplateException e, TemplateOverride culprit) {
        String message = String.valueOf(e.getMessage());
        Matcher at = ERROR_AT.matcher(message);
        int line = at.find() && at.group(1).equals(culprit.name()) ? Integer.parseInt(at.group(2)) : 1;
        Matcher javac = JAVAC_ERROR.matcher(message);
        String what = javac.find() ? javac.group(1).strip() : message.lines().findFirst().orElse(message);
        // javac names the symbol on a line of its own below
        String symbol = message.lines().filter(l -> l.strip().startsWith("symbol:")).map(String::strip).findFirst()
                .orElse("");
        return Problem.error(culprit.file(), line, "template", "the template does not compile: " + what
                + (symbol.isEmpty() ? "" : " (" + symbol + ")"), "fix it, or delete it to use the built-in "
                        + culprit.name() + " again; the parameters each template gets are in docs/templates.md");
    }

    /** The site's templates where it has them, Answerline's own elsewhere. */
    private static final class Sources implements CodeResolver {
        private final Map<String, TemplateOverride> overrides;

        Sources(Map<String, TemplateOverride> overrides) {
            this.overrides = overrides;
        }

        @Override
        public String resolve(String name) {
            TemplateOverride override = overrides.get(name);
            return override != null ? override.source() : source(name);
        }

        @Override
        public long getLastModified(String name) {
            return 0;
        }

        @Override
        public List<String> resolveAllTemplateNames() {
            return NAMES;
        }
    }
}
