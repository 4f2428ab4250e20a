package com.steadydesk.inbox;

import com.steadydesk.channels.AttachmentRef;
import java.util.List;

/**
 * What an agent writes on a ticket: a public reply or an internal note. {@code statusAfter} (optional) is the
 * status the ticket moves to after a reply; {@code scriptRefs} are the ids of the scripts used, kept opaque.
 */
public record AgentMessage(String body, List<AttachmentRef> attachments, TicketStatus statusAfter, String scriptRefs) {

    public AgentMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The ids of the attached files. */
    public List<Long> attachmentIds() {
        return attachments.stream().map(AttachmentRef::id).toList();
    }

    public static AgentMessage of(String body) {
        return new AgentMessage(body, List.of(), null, null);
    }
}
