package com.steadydesk.search.web;

import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent search page: one box, results grouped by kind with highlighted snippets and the owners' links. */
@Controller
class SearchPageController {

    static final List<String> KNOWN_KINDS = List.of("article", "script", "ticket", "customer");
    private static final int PER_PAGE = 30;

    private final SearchIndex index;
    private final RoleHierarchy roles;
    private final ViewerMasking masking;

    SearchPageController(SearchIndex index, RoleHierarchy roles, ViewerMasking masking) {
        this.index = index;
        this.roles = roles;
        this.masking = masking;
    }

    /** Hits of one kind, in the order of relevance. */
    record Group(String kind, List<HitView> hits) {
    }

    /** A hit and the link to open it (null when the owner gave none that is safe). */
    record HitView(SearchHit hit, String url) {
    }

    @GetMapping("/search")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String search(@RequestParam(name = "q", required = false) String q, @RequestParam(name = "kind", required = false) String kind,
            Authentication auth, Model model) {
        String text = q == null ? "" : q.strip();
        String chosen = kind != null && KNOWN_KINDS.contains(kind) ? kind : null;
        model.addAttribute("q", text);
        model.addAttribute("kind", chosen);
        model.addAttribute("kinds", KNOWN_KINDS);
        model.addAttribute("canAdmin", roles.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
                .anyMatch(a -> "ROLE_SUPERVISOR".equals(a.getAuthority())));
        if (text.isEmpty()) {
            model.addAttribute("groups", List.of());
            return "search/results";
        }
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        String searched = masking.query(text, auth);
        model.addAttribute("contactsIgnored", !searched.equals(text) && !searched.equals(text.replaceAll("\\s+", " ")));
        if (searched.isBlank()) {
            model.addAttribute("groups", List.of());
            return "search/results";
        }
        text = searched;
        List<SearchHit> hits = masking.forViewer(
                index.search(new SearchQuery(text, chosen == null ? Set.of() : Set.of(chosen), Map.of(), false, PER_PAGE)), auth);
        Map<String, List<HitView>> byKind = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            byKind.computeIfAbsent(hit.kind(), k -> new ArrayList<>()).add(new HitView(hit, safeUrl(hit)));
        }
        model.addAttribute("groups", byKind.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
        model.addAttribute("total", hits.size());
        return "search/results";
    }

    /** Owners put a link into {@code fields.url}; only same-site paths are followed, never {@code javascript:} or other hosts. */
    static String safeUrl(SearchHit hit) {
        String url = hit.fields() == null ? null : hit.fields().get("url");
        return url != null && url.startsWith("/") && !url.startsWith("//") ? url : null;
    }
}
