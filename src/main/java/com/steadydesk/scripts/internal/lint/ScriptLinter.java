package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Runs every {@link LintRule} on a script; errors first, then by position. */
@Component
public class ScriptLinter {

    private final List<LintRule> rules;

    public ScriptLinter(List<LintRule> rules) {
        this.rules = rules;
    }

    public List<LintFinding> lint(LintSubject subject) {
        return rules.stream().flatMap(r -> r.check(subject).stream())
                .sorted(Comparator.comparing((LintFinding f) -> f.severity()).reversed().thenComparingInt(LintFinding::start))
                .toList();
    }
}
