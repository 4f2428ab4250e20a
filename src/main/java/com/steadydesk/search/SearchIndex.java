package com.steadydesk.search;

import com.steadydesk.search.internal.CrossKindSearch;
import com.steadydesk.search.internal.IndexedDocuments;
import com.steadydesk.search.internal.KindIndex;
import com.steadydesk.search.internal.KindIndexes;
import com.steadydesk.search.internal.SearchGaps;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Index, delete and query documents of any kind (article, script, ticket...): Lucene in-process, one index per kind,
 * Chinese and English analysis, synonyms, typo tolerance, highlighted snippets. Owners push their documents here.
 * At cluster scale the same port would be served by OpenSearch.
 */
@Service
public class SearchIndex {

    private final KindIndexes indexes;
    private final CrossKindSearch search;
    private final SearchGaps gaps;

    SearchIndex(KindIndexes indexes, CrossKindSearch search, SearchGaps gaps) {
        this.indexes = indexes;
        this.search = search;
        this.gaps = gaps;
    }

    /** Adds or replaces the document (kind + id); visible to queries within about a second. */
    public void index(SearchDocument document) {
        indexes.forKind(document.kind()).upsert(document);
    }

    public void delete(String kind, String id) {
        KindIndex index = indexes.existing(IndexedDocuments.checkedKind(kind));
        if (index != null) {
            index.delete(id);
        }
    }

    /** Best hits first. Logs queries with no good result as knowledge gaps. */
    public List<SearchHit> search(SearchQuery query) {
        CrossKindSearch.Result result = search.search(query);
        if (!result.answered()) {
            gaps.record(query.text(), query.kinds() == null ? Set.of() : query.kinds(), query.publicOnly());
        }
        return result.hits();
    }

    /** The public help center's search: published public articles only, whatever else is indexed. */
    public List<SearchHit> searchPublic(String text, int limit) {
        return search(new SearchQuery(text, Set.of("article"), Map.of(), true, limit));
    }

    /** Makes every write so far visible now instead of within a second (tests and tools). */
    public void refreshNow() {
        indexes.refreshNow();
    }

    /** The kinds that have an index. */
    public List<String> kinds() {
        return indexes.kinds();
    }
}
