package com.steadydesk.search;

import java.util.stream.Stream;

/**
 * Implemented by an owning module for its kind so that the index can be rebuilt from PostgreSQL at any time.
 * The stream is consumed inside a read-only transaction and closed afterwards.
 */
public interface SearchSource {

    String kind();

    long count();

    Stream<SearchDocument> all();
}
