package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import java.util.List;

/** One quality check of the script linter; each rule is its own class so that rules can be added and tested alone. */
public interface LintRule {

    /** The stable rule code (also the prefix of its message keys). */
    String code();

    List<LintFinding> check(LintSubject subject);
}
