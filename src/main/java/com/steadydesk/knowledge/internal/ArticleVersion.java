package com.steadydesk.knowledge.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One saved text of an article; written once, never changed (the article's history). */
@Table("kb_article_versions")
public class ArticleVersion {

    @Id
    private Long id;
    private long articleId;
    private int number;
    private String title;
    private String summary;
    private String body;
    private String author;
    private String note;
    private Instant createdAt;

    protected ArticleVersion() {
    }

    static ArticleVersion of(Article article, String note, String author, Instant now) {
        if (article.getId() == null) {
            throw new IllegalStateException("save the article before its versions");
        }
        var v = new ArticleVersion();
        v.articleId = article.getId();
        v.number = article.getCurrentVersion();
        v.title = article.getTitle();
        v.summary = article.getSummary();
        v.body = article.getBody();
        v.author = author;
        v.note = note == null || note.isBlank() ? null : note.strip();
        v.createdAt = now;
        return v;
    }

    /** The first version of a just-saved article. */
    public static ArticleVersion first(Article article, String note, String author, Instant now) {
        return of(article, note, author, now);
    }

    public Long getId() { return id; }
    public long getArticleId() { return articleId; }
    public int getNumber() { return number; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getBody() { return body; }
    public String getAuthor() { return author; }
    public String getNote() { return note; }
    public Instant getCreatedAt() { return createdAt; }

    /** The text compared by diffs: title, summary and body. */
    public String comparableText() {
        return "# " + title + "\n\n" + (summary == null ? "" : summary + "\n\n") + body;
    }
}
