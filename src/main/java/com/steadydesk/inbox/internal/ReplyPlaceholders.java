package com.steadydesk.inbox.internal;

import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.scripts.PlaceholderCatalogue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of reply texts (scripts mark what the agent must customise, e.g. {@code {{order_no}}}).
 * The inbox fills the placeholders that {@link PlaceholderCatalogue} allows in ticket replies (the same list the script
 * linter checks against, so an approved script is never refused here); a text that still holds any placeholder
 * afterwards is refused, so that no customer ever reads "{{days}}".
 */
public final class ReplyPlaceholders {

    /** The names the inbox fills by itself (single and bulk replies allow the same names). */
    public static final Set<String> KNOWN = PlaceholderCatalogue.namesFor(PlaceholderCatalogue.Use.TICKET_REPLY);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private ReplyPlaceholders() {
    }

    /** Every placeholder name in the text, in order of appearance. */
    public static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Placeholders the inbox will never fill (the agent must replace them by hand). */
    public static Set<String> unfillable(String text) {
        Set<String> names = names(text);
        names.removeAll(KNOWN);
        return names;
    }

    /** Refuses the text up front when it holds a placeholder that the inbox does not fill. */
    public static void requireFillable(String text) {
        Set<String> left = unfillable(text);
        if (!left.isEmpty()) {
            throw unfilled(left);
        }
    }

    /** Fills the known placeholders from {@code values}; refuses the text if any placeholder is left. */
    public static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        Set<String> left = new LinkedHashSet<>();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                left.add(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(out);
        if (!left.isEmpty()) {
            throw unfilled(left);
        }
        return out.toString();
    }

    private static DomainRuleViolation unfilled(Set<String> names) {
        return new DomainRuleViolation("reply.placeholder-unfilled",
                "replace the placeholders before sending: " + String.join(", ", names.stream().map(n -> "{{" + n + "}}").toList()));
    }
}
