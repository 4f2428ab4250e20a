package com.steadydesk.knowledge;

import java.time.Instant;
import java.time.LocalDate;

/** A row of an article list. */
public record ArticleSummary(long id, String slug, String title, Long categoryId, String language, Visibility visibility,
        ArticleStatus status, String owner, LocalDate reviewDue, int currentVersion, Instant updatedAt) {
}
