package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Severity;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Internal terms and jargon from the admin-editable list (script_jargon), with the plain wording to use instead. */
@Component
public class JargonRule extends PhraseRule {

    @Override
    public String code() {
        return "jargon";
    }

    @Override
    public List<LintFinding> check(LintSubject subject) {
        List<Pattern> patterns = subject.jargon().stream().map(t -> phrase(t.term())).toList();
        return find(subject.content().body(), patterns, Severity.WARNING, "lint.jargon", (m, i) -> {
            String suggestion = subject.jargon().get(i).suggestion();
            return List.of(m, suggestion == null ? "" : suggestion);
        });
    }
}
