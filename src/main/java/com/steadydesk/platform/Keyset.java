package com.steadydesk.platform;

import java.util.List;

/**
 * One page of a keyset-paginated list: the rows and the cursor for the next page (null on the last page).
 * Lists that can grow never use OFFSET: the cursor is the sort key of the last row shown.
 */
public record Keyset<T>(List<T> rows, String nextCursor) {

    public boolean hasNext() {
        return nextCursor != null;
    }
}
