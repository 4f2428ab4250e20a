package com.steadydesk.customers.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.data.relational.core.mapping.Table;

/** The customer's id in another system, written {@code system:value} (e.g. {@code shop:U10023}). */
@Table("customer_external_ids")
public record ExternalId(String system, String value) {

    private static final Pattern SYSTEM = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public ExternalId {
        if (system == null || !SYSTEM.matcher(system).matches()) {
            throw new IllegalArgumentException("an external id needs a system of lower-case letters, digits, - or _: " + system);
        }
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException("an external id needs a value of at most 128 characters");
        }
    }

    /** Parses {@code system:value}; the system is lower-cased, the value kept as written. */
    public static ExternalId parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("an external id is written system:value, e.g. shop:U10023");
        }
        return new ExternalId(trimmed.substring(0, colon).strip().toLowerCase(Locale.ROOT), trimmed.substring(colon + 1).strip());
    }

    @Override
    public String toString() {
        return system + ":" + value;
    }
}
