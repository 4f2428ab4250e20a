package com.steadydesk.knowledge;

import java.util.List;
import java.util.Locale;

/** The languages articles are written in, as BCP 47 tags; the help center prefers the visitor's. */
public final class ArticleLanguage {

    public static final String CHINESE = "zh-CN";
    public static final String ENGLISH = "en";
    public static final List<String> ALL = List.of(CHINESE, ENGLISH);

    private ArticleLanguage() {
    }

    /** The article language that matches a UI locale: English for {@code en*}, Chinese otherwise. */
    public static String of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : CHINESE;
    }

    public static String require(String language) {
        if (!ALL.contains(language)) {
            throw new IllegalArgumentException("language must be one of " + ALL);
        }
        return language;
    }
}
