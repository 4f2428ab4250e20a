package com.steadydesk.search.web;

import com.steadydesk.platform.Keyset;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One search box over articles, scripts and tickets, for agents and integrations. */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Chinese and English full-text search across articles, scripts and tickets")
class SearchApiController {

    private final SearchIndex index;
    private final ViewerMasking masking;

    SearchApiController(SearchIndex index, ViewerMasking masking) {
        this.index = index;
        this.masking = masking;
    }

    @GetMapping
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "Search", description = """
            Best hits first across the chosen kinds (all when none is given), with a highlighted snippet: HTML where \
            everything is escaped except <mark> around the matches. Internal content (tickets, internal articles) is \
            included: this endpoint is for staff only; a temporary agent sees contact data masked, and phone numbers and email addresses \
            are taken out of a temporary agent's query. At most 30 searches a minute per user (429 with Retry-After beyond). \
            Queries without a good answer are logged for the knowledge team, with contact data masked.""")
    Keyset<SearchHit> search(
            @Parameter(description = "Free text, Chinese, English or mixed; \"quoted\" phrases are required", example = "物流延迟")
            @RequestParam("q") String q,
            @Parameter(description = "Kinds to search, e.g. article, script, ticket; repeat or separate by commas")
            @RequestParam(name = "kind", required = false) List<String> kinds,
            @Parameter(description = "At most this many hits (1-100)")
            @RequestParam(name = "limit", defaultValue = "20") int limit, Authentication viewer) {
        String text = masking.query(SearchParameters.text(q), viewer);
        if (text.isBlank()) {
            return Keyset.of(List.of()); // nothing but contact data, which this viewer cannot search by
        }
        return Keyset.of(masking.forViewer(index.search(new SearchQuery(text, SearchParameters.kinds(kinds), Map.of(), false,
                SearchParameters.limit(limit))), viewer));
    }

    /** The same validation for the API and the page. */
    static final class SearchParameters {

        private SearchParameters() {
        }

        static String text(String q) {
            if (q == null || q.isBlank()) {
                throw new IllegalArgumentException("q must not be blank");
            }
            if (q.length() > 200) {
                throw new IllegalArgumentException("q must be at most 200 characters");
            }
            return q.strip();
        }

        static Set<String> kinds(List<String> kinds) {
            if (kinds == null) {
                return Set.of();
            }
            Set<String> out = new java.util.TreeSet<>();
            for (String value : kinds) {
                for (String kind : value.split(",")) {
                    String k = kind.strip();
                    if (!k.isEmpty()) {
                        if (!k.matches("[a-z][a-z0-9_-]{0,31}")) {
                            throw new IllegalArgumentException("Unknown kind: " + k);
                        }
                        out.add(k);
                    }
                }
            }
            return out;
        }

        static int limit(int limit) {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("limit must be between 1 and 100");
            }
            return limit;
        }
    }
}
