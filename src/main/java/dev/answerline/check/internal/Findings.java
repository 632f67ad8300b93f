package dev.answerline.check.internal;

import dev.answerline.check.Rule;
import dev.answerline.content.Problem;
import dev.answerline.content.Severity;
import dev.answerline.content.SiteConfig;
import dev.answerline.content.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The problems the rules find, and the site's tuning of them: a rule switched off in site.yaml finds
 * nothing, and thresholds come from site.yaml or the rule's defaults. Thread-safe for adding.
 */
public final class Findings {
    private final Map<String, SiteConfig.CheckSetting> settings;
    private final List<Problem> problems = new ArrayList<>();

    private Findings(Map<String, SiteConfig.CheckSetting> settings) {
        this.settings = settings;
    }

    /** Findings for a site; mistakes in its {@code checks:} section are findings too. */
    public static Findings of(SiteConfig config) {
        Findings findings = new Findings(config.checks());
        List<String> ids = Arrays.stream(Rule.values()).map(Rule::id).toList();
        for (SiteConfig.CheckSetting setting : config.checks().values()) {
            Rule rule = Rule.of(setting.rule());
            if (rule == null) {
                findings.problem(Severity.ERROR, "unknown-check", "site.yaml", setting.line(),
                        "`checks." + setting.rule() + "` is not a rule of answerline check",
                        Suggestions.closest(setting.rule(), ids).map(s -> "did you mean `" + s + "`?")
                                .orElse("see docs/checks.md for the rules"));
            } else if (setting.off() && rule.severity() == Severity.ERROR) {
                findings.problem(Severity.ERROR, "unknown-check", "site.yaml", setting.line(),
                        "`" + rule.id() + "` finds errors, which cannot be switched off",
                        "fix what it finds instead, and remove the line");
            } else {
                for (String parameter : setting.parameters().keySet()) {
                    if (!rule.defaults().containsKey(parameter)) {
                        findings.problem(Severity.ERROR, "unknown-check", "site.yaml", setting.line(),
                                "`" + rule.id() + "` has no threshold `" + parameter + "`",
                                rule.defaults().isEmpty() ? "it can only be switched off: `" + rule.id() + ": off`"
                                        : "its thresholds are " + String.join(", ", rule.defaults().keySet()));
                    }
                }
            }
        }
        return findings;
    }

    public boolean on(Rule rule) {
        SiteConfig.CheckSetting setting = settings.get(rule.id());
        return setting == null || !setting.off() || rule.severity() == Severity.ERROR;
    }

    /** A threshold: the site's value, else the rule's default. */
    public double get(Rule rule, String parameter) {
        SiteConfig.CheckSetting setting = settings.get(rule.id());
        Double value = setting == null ? null : setting.parameters().get(parameter);
        return value != null ? value : rule.defaults().get(parameter);
    }

    /** A threshold as a whole number. */
    public int integer(Rule rule, String parameter) {
        return (int) Math.round(get(rule, parameter));
    }

    /** Records what a rule found, unless the site switched it off. */
    public void add(Rule rule, String file, int line, String what, String fix) {
        if (on(rule)) {
            problem(rule.severity(), rule.id(), file, line, what, fix);
        }
    }

    private synchronized void problem(Severity severity, String rule, String file, int line, String what, String fix) {
        problems.add(new Problem(file, line, severity, rule, what, fix));
    }

    public synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }
}
