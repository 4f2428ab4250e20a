package com.steadydesk.channels.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs in one form everywhere (stored, published, compared): {@code <local@domain>}, with angle brackets,
 * no whitespace. In-Reply-To and References often carry comments or lack brackets; this cleans them.
 */
public final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");

    private MessageIds() {
    }

    /** One id in canonical form, or null when there is none. */
    public static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = BRACKETED.matcher(value);
        if (m.find()) {
            return "<" + m.group(1) + ">";
        }
        String bare = value.strip().split("\\s+")[0];
        return bare.isEmpty() ? null : "<" + bare + ">";
    }

    /** Every id in a References-style list, in order, without duplicates. */
    public static List<String> list(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return ids;
        }
        Matcher m = BRACKETED.matcher(value);
        while (m.find()) {
            String id = "<" + m.group(1) + ">";
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            for (String bare : value.strip().split("[\\s,]+")) {
                if (!bare.isEmpty() && !ids.contains("<" + bare + ">")) {
                    ids.add("<" + bare + ">");
                }
            }
        }
        return ids;
    }

    /** Canonical form of every element of a list given by a caller. */
    public static List<String> normaliseAll(List<String> values) {
        List<String> ids = new ArrayList<>();
        if (values != null) {
            values.stream().map(MessageIds::normalise).filter(id -> id != null && !ids.contains(id)).forEach(ids::add);
        }
        return ids;
    }
}
