package com.steadydesk.knowledge;

/** Optional filters of the staff article list; null = any. */
public record ArticleFilter(Long categoryId, String language, Visibility visibility, ArticleStatus status, String tag, String owner) {

    public static ArticleFilter none() {
        return new ArticleFilter(null, null, null, null, null, null);
    }
}
