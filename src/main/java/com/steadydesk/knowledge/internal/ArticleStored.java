package com.steadydesk.knowledge.internal;

/** An article was created or changed in any way; its search document must be refreshed. */
public record ArticleStored(long articleId) {
}
