package com.steadydesk.knowledge;

/** A knowledge-base category; {@code depth} is its level in the tree (0 = top), for indented lists. */
public record Category(long id, Long parentId, String slug, String nameZh, String nameEn, int position, int depth) {

    /** The name in the article language given ({@code en} or Chinese). */
    public String name(String language) {
        return ArticleLanguage.ENGLISH.equals(language) ? nameEn : nameZh;
    }
}
