package com.steadydesk.scripts.internal;

import com.steadydesk.scripts.ScriptApproved;
import com.steadydesk.scripts.ScriptRetired;
import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index ("script" kind) in step with what agents may see: approved, visible versions only. Also the
 * {@link SearchSource} from which the search module rebuilds the kind.
 */
@Component
public class ScriptIndexing implements SearchSource {

    public static final String KIND = "script";

    private final SearchIndex index;
    private final ScriptCatalog catalog;
    private final ScriptCategories categories;
    private final MarkdownView markdown;

    ScriptIndexing(SearchIndex index, ScriptCatalog catalog, ScriptCategories categories, MarkdownView markdown) {
        this.index = index;
        this.catalog = catalog;
        this.categories = categories;
        this.markdown = markdown;
    }

    @ApplicationModuleListener(id = "scripts.index-approved")
    void on(ScriptApproved event) {
        refresh(event.scriptId().value());
    }

    @ApplicationModuleListener(id = "scripts.unindex-retired")
    void on(ScriptRetired event) {
        refresh(event.scriptId().value());
    }

    /** Indexes the script's approved version when agents may see it, removes it otherwise. */
    public void refresh(long scriptId) {
        List<ScriptCatalog.Row> rows = catalog.visible(List.of(scriptId));
        if (rows.isEmpty()) {
            index.delete(KIND, String.valueOf(scriptId));
        } else {
            index.index(document(rows.get(0)));
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public long count() {
        return catalog.countVisible();
    }

    @Override
    public Stream<SearchDocument> all() {
        return catalog.streamVisible().map(this::document);
    }

    SearchDocument document(ScriptCatalog.Row row) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("status", "approved");
        fields.put("category", categories.find(row.categoryId()).map(c -> c.code()).orElse(""));
        fields.put("rootCategory", categories.rootCode(row.categoryId()));
        fields.put("language", row.language());
        fields.put("audience", row.audience().name());
        return new SearchDocument(KIND, String.valueOf(row.id().value()), row.title(), markdown.plain(row.body()), row.tags(), fields,
                row.language(), false, row.updatedAt());
    }
}
