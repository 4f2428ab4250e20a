package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Complaint-handling and soothing scripts must acknowledge the customer's feelings before anything else. */
@Component
public class EmpathyRule implements LintRule {

    static final Set<String> CATEGORIES = Set.of("complaint", "soothing");
    static final List<String> CHINESE = List.of("理解", "抱歉", "歉意", "道歉", "对不起", "不愉快", "感受", "着急", "辛苦", "不便", "心情", "体谅", "担心",
            "失望", "不满", "委屈", "生气");
    static final List<String> ENGLISH = List.of("understand", "sorry", "apologi", "frustrat", "inconvenien", "appreciate your patience",
            "hear you", "upset", "disappoint", "worr", "annoy");

    @Override
    public String code() {
        return "empathy";
    }

    @Override
    public List<LintFinding> check(LintSubject subject) {
        if (subject.rootCategory() == null || !CATEGORIES.contains(subject.rootCategory())) {
            return List.of();
        }
        String body = subject.content().body().toLowerCase(Locale.ROOT);
        boolean acknowledges = CHINESE.stream().anyMatch(body::contains) || ENGLISH.stream().anyMatch(body::contains);
        return acknowledges ? List.of() : List.of(LintFinding.whole(code(), Severity.ERROR, "lint.empathy"));
    }
}
