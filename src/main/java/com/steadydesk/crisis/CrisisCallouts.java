package com.steadydesk.crisis;

import com.steadydesk.knowledge.ArticleManagement;
import com.steadydesk.knowledge.ArticleSummary;
import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Callouts on help-center articles during a crisis ("this article is affected: see the status page"): the lead picks
 * an article, writes the callout and may take it off again; all go when the crisis closes (knowledge's clearAll).
 */
@Service
public class CrisisCallouts {

    private final CrisisManagement crises;
    private final HelpCenterNotices helpCenter;
    private final ArticleManagement articles;
    private final CrisisTimeline timeline;

    CrisisCallouts(CrisisManagement crises, HelpCenterNotices helpCenter, ArticleManagement articles, CrisisTimeline timeline) {
        this.crises = crises;
        this.helpCenter = helpCenter;
        this.articles = articles;
        this.timeline = timeline;
    }

    /** A callout as the cockpit lists it. */
    public record Callout(long articleId, String articleTitle, String text, String link) {
    }

    /** The crisis's callouts with their articles' titles. */
    public List<Callout> of(CrisisId id) {
        var callouts = helpCenter.calloutsOf(id.value());
        Map<Long, String> titles = articles.summaries(callouts.stream().map(c -> c.articleId()).toList()).stream()
                .collect(Collectors.toMap(ArticleSummary::id, ArticleSummary::title, (a, b) -> a));
        return callouts.stream().map(c -> new Callout(c.articleId(), titles.getOrDefault(c.articleId(), "#" + c.articleId()), c.text(), c.link()))
                .toList();
    }

    /** Puts (or replaces) the crisis's callout on an article, linking to the crisis on the status page. */
    @Transactional
    public Callout add(CrisisId id, long articleId, String text) {
        CrisisDetails crisis = crises.find(id);
        if (crisis.status() != CrisisStatus.DECLARED && crisis.status() != CrisisStatus.RESOLVED) {
            throw new DomainRuleViolation("crisis.not-active", "callouts belong to a declared crisis");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a callout needs a text");
        }
        helpCenter.addCallout(id.value(), List.of(articleId), text.strip(), "/status#crisis-" + id.value());
        Callout added = of(id).stream().filter(c -> c.articleId() == articleId).findFirst().orElseThrow();
        timeline.append(id, "DECISION", "callout on article " + articleId + ": " + text.strip(),
                CrisisTimeline.Caption.of("crisis.timeline.text.calloutAdded", added.articleTitle(), text.strip()));
        return added;
    }

    @Transactional
    public void remove(CrisisId id, long articleId) {
        Callout callout = of(id).stream().filter(c -> c.articleId() == articleId).findFirst()
                .orElseThrow(() -> new NotFoundException("callout", articleId));
        helpCenter.removeCallout(id.value(), articleId);
        timeline.append(id, "DECISION", "callout removed from article " + articleId,
                CrisisTimeline.Caption.of("crisis.timeline.text.calloutRemoved", callout.articleTitle()));
    }

    /** Articles whose title or text matches, for the cockpit's picker. */
    public List<ArticleChoice> findArticles(String text) {
        return articles.search(text, Map.of(), 8).stream().map(h -> new ArticleChoice(Long.parseLong(h.id()), h.title())).toList();
    }

    /** An article offered by the picker. */
    public record ArticleChoice(long id, String title) {
    }
}
