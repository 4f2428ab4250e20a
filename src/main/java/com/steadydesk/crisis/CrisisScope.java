package com.steadydesk.crisis;

import java.util.List;

/**
 * What a crisis affects, the keywords that link new tickets to it, and its title for English readers of the public
 * status page ({@code titleEn}, optional: the title stands in).
 */
public record CrisisScope(List<String> products, List<String> regions, List<String> channels, List<String> keywords, String titleEn) {

    public CrisisScope(List<String> products, List<String> regions, List<String> channels, List<String> keywords) {
        this(products, regions, channels, keywords, null);
    }
}
