package com.steadydesk.search.web;

import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchTextMasking;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Hits as the viewer may see them: a temporary agent gets titles and snippets with contact data masked. The snippet
 * is masked as plain text and the highlights are put back afterwards, so a phone number split by a highlight cannot
 * slip through.
 */
@Component
class ViewerMasking {

    private static final Pattern MARKED = Pattern.compile("<mark>(.*?)</mark>");

    private final RoleHierarchy roles;
    private final ObjectProvider<SearchTextMasking> masking;

    ViewerMasking(RoleHierarchy roles, ObjectProvider<SearchTextMasking> masking) {
        this.roles = roles;
        this.masking = masking;
    }

    List<SearchHit> forViewer(List<SearchHit> hits, Authentication viewer) {
        if (seesContacts(viewer)) {
            return hits;
        }
        SearchTextMasking masker = masking.getIfAvailable();
        return hits.stream().map(hit -> masker == null ? withheld(hit) : masked(hit, masker)).toList();
    }

    /**
     * The query the viewer may run: a viewer who sees contacts masked cannot search by them (the hits would confirm the
     * number behind its mask), so they are taken out. Without a masking policy such a viewer's query runs unchanged, as
     * ticket snippets are withheld from them then.
     */
    String query(String text, Authentication viewer) {
        SearchTextMasking masker = masking.getIfAvailable();
        return seesContacts(viewer) || masker == null ? text : masker.queryForCurrentViewer(text);
    }

    private boolean seesContacts(Authentication viewer) {
        return roles.getReachableGrantedAuthorities(viewer.getAuthorities()).stream().anyMatch(a -> "ROLE_AGENT".equals(a.getAuthority()));
    }

    /** Without a masking policy only tickets carry customers' data; their snippets are left out. */
    private static SearchHit withheld(SearchHit hit) {
        return "ticket".equals(hit.kind()) ? new SearchHit(hit.kind(), hit.id(), hit.title(), "", hit.score(), hit.fields()) : hit;
    }

    static SearchHit masked(SearchHit hit, SearchTextMasking masker) {
        String title = hit.title() == null ? null : masker.titleForCurrentViewer(hit.kind(), hit.title());
        return new SearchHit(hit.kind(), hit.id(), title, maskSnippet(hit.snippetHtml(), masker::forCurrentViewer), hit.score(), hit.fields());
    }

    static String maskSnippet(String html, java.util.function.UnaryOperator<String> mask) {
        if (html == null || html.isEmpty()) {
            return html;
        }
        Set<String> marked = new LinkedHashSet<>();
        Matcher m = MARKED.matcher(html);
        while (m.find()) {
            marked.add(HtmlUtils.htmlUnescape(m.group(1)));
        }
        String plain = HtmlUtils.htmlUnescape(html.replace("<mark>", "").replace("</mark>", ""));
        String escaped = HtmlUtils.htmlEscape(mask.apply(plain));
        // one pass, longest term first: marking "物流" after "物流延迟" would nest marks inside marks
        String alternation = marked.stream().map(HtmlUtils::htmlEscape).filter(t -> !t.isBlank())
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining("|"));
        if (!alternation.isEmpty()) {
            escaped = java.util.regex.Pattern.compile(alternation).matcher(escaped).replaceAll("<mark>$0</mark>");
        }
        return escaped;
    }
}
