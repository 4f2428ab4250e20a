package com.steadydesk.knowledge;

import java.time.Instant;

/** The full text of one version of an article. */
public record ArticleVersionDetails(long articleId, int number, String title, String summary, String body, String author,
        String note, Instant createdAt) {
}
