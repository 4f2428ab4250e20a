package com.steadydesk.inbox;

import java.util.List;

/**
 * What an agent writes on a ticket: a public reply or an internal note. {@code statusAfter} (optional) is the
 * status the ticket moves to after a reply; {@code scriptRefs} are the ids of the scripts used, kept opaque.
 */
public record AgentMessage(String body, List<Long> attachmentIds, TicketStatus statusAfter, String scriptRefs) {

    public AgentMessage {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }

    public static AgentMessage of(String body) {
        return new AgentMessage(body, List.of(), null, null);
    }
}
