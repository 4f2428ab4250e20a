package com.steadydesk.knowledge;

/** Where an article stands: never published, published as is, or published with newer unpublished changes. */
public enum ArticleStatus {
    DRAFT, PUBLISHED, CHANGED
}
