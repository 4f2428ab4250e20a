package com.steadydesk.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One page of a list: the rows and the cursor for the next page (null on the last page). Lists that can grow
 * never use OFFSET: the cursor is the sort key of the last row shown. Every list the REST API answers has this one
 * shape, {@code {"items": [...], "nextCursor": "..." | null}}; short lists that are complete come as a single page.
 */
public record Keyset<T>(@JsonProperty("items") List<T> rows,
        @JsonProperty("nextCursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

    /** A complete list as a single page, so that bounded lists answer in the same shape as paginated ones. */
    public static <T> Keyset<T> of(List<T> all) {
        return new Keyset<>(List.copyOf(all), null);
    }

    /** The cursor a client sent: {@code cursor} is the documented parameter, {@code after} its older spelling. */
    public static String cursor(String cursor, String after) {
        return cursor != null && !cursor.isBlank() ? cursor : after;
    }

    public boolean hasNext() {
        return nextCursor != null;
    }
}
