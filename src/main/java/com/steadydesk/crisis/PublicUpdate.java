package com.steadydesk.crisis;

import java.time.Instant;
import java.util.Locale;

/**
 * An update published on the public status page. {@code phase}: INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED.
 * {@code nextUpdateAt}: when readers can expect the next one (null after the last).
 */
public record PublicUpdate(long id, CrisisId crisisId, String phase, String bodyZh, String bodyEn, String author, Instant publishedAt,
        Instant nextUpdateAt) {

    /** The phases an update can announce, in their usual order. */
    public static final java.util.List<String> PHASES = java.util.List.of("INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED");

    public String body(Locale locale) {
        return "en".equals(locale.getLanguage()) ? bodyEn : bodyZh;
    }
}
