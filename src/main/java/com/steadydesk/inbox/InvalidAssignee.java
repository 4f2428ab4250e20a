package com.steadydesk.inbox;

import com.steadydesk.identity.UserId;

/**
 * A ticket was to be assigned to someone who cannot take it: no such user ({@code ticket.assignee.unknown}) or one who
 * was deactivated ({@code ticket.assignee.inactive}). A bad value in the request, so 400 with the field named.
 */
public class InvalidAssignee extends IllegalArgumentException {

    private final UserId assignee;
    private final String rule;

    InvalidAssignee(UserId assignee, String rule, String message) {
        super(message);
        this.assignee = assignee;
        this.rule = rule;
    }

    public UserId assignee() {
        return assignee;
    }

    /** The message key suffix ({@code inbox.rule.<rule>}) the screens show. */
    public String rule() {
        return rule;
    }
}
