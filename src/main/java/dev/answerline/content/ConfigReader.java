package dev.answerline.content;

import dev.answerline.AnswerlineException;
import dev.answerline.content.internal.Fields;
import dev.answerline.content.internal.Depths;
import dev.answerline.memory.TextStore;
import dev.answerline.content.internal.YamlTree;
import dev.answerline.language.Label;
import dev.answerline.language.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code site.yaml}. Fails only when the site cannot render at all; other problems are collected. */
final class ConfigReader {
    private static final String FILE = "site.yaml";

    private final Path dir;
    private final List<Problem> problems;

    ConfigReader(Path dir, List<Problem> problems) {
        this.dir = dir;
        this.problems = problems;
    }

    SiteConfig read() {
        YamlTree tree;
        try {
            Problem tooLarge = Limits.fileSize(FILE, Files.size(dir.resolve(FILE)));
            if (tooLarge != null) {
                throw new ContentException(dir, List.of(tooLarge));
            }
            tree = YamlTree.parse(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8), 1);
        } catch (NoSuchFileException e) {
            throw new ContentException("there is no site.yaml in " + dir,
                    "pass --site with the site's folder, or create site.yaml (see docs/content-format.md)");
        } catch (IOException e) {
            throw new ContentException("site.yaml in " + dir + " cannot be read: " + AnswerlineException.reason(e),
                    "check the permissions of the file and its folder", e);
        } catch (YamlTree.SyntaxError e) {
            throw new ContentException(dir, List.of(SiteLoader.yamlProblem(FILE, e)));
        }
        List<Problem> found = new ArrayList<>();
        if (Depths.check(tree, FILE, found)) {
            // its texts are in every page: nothing can be rendered with them
            throw new ContentException(dir, found);
        }
        Fields f = Fields.of(FILE, tree, found);
        f.allowOnly(List.of("brand", "title", "base_url", "language", "description", "logo", "image", "health_content",
                "same_as", "newsletter", "ctas", "default_cta", "disclaimer", "checks", "theme", "nav", "footer", "strings",
                "insights"));
        String brand = f.text("brand");
        String title = f.text("title");
        String baseUrl = f.url("base_url", true);
        if (baseUrl != null && baseUrl.startsWith("/")) {
            f.error("base_url", "invalid-url", "`base_url` must be a full address",
                    "write the address the site is served at, e.g. `base_url: https://answers.example.com`");
            baseUrl = null;
        }
        boolean unusable = brand.isEmpty() || title.isEmpty() || baseUrl == null;
        String language = f.optionalText("language");
        if (language == null) {
            language = "en";
        } else if (!language.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")) {
            f.error("language", "invalid-language", "`language: " + language + "` is not a language code",
                    "use a code such as `en` or `en-GB`");
            language = "en";
        }
        Labels labels = LabelsReader.read(f, language, found);
        Map<String, Cta> ctas = ctas(f);
        String defaultCta = f.optionalSlug("default_cta");
        if (defaultCta != null && !ctas.containsKey(defaultCta)) {
            f.error("default_cta", "unknown-reference", "`default_cta: " + defaultCta + "` is not one of the `ctas`",
                    ctas.isEmpty() ? "add it under `ctas:`" : "use one of: " + String.join(", ", ctas.keySet()));
            defaultCta = null;
        } else if (defaultCta == null && !ctas.isEmpty() && !f.has("default_cta")) {
            f.error("ctas", "missing-key", "`ctas` is set but `default_cta` is not",
                    "add `default_cta: " + ctas.keySet().iterator().next() + "` to say which one answers show");
        }
        SiteConfig config = new SiteConfig(new Source(FILE, tree.lines(), "", 1, null, TextStore.HEAP), brand, title,
                baseUrl == null ? "" : trimSlash(baseUrl), language, f.optionalText("description"),
                f.url("logo", false), f.url("image", false), f.flag("health_content"), f.urlList("same_as"),
                newsletter(f, labels), ctas, defaultCta, f.optionalText("disclaimer"), checks(f), ThemeReader.theme(f),
                ThemeReader.nav(f), ThemeReader.footer(f), labels, insightsEndpoint(f));
        if (unusable) {
            throw new ContentException(dir, Problem.listable(found.stream().filter(Problem::isError).toList()));
        }
        problems.addAll(Problem.listable(found));
        return config;
    }

    /** {@code insights.endpoint}: the origin of a running serve, since the engine mounts /api/event at its root. */
    private static String insightsEndpoint(Fields site) {
        Fields f = site.object("insights");
        if (f == null) {
            return null;
        }
        f.allowOnly(List.of("endpoint"));
        String endpoint = f.url("endpoint", true);
        if (endpoint == null || endpoint.isEmpty()) {
            return null;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(endpoint);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            f.error("endpoint", "invalid-url", "`insights.endpoint: " + endpoint + "` is not the address of a server",
                    "write the address a running `answerline serve` answers at, without a path, "
                            + "e.g. `endpoint: https://answers.example.com`");
            return null;
        }
        return trimSlash(endpoint);
    }

    private static SiteConfig.Newsletter newsletter(Fields site, Labels labels) {
        Fields f = site.object("newsletter");
        if (f == null) {
            return null;
        }
        f.allowOnly(List.of("heading", "pitch", "social_proof", "promise", "min_count_shown", "success", "failure",
                "from", "blocked_domains", "postal_address"));
        String socialProof = f.text("social_proof");
        if (!socialProof.isEmpty() && !socialProof.contains("{count}")) {
            f.error("social_proof", "missing-placeholder", "`newsletter.social_proof` has no `{count}`",
                    "put `{count}` where the number of subscribers goes, e.g. `Join {count} people`");
        }
        String success = f.optionalText("success");
        String failure = f.optionalText("failure");
        String from = f.optionalText("from");
        if (from != null && !from.matches("(?s)[^\\r\\n<>]*<?[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+>?")) {
            f.error("from", "invalid-from", "`newsletter.from: " + from + "` is not an email sender",
                    "write it as `from: Brand Name <hello@example.com>` or just the address");
            from = null;
        }
        List<String> blocked = f.textList("blocked_domains", false).stream()
                .map(d -> d.toLowerCase(java.util.Locale.ROOT).replaceFirst("^@", "")).toList();
        return new SiteConfig.Newsletter(f.text("heading"), f.text("pitch"), socialProof, f.text("promise"),
                f.integer("min_count_shown", SiteConfig.Newsletter.DEFAULT_MIN_COUNT_SHOWN),
                success == null ? labels.text(Label.NEWSLETTER_SUCCESS) : success,
                failure == null ? labels.text(Label.NEWSLETTER_FAILURE) : failure, from, blocked,
                f.optionalText("postal_address"));
    }

    private static Map<String, Cta> ctas(Fields site) {
        Map<String, Cta> ctas = new LinkedHashMap<>();
        site.objects("ctas").forEach((id, f) -> {
            if (!Slug.isSlug(id)) {
                site.error("ctas", "invalid-slug", "the call to action id `" + id + "` is not a valid id",
                        "use lower-case letters, digits and single hyphens, e.g. `" + Fields.slugify(id) + "`");
                return;
            }
            f.allowOnly(List.of("heading", "text", "label", "url", "params", "secondary"));
            SiteConfig.Link secondary = null;
            Fields s = f.object("secondary");
            if (s != null) {
                s.allowOnly(List.of("label", "url"));
                secondary = new SiteConfig.Link(s.text("label"), s.url("url", true));
            }
            ctas.put(id, new Cta(id, f.text("heading"), f.optionalText("text"), f.text("label"), f.url("url", true),
                    f.textMap("params"), secondary));
        });
        return ctas;
    }

    /** {@code checks:} maps rule ids to {@code off} or to their parameters ({@code min: 40}). */
    private static Map<String, SiteConfig.CheckSetting> checks(Fields site) {
        Map<String, SiteConfig.CheckSetting> checks = new LinkedHashMap<>();
        Fields f = site.object("checks");
        if (f == null) {
            return checks;
        }
        for (String rule : f.keys()) {
            int line = f.line(rule);
            Fields parameters = f.has(rule) && !f.isScalar(rule) ? f.object(rule) : null;
            if (parameters == null) {
                String value = f.optionalText(rule);
                if (value != null && value.toLowerCase(java.util.Locale.ROOT).matches("off|false|no")) {
                    checks.put(rule, new SiteConfig.CheckSetting(rule, true, Map.of(), line));
                } else if (value != null) {
                    f.error(rule, "invalid-check", "`checks." + rule + ": " + value + "` is neither off nor a set of"
                            + " thresholds", "write `" + rule + ": off`, or the thresholds below it, e.g. `min: 40`");
                }
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (String name : parameters.keys()) {
                Double number = parameters.number(name);
                if (number != null) {
                    values.put(name, number);
                }
            }
            checks.put(rule, new SiteConfig.CheckSetting(rule, false, values, line));
        }
        return checks;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
