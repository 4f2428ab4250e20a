package com.steadydesk.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public help center reads: only published snapshots of public articles, never a draft or an internal one.
 * Lists prefer the visitor's language and fall back to the other.
 */
@Component
public class HelpCenterArticles {

    private static final String PUBLIC = " visibility = 'PUBLIC' and published_version is not null ";
    private static final String COLUMNS = "id, slug, published_title, published_summary, published_body, category_id, language, published_at, helpful_yes, helpful_no";

    private final JdbcClient jdbc;

    HelpCenterArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PublicArticle> bySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from kb_articles where slug = ? and" + PUBLIC).param(slug).query(HelpCenterArticles::map).optional();
    }

    public List<PublicArticle> inCategories(Collection<Long> categoryIds, String language, int limit) {
        if (categoryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from kb_articles where category_id in (:ids) and" + PUBLIC
                        + " order by (language = :lang) desc, view_count desc, published_title limit :limit")
                .param("ids", categoryIds).param("lang", language).param("limit", limit).query(HelpCenterArticles::map).list();
    }

    public List<PublicArticle> popular(String language, int limit) {
        return jdbc.sql("select " + COLUMNS + " from kb_articles where" + PUBLIC
                        + " order by (language = ?) desc, view_count desc, helpful_yes desc, id limit ?")
                .params(language, limit).query(HelpCenterArticles::map).list();
    }

    public List<PublicArticle> recent(String language, int limit) {
        return jdbc.sql("select " + COLUMNS + " from kb_articles where" + PUBLIC + " order by (language = ?) desc, published_at desc, id desc limit ?")
                .params(language, limit).query(HelpCenterArticles::map).list();
    }

    /** Public articles per category id, for the category cards. */
    public Map<Long, Integer> countsByCategory() {
        return jdbc.sql("select category_id, count(*) from kb_articles where category_id is not null and" + PUBLIC + " group by category_id")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The given articles that are public now, by id; the check that keeps search hits honest. */
    public Map<Long, PublicArticle> publicByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from kb_articles where id in (:ids) and" + PUBLIC).param("ids", ids)
                .query(HelpCenterArticles::map).list().stream().collect(Collectors.toMap(PublicArticle::id, a -> a));
    }

    @Transactional
    public void recordView(long id) {
        jdbc.sql("update kb_articles set view_count = view_count + 1 where id = ?").param(id).update();
    }

    /**
     * Counts a "was this helpful?" answer once per visitor (a random cookie id) and address hash; answers whether it
     * counted. A second vote by either is ignored, so reloading or clearing cookies cannot stuff the count.
     */
    @Transactional
    public boolean recordFeedback(long id, boolean helpful, String visitorId, String addressHash, Instant at) {
        int added = jdbc.sql("""
                insert into kb_article_votes (article_id, visitor_id, ip_hash, helpful, voted_at) values (?, ?, ?, ?, ?)
                on conflict do nothing
                """).params(id, visitorId, addressHash, helpful, java.sql.Timestamp.from(at)).update();
        if (added == 0) {
            return false;
        }
        jdbc.sql(helpful ? "update kb_articles set helpful_yes = helpful_yes + 1 where id = ?"
                : "update kb_articles set helpful_no = helpful_no + 1 where id = ?").param(id).update();
        return true;
    }

    private static PublicArticle map(ResultSet rs, int row) throws SQLException {
        return new PublicArticle(rs.getLong("id"), rs.getString("slug"), rs.getString("published_title"), rs.getString("published_summary"),
                rs.getString("published_body"), (Long) rs.getObject("category_id"), rs.getString("language"),
                rs.getTimestamp("published_at").toInstant(), rs.getInt("helpful_yes"), rs.getInt("helpful_no"));
    }

    /** A published public article as the help center shows it. */
    public record PublicArticle(long id, String slug, String title, String summary, String body, Long categoryId, String language,
            Instant publishedAt, int helpfulYes, int helpfulNo) {
    }
}
