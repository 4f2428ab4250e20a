package com.steadydesk.search;

import java.util.Map;

/** One result, with the matching passage highlighted ({@code <mark>}, HTML-escaped otherwise). */
public record SearchHit(String kind, String id, String title, String snippetHtml, float score, Map<String, String> fields) {
}
