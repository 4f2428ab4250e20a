package com.steadydesk.scripts;

import java.util.List;

/**
 * One finding of the script linter: rule code, severity, message key (scripts.properties, Chinese and English) with its
 * arguments, and the offending span of the body ({@code start}/{@code end}, -1 when the finding is about the whole script).
 */
public record LintFinding(String rule, Severity severity, String messageKey, List<String> args, int start, int end, String excerpt) {

    public LintFinding {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A finding about the script as a whole. */
    public static LintFinding whole(String rule, Severity severity, String messageKey, String... args) {
        return new LintFinding(rule, severity, messageKey, List.of(args), -1, -1, null);
    }
}
