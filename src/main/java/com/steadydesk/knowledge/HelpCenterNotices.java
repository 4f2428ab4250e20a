package com.steadydesk.knowledge;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help-center side of a crisis, driven by the crisis module: a banner on public pages and callouts on the
 * articles the crisis affects, all pointing to the public crisis page. {@link #clearAll} (on crisis close) removes
 * every trace, so nothing lingers once the crisis is over.
 */
@Service
public class HelpCenterNotices {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    HelpCenterNotices(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Shows (or replaces) the crisis's banner on every public page. {@code link} is a path such as /status/crisis-42. */
    @Transactional
    public void showBanner(long crisisId, String title, String link) {
        requireText(title, "title");
        requireLink(link);
        jdbc.sql("""
                insert into kb_help_banners (crisis_id, title, link, shown_at) values (?, ?, ?, ?)
                on conflict (crisis_id) do update set title = excluded.title, link = excluded.link""")
                .params(crisisId, title.strip(), link, Timestamp.from(Instant.now(clock))).update();
        audit.record("knowledge.banner-shown", "crisis:" + crisisId, title);
    }

    @Transactional
    public void clearBanner(long crisisId) {
        if (jdbc.sql("delete from kb_help_banners where crisis_id = ?").param(crisisId).update() > 0) {
            audit.record("knowledge.banner-cleared", "crisis:" + crisisId, null);
        }
    }

    /** Puts a callout on each given article (replacing this crisis's earlier text there). Unknown articles: 404. */
    @Transactional
    public void addCallout(long crisisId, Collection<Long> articleIds, String text, String link) {
        requireText(text, "text");
        requireLink(link);
        Timestamp now = Timestamp.from(Instant.now(clock));
        for (Long articleId : articleIds) {
            if (jdbc.sql("select count(*) from kb_articles where id = ?").param(articleId).query(Integer.class).single() == 0) {
                throw new NotFoundException("article", articleId);
            }
            jdbc.sql("""
                    insert into kb_callouts (crisis_id, article_id, text, link, created_at) values (?, ?, ?, ?, ?)
                    on conflict (crisis_id, article_id) do update set text = excluded.text, link = excluded.link""")
                    .params(crisisId, articleId, text.strip(), link, now).update();
        }
        audit.record("knowledge.callouts-added", "crisis:" + crisisId, "articles=" + articleIds);
    }

    /** Takes the crisis's callout off one article (the crisis lead changed their mind; the others stay). */
    @Transactional
    public boolean removeCallout(long crisisId, long articleId) {
        boolean removed = jdbc.sql("delete from kb_callouts where crisis_id = ? and article_id = ?").params(crisisId, articleId).update() > 0;
        if (removed) {
            audit.record("knowledge.callout-removed", "crisis:" + crisisId, "article=" + articleId);
        }
        return removed;
    }

    @Transactional
    public void clearCallouts(long crisisId) {
        if (jdbc.sql("delete from kb_callouts where crisis_id = ?").param(crisisId).update() > 0) {
            audit.record("knowledge.callouts-cleared", "crisis:" + crisisId, null);
        }
    }

    /** What closing a crisis calls: banner and callouts go. */
    @Transactional
    public void clearAll(long crisisId) {
        clearBanner(crisisId);
        clearCallouts(crisisId);
    }

    /** The banner to show now: the most recently shown one when several crises are active. */
    public Optional<PublicBanner> currentBanner() {
        return jdbc.sql("select crisis_id, title, link from kb_help_banners order by shown_at desc, crisis_id desc limit 1")
                .query((rs, i) -> new PublicBanner(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The crisis's own banner while it is shown (a closed crisis's clean-up checks that it is gone). */
    public Optional<PublicBanner> bannerOf(long crisisId) {
        return jdbc.sql("select crisis_id, title, link from kb_help_banners where crisis_id = ?").param(crisisId)
                .query((rs, i) -> new PublicBanner(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    public List<ArticleCallout> calloutsFor(long articleId) {
        return jdbc.sql("select crisis_id, article_id, text, link from kb_callouts where article_id = ? order by created_at desc, id desc")
                .param(articleId).query((rs, i) -> new ArticleCallout(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    public List<ArticleCallout> calloutsOf(long crisisId) {
        return jdbc.sql("select crisis_id, article_id, text, link from kb_callouts where crisis_id = ? order by article_id")
                .param(crisisId).query((rs, i) -> new ArticleCallout(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /** Links go to our own pages or to http(s) addresses; never javascript: or data: URLs on a public page. */
    private static void requireLink(String link) {
        if (link == null || !(link.startsWith("/") && !link.startsWith("//") || link.startsWith("https://") || link.startsWith("http://"))) {
            throw new IllegalArgumentException("link must be a path starting with / or an http(s) URL");
        }
    }
}
