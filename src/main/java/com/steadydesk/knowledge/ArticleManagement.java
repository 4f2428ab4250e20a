package com.steadydesk.knowledge;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.knowledge.internal.Article;
import com.steadydesk.knowledge.internal.ArticleStored;
import com.steadydesk.knowledge.internal.ArticleIndexing;
import com.steadydesk.knowledge.internal.ArticleVersion;
import com.steadydesk.knowledge.internal.ArticleVersions;
import com.steadydesk.knowledge.internal.Articles;
import com.steadydesk.knowledge.internal.MarkdownRenderer;
import com.steadydesk.knowledge.internal.Slugs;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.platform.TextDiff;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing, versioning and publishing knowledge-base articles. Every edit is a new version; publishing makes the
 * latest version what the help center (for public articles) shows. Publishing, visibility and restores are audited.
 */
@Service
public class ArticleManagement {

    /** Tries of a write whose free slug another writer took at the same moment; each try sees one more slug taken. */
    private static final int SLUG_ATTEMPTS = 10;

    private final Articles articles;
    private final ArticleVersions versions;
    private final MarkdownRenderer markdown;
    private final JdbcClient jdbc;
    private final SearchIndex search;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    ArticleManagement(Articles articles, ArticleVersions versions, MarkdownRenderer markdown, JdbcClient jdbc, SearchIndex search,
            ApplicationEventPublisher events, AuditLog audit, CurrentUser currentUser, Clock clock, PlatformTransactionManager transactions) {
        this.articles = articles;
        this.versions = versions;
        this.markdown = markdown;
        this.jdbc = jdbc;
        this.search = search;
        this.events = events;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A new internal draft, version 1, owned by its author. */
    public ArticleDetails create(ArticleDraft draft) {
        return withFreeSlug(() -> {
            Instant now = Instant.now(clock);
            String author = currentUser.username();
            Article article = articles.save(Article.create(draft, uniqueSlug(draft.slug(), draft.title(), null), author, now));
            versions.save(ArticleVersion.first(article, draft.note(), author, now));
            events.publishEvent(new ArticleStored(article.getId()));
            return details(article);
        });
    }

    /**
     * Saves a new version. {@code baseVersion} is the version the author started from (null = do not check): when
     * someone saved in between, the edit is refused rather than silently overwriting theirs.
     */
    public ArticleDetails update(long id, ArticleDraft draft, Integer baseVersion) {
        return withFreeSlug(() -> {
            Article article = load(id);
            if (baseVersion != null && baseVersion != article.getCurrentVersion()) {
                throw new DomainRuleViolation("article.edit-conflict",
                        "version " + article.getCurrentVersion() + " was saved after version " + baseVersion + " that you edited");
            }
            String slug = draft.slug() == null || draft.slug().isBlank() || draft.slug().equals(article.getSlug())
                    ? null : uniqueSlug(draft.slug(), draft.title(), id);
            ArticleVersion version = article.revise(draft, slug, currentUser.username(), Instant.now(clock));
            articles.save(article);
            versions.save(version);
            events.publishEvent(new ArticleStored(id));
            return details(article);
        });
    }

    /**
     * Runs a write that picks a free slug, in a transaction of its own or a savepoint of the caller's. Two writers may
     * pick the same free slug at once; the unique index refuses the later one, which then tries again from the
     * savepoint and, now seeing the slug taken, gets the next suffix.
     */
    private ArticleDetails withFreeSlug(Supplier<ArticleDetails> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return savepoint.execute(status -> write.get());
            } catch (DataAccessException e) {
                if (attempt >= SLUG_ATTEMPTS || !slugTaken(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean slugTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException && String.valueOf(t.getMessage()).contains("kb_articles_slug_key")) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    public ArticleDetails publish(long id) {
        Article article = load(id);
        article.publish(Instant.now(clock));
        articles.save(article);
        audit.record("knowledge.article-published", "article:" + id, "v" + article.getCurrentVersion() + " " + article.getVisibility());
        events.publishEvent(new ArticlePublished(id, article.getCurrentVersion()));
        events.publishEvent(new ArticleStored(id));
        return details(article);
    }

    @Transactional
    public ArticleDetails unpublish(long id) {
        Article article = load(id);
        article.unpublish();
        articles.save(article);
        audit.record("knowledge.article-unpublished", "article:" + id, null);
        events.publishEvent(new ArticleStored(id));
        return details(article);
    }

    @Transactional
    public ArticleDetails changeVisibility(long id, Visibility visibility) {
        Article article = load(id);
        Visibility before = article.getVisibility();
        article.changeVisibility(visibility);
        articles.save(article);
        audit.record("knowledge.article-visibility", "article:" + id, before + " -> " + visibility);
        events.publishEvent(new ArticleStored(id));
        return details(article);
    }

    /** Makes version {@code number}'s text the newest version; not published until someone publishes it. */
    @Transactional
    public ArticleDetails restore(long id, int number) {
        Article article = load(id);
        ArticleVersion old = loadVersion(id, number);
        ArticleVersion restored = article.restore(old, currentUser.username(), Instant.now(clock));
        articles.save(article);
        versions.save(restored);
        audit.record("knowledge.article-restored", "article:" + id, "v" + number + " -> v" + restored.getNumber());
        events.publishEvent(new ArticleStored(id));
        return details(article);
    }

    @Transactional
    public void changeOwner(long id, String owner) {
        Article article = load(id);
        article.changeOwner(owner);
        articles.save(article);
        audit.record("knowledge.article-owner", "article:" + id, owner);
    }

    public ArticleDetails details(long id) {
        return details(load(id));
    }

    public List<ArticleVersionSummary> versions(long id) {
        load(id);
        return versions.findByArticleIdOrderByNumberDesc(id).stream()
                .map(v -> new ArticleVersionSummary(v.getNumber(), v.getTitle(), v.getAuthor(), v.getNote(), v.getCreatedAt())).toList();
    }

    public ArticleVersionDetails version(long id, int number) {
        ArticleVersion v = loadVersion(id, number);
        return new ArticleVersionDetails(id, v.getNumber(), v.getTitle(), v.getSummary(), v.getBody(), v.getAuthor(), v.getNote(), v.getCreatedAt());
    }

    /** What changed from version {@code from} to version {@code to} (any two, in either order). */
    public VersionDiff diff(long id, int from, int to) {
        String before = loadVersion(id, from).comparableText();
        String after = loadVersion(id, to).comparableText();
        return new VersionDiff(from, to, TextDiff.html(before, after), TextDiff.plain(before, after));
    }

    /**
     * Articles newest-changed first, keyset-paginated on (updated_at, id); {@code cursor} is the opaque value of
     * {@link Keyset#nextCursor()} or null for the first page.
     */
    public Keyset<ArticleSummary> list(ArticleFilter filter, String cursor, int limit) {
        var where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.categoryId() != null) {
            where.append(" and a.category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.language() != null) {
            where.append(" and a.language = :language");
            params.put("language", filter.language());
        }
        if (filter.visibility() != null) {
            where.append(" and a.visibility = :visibility");
            params.put("visibility", filter.visibility().name());
        }
        if (filter.status() != null) {
            where.append(switch (filter.status()) {
                case DRAFT -> " and a.published_version is null";
                case PUBLISHED -> " and a.published_version = a.current_version";
                case CHANGED -> " and a.published_version <> a.current_version";
            });
        }
        if (filter.tag() != null) {
            where.append(" and exists (select 1 from kb_article_tags t where t.article_id = a.id and t.tag = :tag)");
            params.put("tag", filter.tag());
        }
        if (filter.owner() != null) {
            where.append(" and a.owner = :owner");
            params.put("owner", filter.owner());
        }
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = cursor.split("-", 2);
            where.append(" and (a.updated_at, a.id) < (:cursorAt, :cursorId)");
            try {
                params.put("cursorAt", java.sql.Timestamp.from(Instant.EPOCH.plus(Long.parseLong(parts[0]), java.time.temporal.ChronoUnit.MICROS)));
                params.put("cursorId", Long.parseLong(parts[1]));
            } catch (RuntimeException e) { // a hand-made or truncated cursor: the caller's mistake, not ours
                throw new IllegalArgumentException("Invalid cursor: " + cursor);
            }
        }
        params.put("limit", limit + 1);
        List<ArticleSummary> rows = jdbc.sql("select a.* from kb_articles a" + where + " order by a.updated_at desc, a.id desc limit :limit")
                .params(params).query(ArticleManagement::summary).list();
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            ArticleSummary last = rows.get(limit - 1);
            long micros = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, last.updatedAt());
            return new Keyset<>(rows, micros + "-" + last.id());
        }
        return new Keyset<>(rows, null);
    }

