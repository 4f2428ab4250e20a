/**
 * Shared Lucene infrastructure: Chinese (smartcn + CJK bigrams) and English analysers, one index per kind,
 * the cross-kind query behind {@code /api/v1/search}. Owners push their documents here; search never calls them
 * except through the {@link com.steadydesk.search.SearchSource}s they register for a rebuild.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package com.steadydesk.search;
