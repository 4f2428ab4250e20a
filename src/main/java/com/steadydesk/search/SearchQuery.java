package com.steadydesk.search;

import java.util.Map;
import java.util.Set;

/** A query: free text (Chinese, English or mixed), kinds to search (empty = all), exact filters, public-only flag. */
public record SearchQuery(String text, Set<String> kinds, Map<String, String> filters, boolean publicOnly, int limit) {
}
