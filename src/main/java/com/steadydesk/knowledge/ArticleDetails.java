package com.steadydesk.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An article as staff see it: the latest version, its rendered HTML, and where publishing stands. */
public record ArticleDetails(long id, String slug, String title, String summary, String body, String bodyHtml, Long categoryId,
        String language, Visibility visibility, ArticleStatus status, String owner, LocalDate reviewDue, int currentVersion,
        Integer publishedVersion, List<String> tags, Instant createdAt, Instant updatedAt, String updatedBy, int helpfulYes,
        int helpfulNo) {
}
