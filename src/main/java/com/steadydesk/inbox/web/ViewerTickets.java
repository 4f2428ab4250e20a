package com.steadydesk.inbox.web;

import com.steadydesk.channels.AttachmentRef;
import com.steadydesk.customers.ContactMasking;
import com.steadydesk.inbox.LinkedTicket;
import com.steadydesk.inbox.TicketDetails;
import com.steadydesk.inbox.TicketHistoryEntry;
import com.steadydesk.inbox.TicketMessage;
import com.steadydesk.inbox.TicketSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tickets as the current viewer may read them, for the inbox pages and the API alike: for a viewer who sees contacts
 * masked (TEMP_AGENT), subjects, bodies, notes, callers, attachment names, history values and form fields pass through
 * {@link ContactMasking}; everyone else gets them unchanged.
 */
@Component
class ViewerTickets {

    private final ContactMasking masking;

    ViewerTickets(ContactMasking masking) {
        this.masking = masking;
    }

    List<TicketSummary> summaries(List<TicketSummary> rows) {
        return masking.currentViewerSeesContacts() ? rows : rows.stream().map(this::masked).toList();
    }

    TicketDetails details(TicketDetails t) {
        if (masking.currentViewerSeesContacts()) {
            return t;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        t.fields().forEach((k, v) -> fields.put(k, switch (k) {
            case "phone" -> masking.maskPhone(v);
            case "name" -> masking.maskName(v);
            default -> masking.maskText(v);
        }));
        return new TicketDetails(t.id(), t.number(), masking.maskText(t.subject()), t.status(), t.priority(), t.channel(), t.customerId(),
                t.requesterVipTier(), t.assigneeId(), t.groupName(), t.tags(), t.crisisId(), t.mergedIntoId(), t.createdAt(), t.updatedAt(),
                t.lastCustomerMessageAt(), t.lastAgentReplyAt(), t.firstRespondedAt(), t.solvedAt(), t.closedAt(), t.slaState(),
                t.slaFirstResponseDueAt(), t.slaResolutionDueAt(), t.slaPausedSince(), t.slaNextDueAt(), fields);
    }

    List<LinkedTicket> links(List<LinkedTicket> links) {
        return masking.currentViewerSeesContacts() ? links : links.stream()
                .map(l -> new LinkedTicket(l.id(), l.number(), masking.maskText(l.subject()), l.status(), l.kind())).toList();
    }

    List<TicketHistoryEntry> history(List<TicketHistoryEntry> history) {
        return masking.currentViewerSeesContacts() ? history : history.stream()
                .map(h -> new TicketHistoryEntry(h.actor(), h.field(), masking.maskText(h.from()), masking.maskText(h.to()), h.at())).toList();
    }

    /** The message with {@code body} (the stored text, or what the page makes of it) masked, its caller and attachment names too. */
    TicketMessage message(TicketMessage m, String body) {
        if (masking.currentViewerSeesContacts()) {
            return withBody(m, body, m.callCaller(), m.attachments());
        }
        return withBody(m, masking.maskText(body), caller(m.callCaller()),
                m.attachments().stream().map(a -> new AttachmentRef(a.id(), attachmentName(a.filename()), a.contentType(), a.size())).toList());
    }

    /** A caller is stored as "name phone" (either may be missing): the name masked as a name, the rest as text. */
    private String caller(String caller) {
        if (caller == null) {
            return null;
        }
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("[+\\d\\p{Nd}(]").matcher(caller);
        int split = number.find() ? number.start() : caller.length();
        String name = caller.substring(0, split).strip();
        return ((name.isEmpty() ? "" : masking.maskName(name) + " ") + masking.maskText(caller.substring(split))).strip();
    }

    /** A file name as the viewer may read it (a scan named after the customer's ID number is masked too). */
    String attachmentName(String filename) {
        return masking.textForViewer(filename);
    }

    /** A requester's or caller's name. */
    String name(String name) {
        return masking.nameForViewer(name);
    }

    private TicketSummary masked(TicketSummary t) {
        return new TicketSummary(t.id(), t.number(), masking.maskText(t.subject()), t.status(), t.priority(), t.channel(), t.customerId(),
                t.requesterVipTier(), t.assigneeId(), t.groupName(), t.tags(), t.createdAt(), t.updatedAt(), t.slaState(), t.slaNextDueAt());
    }

    private static TicketMessage withBody(TicketMessage m, String body, String caller, List<AttachmentRef> attachments) {
        return new TicketMessage(m.id(), m.ticketId(), m.kind(), m.authorUserId(), m.authorCustomerId(), body, null, m.channel(),
                m.emailMessageId(), attachments, m.deliveryStatus(), m.deliveryError(), m.scriptRefs(), caller, m.callOutcome(), m.createdAt());
    }
}
