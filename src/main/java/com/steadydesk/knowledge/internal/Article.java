package com.steadydesk.knowledge.internal;

import com.steadydesk.knowledge.ArticleDraft;
import com.steadydesk.knowledge.ArticleLanguage;
import com.steadydesk.knowledge.ArticleStatus;
import com.steadydesk.knowledge.Visibility;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A knowledge-base article: its latest text (what staff edit), the snapshot that is published (what the help center
 * shows), and the rules between them. Each edit is also written as an {@link ArticleVersion}, its own append-only
 * aggregate, so this row stays small.
 */
@Table("kb_articles")
public class Article {

    @Id
    private Long id;
    private String slug;
    private String title;
    private String summary;
    private String body;
    private Long categoryId;
    private String language;
    private Visibility visibility;
    private String owner;
    private LocalDate reviewDue;
    private int currentVersion;
    private Integer publishedVersion;
    private String publishedTitle;
    private String publishedSummary;
    private String publishedBody;
    private Instant publishedAt;
    private Instant createdAt;
    private Instant updatedAt;
    private String updatedBy;
    @MappedCollection(idColumn = "article_id")
    private Set<Tag> tags = new LinkedHashSet<>();
    @Version
    private Integer version;

    protected Article() {
    }

    /** A new internal draft (version 1); making it public is a separate, supervised decision. */
    public static Article create(ArticleDraft draft, String slug, String author, Instant now) {
        var article = new Article();
        article.slug = slug;
        article.owner = author;
        article.visibility = Visibility.INTERNAL;
        article.createdAt = now;
        article.currentVersion = 0;
        article.apply(draft, author, now);
        return article;
    }

    /** Takes a new text as the next version and answers that version, to be stored. */
    public ArticleVersion revise(ArticleDraft draft, String newSlug, String author, Instant now) {
        if (newSlug != null) {
            slug = newSlug;
        }
        apply(draft, author, now);
        return ArticleVersion.of(this, draft.note(), author, now);
    }

    /** Makes an old version's text the newest version (history is never rewritten). */
    public ArticleVersion restore(ArticleVersion old, String author, Instant now) {
        if (old.getNumber() == currentVersion) {
            throw new DomainRuleViolation("article.restore-current", "version " + old.getNumber() + " is already the current one");
        }
        title = old.getTitle();
        summary = old.getSummary();
        body = old.getBody();
        currentVersion++;
        updatedAt = now;
        updatedBy = author;
        return ArticleVersion.of(this, "restored v" + old.getNumber(), author, now);
    }

    /** Publishes the latest version. */
    public void publish(Instant now) {
        if (publishedVersion != null && publishedVersion == currentVersion) {
            throw new DomainRuleViolation("article.already-published", "version " + currentVersion + " is already published");
        }
        publishedVersion = currentVersion;
        publishedTitle = title;
        publishedSummary = summary;
        publishedBody = body;
        publishedAt = now;
    }

    public void unpublish() {
        if (publishedVersion == null) {
            throw new DomainRuleViolation("article.not-published", "the article is not published");
        }
        publishedVersion = null;
        publishedTitle = null;
        publishedSummary = null;
        publishedBody = null;
        publishedAt = null;
    }

    public void changeVisibility(Visibility newVisibility) {
        if (newVisibility == null || newVisibility == visibility) {
            throw new DomainRuleViolation("article.visibility-unchanged", "the article is already " + visibility);
        }
        visibility = newVisibility;
    }

    public void changeOwner(String newOwner) {
        if (newOwner == null || newOwner.isBlank()) {
            throw new IllegalArgumentException("an article needs an owner");
        }
        owner = newOwner;
    }

    public ArticleStatus status() {
        if (publishedVersion == null) {
            return ArticleStatus.DRAFT;
        }
        return publishedVersion == currentVersion ? ArticleStatus.PUBLISHED : ArticleStatus.CHANGED;
    }

    /** What the public may read: a published snapshot of a public article. */
    public boolean publiclyVisible() {
        return visibility == Visibility.PUBLIC && publishedVersion != null;
    }

    private void apply(ArticleDraft draft, String author, Instant now) {
        title = draft.title().strip();
        summary = draft.summary() == null || draft.summary().isBlank() ? null : draft.summary().strip();
        body = draft.body();
        categoryId = draft.categoryId();
        language = ArticleLanguage.require(draft.language());
        reviewDue = draft.reviewDue();
        tags = draft.tags().stream().map(Tag::new).collect(Collectors.toCollection(LinkedHashSet::new));
        currentVersion++;
        updatedAt = now;
        updatedBy = author;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getBody() { return body; }
    public Long getCategoryId() { return categoryId; }
    public String getLanguage() { return language; }
    public Visibility getVisibility() { return visibility; }
    public String getOwner() { return owner; }
    public LocalDate getReviewDue() { return reviewDue; }
    public int getCurrentVersion() { return currentVersion; }
    public Integer getPublishedVersion() { return publishedVersion; }
    public String getPublishedTitle() { return publishedTitle; }
    public String getPublishedSummary() { return publishedSummary; }
    public String getPublishedBody() { return publishedBody; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public List<String> tagList() { return tags.stream().map(Tag::tag).toList(); }

    /** One row of kb_article_tags. */
    @Table("kb_article_tags")
    public record Tag(String tag) {
    }
}
