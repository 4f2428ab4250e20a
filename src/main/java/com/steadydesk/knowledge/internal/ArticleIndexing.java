package com.steadydesk.knowledge.internal;

import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index's "article" documents in step with the database: refreshed after every committed change,
 * and rebuildable from scratch through {@link SearchSource}. The public help center may find an article only while
 * it is public and published, and then finds the published text, never a newer draft.
 */
@Component
public class ArticleIndexing implements SearchSource {

    /** The search kind of knowledge-base articles. */
    public static final String KIND = "article";

    private final Articles articles;
    private final SearchIndex index;
    private final MarkdownRenderer markdown;
    private final JdbcClient jdbc;

    ArticleIndexing(Articles articles, SearchIndex index, MarkdownRenderer markdown, JdbcClient jdbc) {
        this.articles = articles;
        this.index = index;
        this.markdown = markdown;
        this.jdbc = jdbc;
    }

    /**
     * Listeners run concurrently, so two changes of one article may be handled out of order. Reading the article and
     * writing its document under one lock per article means the last writer always read the newest state.
     */
    private final Object[] locks = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();

    @ApplicationModuleListener(id = "knowledge.article-indexer")
    void on(ArticleStored event) {
        synchronized (locks[(int) Math.floorMod(event.articleId(), (long) locks.length)]) {
            articles.findById(event.articleId()).ifPresentOrElse(a -> index.index(document(a)),
                    () -> index.delete(KIND, String.valueOf(event.articleId())));
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public long count() {
        return articles.count();
    }

    @Override
    public Stream<SearchDocument> all() {
        return jdbc.sql("select id from kb_articles order by id").query(Long.class).stream()
                .map(articles::findById).flatMap(java.util.Optional::stream).map(this::document);
    }

    SearchDocument document(Article a) {
        boolean published = a.getPublishedVersion() != null;
        String title = published ? a.getPublishedTitle() : a.getTitle();
        String summary = published ? a.getPublishedSummary() : a.getSummary();
        String body = markdown.text(published ? a.getPublishedBody() : a.getBody());
        Map<String, String> fields = new HashMap<>();
        fields.put("language", a.getLanguage());
        fields.put("visibility", a.getVisibility().name());
        fields.put("status", a.status().name());
        // Staff follow hits to the article page with its history and actions; the help center maps ids to its own slugs.
        fields.put("url", "/knowledge/articles/" + a.getId());
        if (a.getCategoryId() != null) {
            jdbc.sql("select slug from kb_categories where id = ?").param(a.getCategoryId()).query(String.class).optional()
                    .ifPresent(slug -> fields.put("category", slug));
        }
        return new SearchDocument(KIND, String.valueOf(a.getId()), title, summary == null ? body : summary + "\n" + body,
                List.copyOf(a.tagList()), fields, a.getLanguage(), a.publiclyVisible(), a.getUpdatedAt());
    }
}
