package com.steadydesk.crisis;

import java.util.List;

/**
 * What a crisis affects, the keywords that link new tickets to it, and its title for English readers of the public
 * status page ({@code titleEn}, optional: the title stands in), and, when {@code publicWording}, the public title and
 * the English names of the products.
 */
public record CrisisScope(List<String> products, List<String> regions, List<String> channels, List<String> keywords, String titleEn,
        String publicTitle, List<String> productsEn, boolean publicWording) {

    public CrisisScope(List<String> products, List<String> regions, List<String> channels, List<String> keywords) {
        this(products, regions, channels, keywords, null);
    }

    /** Scope without the public wording (public title, English product names), which stays as it is. */
    public CrisisScope(List<String> products, List<String> regions, List<String> channels, List<String> keywords, String titleEn) {
        this(products, regions, channels, keywords, titleEn, null, List.of(), false);
    }

    /** Scope with the public wording: {@code publicTitle} (blank: the type's neutral wording), {@code productsEn} by position. */
    public static CrisisScope withPublicWording(List<String> products, List<String> productsEn, List<String> regions, List<String> channels,
            List<String> keywords, String publicTitle, String titleEn) {
        return new CrisisScope(products, regions, channels, keywords, titleEn, publicTitle, productsEn == null ? List.of() : productsEn, true);
    }
}
