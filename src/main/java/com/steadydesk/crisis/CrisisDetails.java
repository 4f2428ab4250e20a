package com.steadydesk.crisis;

import java.time.Instant;
import java.util.List;

/** A crisis as its page and the API show it, with the history of its grades. */
public record CrisisDetails(CrisisId id, CrisisType type, String title, String titleEn, String description, CrisisStatus status, CrisisGrade grade,
        Integer gradeScore, List<String> products, List<String> regions, List<String> channels, List<String> keywords, String reportedBy,
        Instant reportedAt, Instant occurringSince, String lead, Instant declaredAt, Instant resolvedAt, Instant closedAt,
        List<GradeHistoryEntry> gradeHistory) {

    /** One grade the crisis had; {@code overridden} with the lead's reason. */
    public record GradeHistoryEntry(CrisisGrade grade, Integer score, boolean overridden, String reason, String changedBy, Instant changedAt) {
    }
}
