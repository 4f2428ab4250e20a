package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Base of the rules that flag phrases from a list (over-promising, passing the buck, jargon): each match in the body
 * or title becomes a finding with its span. Latin phrases match whole words and ignore case; Chinese phrases match as written.
 */
abstract class PhraseRule implements LintRule {

    /** Compiles a phrase: Latin text gets word boundaries and case-insensitivity, regular expressions pass through. */
    static Pattern phrase(String phrase) {
        boolean latin = phrase.chars().allMatch(c -> c < 128);
        String quoted = Pattern.quote(phrase);
        return latin ? Pattern.compile("(?<![A-Za-z0-9])" + quoted + "(?![A-Za-z])", Pattern.CASE_INSENSITIVE) : Pattern.compile(quoted);
    }

    /** Finds every pattern in the body; {@code args} is given the matched text and the pattern's index. */
    List<LintFinding> find(String body, List<Pattern> patterns, Severity severity, String messageKey, ArgsForMatch args) {
        var findings = new ArrayList<LintFinding>();
        if (body == null) {
            return findings;
        }
        for (int i = 0; i < patterns.size(); i++) {
            Matcher m = patterns.get(i).matcher(body);
            while (m.find()) {
                findings.add(new LintFinding(code(), severity, messageKey, args.of(m.group(), i), m.start(), m.end(), m.group()));
            }
        }
        findings.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return findings;
    }

    /** Message arguments for one match. */
    interface ArgsForMatch {
        List<String> of(String matched, int patternIndex);
    }
}
