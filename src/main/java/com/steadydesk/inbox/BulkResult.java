package com.steadydesk.inbox;

import java.util.List;

/** Outcome of a bulk action: each ticket ran in its own transaction, so some may have failed while others succeeded. */
public record BulkResult(List<TicketId> succeeded, List<Failure> failures) {

    /** A ticket the action could not be applied to, with the rule or reason. */
    public record Failure(TicketId ticketId, String rule, String message) {
    }
}
