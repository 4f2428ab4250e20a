package com.steadydesk.inbox;

import com.steadydesk.identity.UserId;

/** One action applied to a selection of tickets; which fields matter depends on {@code type}. */
public record BulkAction(Type type, UserId assigneeId, String groupName, String tag, TicketStatus status, String body) {

    /** What the action does. */
    public enum Type {
        ASSIGN, TAG, UNTAG, STATUS, REPLY
    }

    public static BulkAction assign(UserId assignee, String group) {
        return new BulkAction(Type.ASSIGN, assignee, group, null, null, null);
    }

    public static BulkAction tag(String tag) {
        return new BulkAction(Type.TAG, null, null, tag, null, null);
    }

    public static BulkAction status(TicketStatus status) {
        return new BulkAction(Type.STATUS, null, null, null, status, null);
    }

    public static BulkAction reply(String body) {
        return new BulkAction(Type.REPLY, null, null, null, null, body);
    }
}
