package com.steadydesk.crisis;

import java.time.Instant;
import java.util.List;

/** A crisis as its page and the API show it, with the history of its grades. */
public record CrisisDetails(CrisisId id, CrisisType type, String title, String titleEn, String description, CrisisStatus status, CrisisGrade grade,
        Integer gradeScore, List<String> products, List<String> regions, List<String> channels, List<String> keywords, String reportedBy,
        Instant reportedAt, Instant occurringSince, String lead, Instant declaredAt, Instant resolvedAt, Instant closedAt,
        List<GradeHistoryEntry> gradeHistory, String publicTitle, List<String> productsEn) {

    /** The affected products in the reader's language (the Chinese name where no English one is given). */
    public List<String> products(java.util.Locale locale) {
        if (!"en".equals(locale.getLanguage())) {
            return products;
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            names.add(i < productsEn.size() && !productsEn.get(i).isBlank() ? productsEn.get(i) : products.get(i));
        }
        return names;
    }

    /** One grade the crisis had; {@code overridden} with the lead's reason. */
    public record GradeHistoryEntry(CrisisGrade grade, Integer score, boolean overridden, String reason, String changedBy, Instant changedAt) {
    }
}
