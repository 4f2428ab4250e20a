package com.steadydesk.inbox;

import com.steadydesk.channels.AttachmentRef;
import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.identity.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command to open a ticket from any channel. {@code bodyHtml} must already be sanitised (or null);
 * {@code fields} are extra form fields (order_no, phone) kept visible on the ticket.
 */
public record OpenTicket(String subject, String body, String bodyHtml, CustomerId customerId, Channel channel,
        TicketPriority priority, Set<String> tags, Map<String, String> fields, List<AttachmentRef> attachments, UserId assigneeId,
        String groupName) {

    public OpenTicket {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The common case: a subject, a first message, a customer. */
    public static OpenTicket of(String subject, String body, CustomerId customerId, Channel channel) {
        return new OpenTicket(subject, body, null, customerId, channel, TicketPriority.NORMAL, Set.of(), Map.of(), List.of(), null, null);
    }
}
