package com.steadydesk.inbox;

import com.steadydesk.channels.Channel;
import com.steadydesk.identity.UserId;

/**
 * A request for one page of the inbox list. {@code viewer} is needed for {@link InboxView#MINE}; {@code after} is the
 * opaque cursor of the previous page (null for the first); {@code q} searches the subject or the ticket number.
 */
public record InboxQuery(InboxView view, String tag, TicketStatus status, TicketPriority priority, Channel channel,
        UserId assignee, String q, InboxSort sort, String after, UserId viewer, int limit) {

    /** Rows per page unless asked otherwise. */
    public static final int PAGE_SIZE = 50;

    public InboxQuery {
        view = view == null ? InboxView.ALL : view;
        sort = sort == null ? InboxSort.UPDATED : sort;
        limit = limit <= 0 || limit > 200 ? PAGE_SIZE : limit;
        if (view == InboxView.TAG && (tag == null || tag.isBlank())) {
            throw new IllegalArgumentException("the tag view needs a tag");
        }
    }

    public static InboxQuery of(InboxView view) {
        return new InboxQuery(view, null, null, null, null, null, null, null, null, null, PAGE_SIZE);
    }

    public InboxQuery after(String cursor) {
        return new InboxQuery(view, tag, status, priority, channel, assignee, q, sort, cursor, viewer, limit);
    }
}
