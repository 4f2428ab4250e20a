package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Severity;
import java.util.List;
import org.springframework.stereotype.Component;

/** A crisis-scoped script must send the customer to the public crisis page, where the latest facts are. */
@Component
public class CrisisLinkRule implements LintRule {

    static final String PLACEHOLDER = "{{crisis.status_url}}";

    @Override
    public String code() {
        return "crisis-link";
    }

    @Override
    public List<LintFinding> check(LintSubject subject) {
        if (!subject.content().crisisScoped()) {
            return List.of();
        }
        String body = subject.content().body();
        boolean linked = body.contains(PLACEHOLDER) || body.contains("/status");
        return linked ? List.of() : List.of(LintFinding.whole(code(), Severity.ERROR, "lint.crisis-link", PLACEHOLDER));
    }
}
