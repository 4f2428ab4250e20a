package com.steadydesk.knowledge;

/** A version of an article went live (to staff, and to the public when the article is public). */
public record ArticlePublished(long articleId, int version) {
}
