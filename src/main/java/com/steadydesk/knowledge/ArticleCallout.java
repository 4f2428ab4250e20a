package com.steadydesk.knowledge;

/** A temporary notice on an article affected by a crisis, pointing to the crisis page. */
public record ArticleCallout(long crisisId, long articleId, String text, String link) {
}
