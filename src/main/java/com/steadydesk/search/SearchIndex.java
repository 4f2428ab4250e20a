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
 * Chinese and English analysis, synonyms, typo tolerance, highlighted snippets. Owners push their documents here,
 * after their transaction commits (a listener), put a same-site link in {@code fields.url}, and register a
 * {@link SearchSource} so that the index can be rebuilt. At cluster scale the same port would be served by OpenSearch.
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
        return search(query, false);
    }

    /**
     * Like {@link #search(SearchQuery)}, but with {@code noGap} the question is not logged whatever the index found:
     * the owner answered it by other means (scripts by pinyin), or the asker has filled the gap list enough lately.
     */
    public List<SearchHit> search(SearchQuery query, boolean noGap) {
        CrossKindSearch.Result result = search.search(query);
        if (!result.answered() && !noGap) {
            gaps.record(query.text(), query.kinds() == null ? Set.of() : query.kinds(), query.publicOnly());
        }
        return result.hits();
    }

    /**
     * Ranking only: the same hits and scores as {@link #search}, without highlighted snippets and without gap logging.
     * For machine use such as reply suggestions, where the snippet is never shown and every millisecond counts.
     */
    public List<SearchHit> rank(SearchQuery query) {
        return search.search(query, false).hits();
    }

    /** The public help center's search: published public articles only, whatever else is indexed. */
    public List<SearchHit> searchPublic(String text, int limit) {
        return searchPublic(text, limit, true);
    }

    /** The help center's search; {@code logGap} false for a visitor who has caused enough gap entries lately. */
    public List<SearchHit> searchPublic(String text, int limit, boolean logGap) {
        return search(new SearchQuery(text, Set.of("article"), Map.of(), true, limit), !logGap);
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
