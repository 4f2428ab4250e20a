package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Severity;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Absolute guarantees that a frightened team cannot keep (保证, 一定, 马上, 100%, guarantee, immediately...). */
@Component
public class OverPromisingRule extends PhraseRule {

    static final List<String> CHINESE = List.of("保证", "担保", "马上", "立即", "立刻", "百分之百", "绝对", "肯定会", "永远不会", "随时都");
    static final List<String> ENGLISH = List.of("guarantee", "guaranteed", "guarantees", "immediately", "right away", "definitely",
            "absolutely", "instantly", "never happen again", "rest assured");
    private static final List<Pattern> PATTERNS = Stream.concat(
            Stream.concat(CHINESE.stream(), ENGLISH.stream()).map(PhraseRule::phrase),
            // "一定" promises ("一定会", "一定帮您") but "一定程度" is only a measure; "100%" is a promise in both languages
            Stream.of(Pattern.compile("一定(?!程度|的)"), Pattern.compile("100\\s*%"))).toList();

    @Override
    public String code() {
        return "over-promising";
    }

    @Override
    public List<LintFinding> check(LintSubject subject) {
        return find(subject.content().body(), PATTERNS, Severity.WARNING, "lint.over-promising", (m, i) -> List.of(m));
    }
}
