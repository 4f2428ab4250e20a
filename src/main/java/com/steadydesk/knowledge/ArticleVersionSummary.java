package com.steadydesk.knowledge;

import java.time.Instant;

/** One entry of an article's version history. */
public record ArticleVersionSummary(int number, String title, String author, String note, Instant createdAt) {
}
