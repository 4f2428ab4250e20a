package com.steadydesk.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One searchable thing of a kind ("article", "script", "ticket"...). {@code fields} are exact-match filter values
 * (category, language, status, visibility...); {@code publicVisible} marks what the public help center may show.
 */
public record SearchDocument(String kind, String id, String title, String body, List<String> tags, Map<String, String> fields,
        String language, boolean publicVisible, Instant updatedAt) {
}
