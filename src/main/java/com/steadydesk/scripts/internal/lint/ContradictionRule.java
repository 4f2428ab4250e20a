package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Numbers that disagree with the approved library: for each topic and dimension (refund duration, compensation amount...)
 * a script whose values share none with another approved script's values contradicts it (3-5 working days vs 7 days).
 */
@Component
public class ContradictionRule implements LintRule {

    @Override
    public String code() {
        return "contradiction";
    }

    @Override
    public List<LintFinding> check(LintSubject subject) {
        Map<String, Set<String>> mine = byKey(FactExtractor.extract(subject.content().body(), subject.rootCategory()));
        var findings = new ArrayList<LintFinding>();
        for (LintSubject.LibraryFacts other : subject.library()) {
            if (subject.scriptId() != null && subject.scriptId() == other.scriptId()) {
                continue;
            }
            Map<String, Set<String>> theirs = byKey(other.facts());
            for (var entry : mine.entrySet()) {
                Set<String> otherValues = theirs.get(entry.getKey());
                if (conflict(entry.getValue(), otherValues)) {
                    findings.add(LintFinding.whole(code(), Severity.WARNING, "lint.contradiction", entry.getKey(),
                            String.join(", ", entry.getValue()), other.title(), String.join(", ", otherValues)));
                }
            }
        }
        return findings;
    }

    /** Two sets of values for one topic/dimension contradict when they have none in common. */
    public static boolean conflict(Set<String> a, Set<String> b) {
        return a != null && b != null && !a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(b::contains);
    }

    /** Facts grouped by topic/dimension, values in order. */
    public static Map<String, Set<String>> byKey(List<Fact> facts) {
        return facts.stream().collect(Collectors.groupingBy(Fact::key, TreeMap::new,
                Collectors.mapping(Fact::value, Collectors.toCollection(LinkedHashSet::new))));
    }
}
