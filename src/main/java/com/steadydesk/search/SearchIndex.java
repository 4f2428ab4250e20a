package com.steadydesk.search;

import java.util.List;
import org.springframework.stereotype.Service;

/** CONTRACT (skeleton): the search helper implements it. Index, delete and query documents of any kind. */
@Service
public class SearchIndex {

    /** Adds or replaces the document (kind + id); visible to queries within about a second. */
    public void index(SearchDocument document) {
        throw new UnsupportedOperationException("contract");
    }

    public void delete(String kind, String id) {
        throw new UnsupportedOperationException("contract");
    }

    /** Best hits first. Logs queries with no good result as knowledge gaps. */
    public List<SearchHit> search(SearchQuery query) {
        throw new UnsupportedOperationException("contract");
    }
}
