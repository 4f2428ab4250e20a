package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.PlaceholderCatalogue;
import com.steadydesk.scripts.PlaceholderText;
import com.steadydesk.scripts.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Placeholders the agent could not fill: malformed ones, unknown automatic ones ({@code {{customer.nmae}}}) or ones the
 * {@link PlaceholderCatalogue} does not fill in replies, manual
 * ones used but not declared, and single-brace typos; declared ones never used are reported for information.
 */
@Component
public class PlaceholderRule implements LintRule {

    /** What the message offers instead, straight from the catalogue. */
    private static final String AVAILABLE = String.join(", ",
            new java.util.TreeSet<>(PlaceholderCatalogue.namesFor(PlaceholderCatalogue.Use.TICKET_REPLY)));
    private static final Pattern SINGLE_BRACES = Pattern.compile("(?<!\\{)\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}(?!})");

    @Override
    public String code() {
        return "placeholder";
    }

    @Override
    public List<LintFinding> check(LintSubject subject) {
        String body = subject.content().body();
        Set<String> declared = subject.content().placeholders().stream().map(Placeholder::name).collect(Collectors.toSet());
        var findings = new ArrayList<LintFinding>();
        var used = new java.util.HashSet<String>();
        for (PlaceholderText.Occurrence o : PlaceholderText.occurrences(body)) {
            String name = o.name();
            used.add(name);
            String key = null;
            if (!PlaceholderText.NAME.matcher(name).matches()) {
                key = "lint.placeholder.malformed";
            } else if (name.contains(".") && !PlaceholderCatalogue.known(name)) {
                key = "lint.placeholder.unknown";
            } else if (name.contains(".") && !PlaceholderCatalogue.entry(name).orElseThrow().allowedIn(PlaceholderCatalogue.Use.TICKET_REPLY)) {
                key = "lint.placeholder.not-for-replies"; // e.g. {{crisis.next_update}}: filled on the status page only
            } else if (!name.contains(".") && !declared.contains(name)) {
                key = "lint.placeholder.undeclared";
            }
            if (key != null) {
                findings.add(new LintFinding(code(), Severity.ERROR, key, List.of(name, AVAILABLE), o.start(), o.end(),
                        body.substring(o.start(), o.end())));
            }
        }
        Matcher single = SINGLE_BRACES.matcher(body);
        while (single.find()) {
            findings.add(new LintFinding(code(), Severity.WARNING, "lint.placeholder.single-braces", List.of(single.group(1)),
                    single.start(), single.end(), single.group()));
        }
        for (Placeholder p : subject.content().placeholders()) {
            if (!used.contains(p.name())) {
                findings.add(LintFinding.whole(code(), Severity.INFO, "lint.placeholder.unused", p.name()));
            }
        }
        return findings;
    }
}
