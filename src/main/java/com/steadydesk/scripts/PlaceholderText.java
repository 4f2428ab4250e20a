package com.steadydesk.scripts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder syntax of docs/scripts-placeholders.md: {@code {{name}}} or {@code {{namespace.name}}}, lower-case
 * letters, digits and underscores. Finding, filling and checking placeholders in a text.
 */
public final class PlaceholderText {

    /** A valid placeholder name. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?");
    /** Anything between double braces, valid or not (so that typos are found too). */
    static final Pattern ANY = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private PlaceholderText() {
    }

    /** Names of all placeholders in the text, valid or not, in order of first appearance. */
    public static List<String> names(String text) {
        var names = new LinkedHashSet<String>();
        if (text != null) {
            Matcher m = ANY.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return List.copyOf(names);
    }

    /** Every occurrence with its span, for highlighting and lint findings. */
    public static List<Occurrence> occurrences(String text) {
        var list = new ArrayList<Occurrence>();
        if (text != null) {
            Matcher m = ANY.matcher(text);
            while (m.find()) {
                list.add(new Occurrence(m.group(1), m.start(), m.end()));
            }
        }
        return list;
    }

    /** Replaces the placeholders that have a non-blank value; the others stay as written. */
    public static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return "";
        }
        Matcher m = ANY.matcher(text);
        var sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null || value.isBlank() ? m.group() : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** One {@code {{...}}} in a text. */
    public record Occurrence(String name, int start, int end) {
    }
}
