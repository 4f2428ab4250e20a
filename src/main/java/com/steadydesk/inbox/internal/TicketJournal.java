package com.steadydesk.inbox.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables around a ticket that are written with plain SQL: the change history (append-only), the links between
 * tickets (both directions), the web-form fields, and the copy of the requester's VIP tier.
 */
@Repository
public class TicketJournal {

    private final JdbcClient jdbc;

    TicketJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(long ticketId, List<Ticket.Change> changes) {
        for (Ticket.Change c : changes) {
            jdbc.sql("insert into ticket_history (ticket_id, actor, field, old_value, new_value, at) values (?, ?, ?, ?, ?, ?)")
                    .params(ticketId, c.actor(), c.field(), c.from(), c.to(), utc(c.at())).update();
        }
    }

    /** Links two tickets; answers false when they were linked already. */
    public boolean link(long ticketId, long otherId, String kind, String reverseKind, String actor, Instant at) {
        int inserted = jdbc.sql("""
                        insert into ticket_links (ticket_id, linked_ticket_id, kind, created_by, created_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(ticketId, otherId, kind, actor, utc(at)).update();
        jdbc.sql("""
                        insert into ticket_links (ticket_id, linked_ticket_id, kind, created_by, created_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(otherId, ticketId, reverseKind, actor, utc(at)).update();
        return inserted > 0;
    }

    public boolean unlink(long ticketId, long otherId) {
        return jdbc.sql("delete from ticket_links where (ticket_id = ? and linked_ticket_id = ?) or (ticket_id = ? and linked_ticket_id = ?)")
                .params(ticketId, otherId, otherId, ticketId).update() > 0;
    }

    public void saveFields(long ticketId, Map<String, String> fields) {
        fields.forEach((name, value) -> {
            if (name != null && !name.isBlank() && value != null && !value.isBlank()) {
                jdbc.sql("insert into ticket_fields (ticket_id, name, value) values (?, ?, ?) on conflict (ticket_id, name) do update set value = excluded.value")
                        .params(ticketId, truncate(name.strip(), 64), truncate(value.strip(), 1000)).update();
            }
        });
    }

    /** Copies a changed VIP tier onto the customer's tickets that still need work (views and SLA read the copy). */
    public int copyVipTier(long customerId, String tier) {
        return jdbc.sql("""
                        update tickets set requester_vip_tier = ?, version = version + 1
                        where customer_id = ? and requester_vip_tier <> ? and status <> 'CLOSED'""")
                .params(tier, customerId, tier).update();
    }

    /** Remembers file names of attachments (those with a name) for the conversation view. */
    public void describeAttachments(List<com.steadydesk.channels.AttachmentRef> refs) {
        if (refs == null) {
            return;
        }
        for (var ref : refs) {
            if (ref.filename() != null && !ref.filename().isBlank()) {
                jdbc.sql("insert into ticket_attachments (attachment_id, filename, content_type, size) values (?, ?, ?, ?) on conflict do nothing")
                        .params(ref.id(), truncate(ref.filename(), 255), ref.contentType() == null ? null : truncate(ref.contentType(), 128), ref.size())
                        .update();
            }
        }
    }

    public List<Long> ticketsOfMessage(long messageId) {
        return jdbc.sql("select ticket_id from ticket_messages where id = ?").params(messageId).query(Long.class).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