    /** Articles whose review date has come, oldest first: the owners must check they are still true. */
    public List<ArticleSummary> dueForReview(LocalDate today) {
        return jdbc.sql("select * from kb_articles where review_due is not null and review_due <= ? order by review_due, id")
                .param(today).query(ArticleManagement::summary).list();
    }

    /** Summaries of the given articles (unknown ids are left out), for pickers such as the crisis callout form. */
    public List<ArticleSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from kb_articles where id in (:ids) order by id").param("ids", ids)
                .query(ArticleManagement::summary).list();
    }

    /** Staff search over articles (internal and public), best first, with highlighted snippets. */
    public List<SearchHit> search(String text, Map<String, String> filters, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return search.search(new SearchQuery(text.strip(), Set.of(ArticleIndexing.KIND), filters, false, limit));
    }

    private Article load(long id) {
        return articles.findById(id).orElseThrow(() -> new NotFoundException("article", id));
    }

    private ArticleVersion loadVersion(long id, int number) {
        return versions.findByArticleIdAndNumber(id, number).orElseThrow(() -> new NotFoundException("article version", id + "/v" + number));
    }

    /** The wanted (or derived) slug, made unique with a numeric suffix. */
    private String uniqueSlug(String wanted, String title, Long selfId) {
        String base = wanted == null || wanted.isBlank() ? Slugs.of(title) : wanted;
        String slug = base;
        for (int n = 2; ; n++) {
            var existing = articles.findBySlug(slug);
            if (existing.isEmpty() || existing.get().getId().equals(selfId)) {
                return slug;
            }
            slug = base + "-" + n;
        }
    }

    private ArticleDetails details(Article a) {
        var counts = jdbc.sql("select helpful_yes, helpful_no from kb_articles where id = ?").param(a.getId())
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional().orElse(new int[2]);
        return new ArticleDetails(a.getId(), a.getSlug(), a.getTitle(), a.getSummary(), a.getBody(), markdown.html(a.getBody()),
                a.getCategoryId(), a.getLanguage(), a.getVisibility(), a.status(), a.getOwner(), a.getReviewDue(), a.getCurrentVersion(),
                a.getPublishedVersion(), new ArrayList<>(a.tagList()), a.getCreatedAt(), a.getUpdatedAt(), a.getUpdatedBy(), counts[0], counts[1]);
    }

    private static ArticleSummary summary(ResultSet rs, int row) throws SQLException {
        Integer published = (Integer) rs.getObject("published_version");
        int current = rs.getInt("current_version");
        ArticleStatus status = published == null ? ArticleStatus.DRAFT : published == current ? ArticleStatus.PUBLISHED : ArticleStatus.CHANGED;
        var due = rs.getDate("review_due");
        return new ArticleSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), (Long) rs.getObject("category_id"),
                rs.getString("language"), Visibility.valueOf(rs.getString("visibility")), status, rs.getString("owner"),
                due == null ? null : due.toLocalDate(), current, rs.getTimestamp("updated_at").toInstant());
    }
}
