package com.steadydesk.inbox.internal;

import com.steadydesk.channels.AttachmentRef;
import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.inbox.InboxQuery;
import com.steadydesk.inbox.InboxSort;
import com.steadydesk.inbox.InboxView;
import com.steadydesk.inbox.LinkedTicket;
import com.steadydesk.inbox.TicketDetails;
import com.steadydesk.inbox.TicketHistoryEntry;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketMessage;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.inbox.TicketSummary;
import com.steadydesk.identity.UserId;
import com.steadydesk.platform.Keyset;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of the inbox: lists, views, counts, a ticket's page. Plain SQL so that every view is one indexed
 * query with keyset pagination (the cursor is the sort key of the last row, never an OFFSET), and so that the SLA
 * columns, which the ticket aggregate does not map, can be read.
 */
@Repository
public class InboxQueries {

    /** Counts per view stop here; the sidebar shows "1000+". */
    public static final int COUNT_CAP = 1000;

    /** Must match the expression of index tickets_by_priority. */
    private static final String PRIORITY_RANK = "(case priority when 'URGENT' then 4 when 'HIGH' then 3 when 'NORMAL' then 2 else 1 end)";
    /** Must match the expression of index tickets_by_sla_due. */
    private static final String SLA_DUE = "(coalesce(sla_next_due_at, timestamptz '9999-12-31 00:00:00+00'))";
    private static final String SUMMARY_COLUMNS = """
            id, number, subject, status, priority, channel, customer_id, requester_vip_tier, assignee_id, group_name, tags,
            created_at, updated_at, sla_state, sla_next_due_at""";
    private static final Pattern NUMBER = Pattern.compile("#?(\\d{1,18})");

    private final JdbcClient jdbc;
    private volatile PopularTags popularTags;

    InboxQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of a view with filters and sort; fetches one row more than asked to know whether a next page exists. */
    public Keyset<TicketSummary> list(InboxQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("select ").append(SUMMARY_COLUMNS).append(", ")
                .append(PRIORITY_RANK).append(" as prio_rank, ").append(SLA_DUE).append(" as sla_due from tickets where ");
        sql.append(viewPredicate(query.view(), query.tag(), query.viewer(), params));
        filters(query, sql, params);
        Cursor cursor = Cursor.decode(query.after(), query.sort());
        if (cursor != null) {
            params.put("c_id", cursor.id());
            switch (query.sort()) {
                case UPDATED -> sql.append(" and (updated_at, id) < (:c_t, :c_id)");
                case CREATED -> sql.append(" and (created_at, id) < (:c_t, :c_id)");
                case PRIORITY -> {
                    sql.append(" and (").append(PRIORITY_RANK).append(", updated_at, id) < (:c_r, :c_t, :c_id)");
                    params.put("c_r", cursor.rank());
                }
                case SLA -> sql.append(" and (").append(SLA_DUE).append(", id) > (:c_t, :c_id)");
            }
            params.put("c_t", OffsetDateTime.ofInstant(cursor.time(), ZoneOffset.UTC));
        }
        sql.append(switch (query.sort()) {
            case UPDATED -> " order by updated_at desc, id desc";
            case CREATED -> " order by created_at desc, id desc";
            case PRIORITY -> " order by " + PRIORITY_RANK + " desc, updated_at desc, id desc";
            case SLA -> " order by " + SLA_DUE + ", id";
        });
        sql.append(" limit :limit");
        params.put("limit", query.limit() + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Row(summary(rs), rs.getInt("prio_rank"),
                instant(rs, "sla_due"))).list();
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            next = Cursor.of(query.sort(), rows.get(rows.size() - 1)).encode();
        }
        return new Keyset<>(rows.stream().map(Row::summary).toList(), next);
    }

    /** How many tickets each view holds, capped at {@link #COUNT_CAP} + 1 (shown as "1000+"); "all" may be an estimate. */
    public Map<InboxView, Long> counts(UserId viewer) {
        Map<InboxView, Long> counts = new EnumMap<>(InboxView.class);
        for (InboxView view : InboxView.values()) {
            if (view == InboxView.TAG) {
                continue;
            }
            if (view == InboxView.ALL) {
                // the planner's estimate costs nothing at a million rows and is good enough for "all"
                long estimate = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where relname = 'tickets'")
                        .query(Long.class).single();
                if (estimate > COUNT_CAP * 10L) {
                    counts.put(view, estimate);
                    continue;
                }
            }
            Map<String, Object> params = new LinkedHashMap<>();
            String predicate = viewPredicate(view, null, viewer, params);
            params.put("cap", COUNT_CAP + 1);
            counts.put(view, jdbc.sql("select count(*) from (select 1 from tickets where " + predicate + " limit :cap) c").params(params)
                    .query(Long.class).single());
        }
        return counts;
    }

    /** Tags in use on the most recently updated tickets that still need work, most used first (for the sidebar). */
    public List<String> popularTags(int limit) {
        PopularTags cached = popularTags;
        if (cached != null && cached.limit() == limit && cached.at().isAfter(Instant.now().minusSeconds(60))) {
            return cached.tags();
        }
        List<String> tags = jdbc.sql("""
                        select tag from (select unnest(tags) as tag from tickets where status not in ('SOLVED', 'CLOSED')
                                         order by updated_at desc limit 2000) t
                        group by tag order by count(*) desc, tag limit :limit""")
                .param("limit", limit).query(String.class).list();
        popularTags = new PopularTags(limit, List.copyOf(tags), Instant.now());
        return tags;
    }

    /** The sidebar's tag list changes slowly; it is recomputed at most once a minute. */
    private record PopularTags(int limit, List<String> tags, Instant at) {
    }

    public long changedSince(Instant since, int cap) {
        return jdbc.sql("select count(*) from (select 1 from tickets where updated_at > :since limit :cap) c")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).param("cap", cap).query(Long.class).single();
    }

    public Optional<TicketDetails> details(TicketId id) {
        return jdbc.sql("select * from tickets where id = :id").param("id", id.value()).query((rs, n) -> details(rs)).optional()
                .map(d -> withFields(d, fields(d.id())));
    }

    /** The tickets still needing work that the user holds, oldest first (a hand-over moves them on). */
    public List<TicketId> openAssignedTo(UserId user) {
        return jdbc.sql("select id from tickets where assignee_id = :u and status not in ('SOLVED', 'CLOSED') order by id")
                .param("u", user.value()).query(Long.class).list().stream().map(TicketId::new).toList();
    }

    public Optional<TicketId> idOfNumber(long number) {
        return jdbc.sql("select id from tickets where number = :n").param("n", number).query(Long.class).optional().map(TicketId::new);
    }

    /** The conversation, oldest first, including the messages of tickets merged into this one (but not their system lines). */
    public List<TicketMessage> messages(TicketId id) {
        List<TicketMessage> messages = jdbc.sql("""
                        select * from ticket_messages
                        where ticket_id = :id
                           or (kind <> 'SYSTEM' and ticket_id in (select t.id from tickets t where t.merged_into_id = :id))
                        order by created_at, id""")
                .param("id", id.value()).query((rs, n) -> message(rs)).list();
        return withFileNames(messages);
    }

    public Optional<TicketMessage> message(long messageId) {
        return jdbc.sql("select * from ticket_messages where id = :id").param("id", messageId).query((rs, n) -> message(rs)).optional()
                .map(m -> withFileNames(List.of(m)).get(0));
    }

    /** Whether the attachment belongs to a message shown on this ticket (downloads are checked against it). */
    public boolean attachmentShownOn(TicketId id, long attachmentId) {
        return jdbc.sql("""
                        select exists (select 1 from ticket_messages where :a = any(attachment_ids)
                          and (ticket_id = :id or ticket_id in (select t.id from tickets t where t.merged_into_id = :id)))""")
                .param("a", attachmentId).param("id", id.value()).query(Boolean.class).single();
    }

    private List<TicketMessage> withFileNames(List<TicketMessage> messages) {
        List<Long> ids = messages.stream().flatMap(m -> m.attachments().stream().map(AttachmentRef::id)).toList();
        if (ids.isEmpty()) {
            return messages;
        }
        Map<Long, AttachmentRef> named = new java.util.HashMap<>();
        jdbc.sql("select attachment_id, filename, content_type, size from ticket_attachments where attachment_id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> named.put(rs.getLong(1), new AttachmentRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))))
                .list();
        return messages.stream().map(m -> new TicketMessage(m.id(), m.ticketId(), m.kind(), m.authorUserId(), m.authorCustomerId(),
                m.bodyText(), m.bodyHtml(), m.channel(), m.emailMessageId(),
                m.attachments().stream().map(a -> named.getOrDefault(a.id(), a)).toList(), m.deliveryStatus(), m.deliveryError(),
                m.scriptRefs(), m.callCaller(), m.callOutcome(), m.createdAt())).toList();
    }

    public List<TicketHistoryEntry> history(TicketId id) {
        return jdbc.sql("select actor, field, old_value, new_value, at from ticket_history where ticket_id = :id order by at, id")
                .param("id", id.value())
                .query((rs, n) -> new TicketHistoryEntry(rs.getString("actor"), rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value"), instant(rs, "at")))
                .list();
    }

    public List<LinkedTicket> links(TicketId id) {
        return jdbc.sql("""
                        select t.id, t.number, t.subject, t.status, l.kind from ticket_links l join tickets t on t.id = l.linked_ticket_id
                        where l.ticket_id = :id order by l.created_at, t.id""")
                .param("id", id.value())
                .query((rs, n) -> new LinkedTicket(new TicketId(rs.getLong("id")), rs.getLong("number"), rs.getString("subject"),
                        TicketStatus.valueOf(rs.getString("status")), rs.getString("kind")))
                .list();
    }

    public Map<String, String> fields(TicketId id) {
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.sql("select name, value from ticket_fields where ticket_id = :id order by name").param("id", id.value())
                .query((rs, n) -> fields.put(rs.getString("name"), rs.getString("value"))).list();
        return fields;
    }

    /** The customer's tickets, newest first (sidebar "earlier tickets", customer page). */
    public List<TicketSummary> ofCustomer(CustomerId customer, int limit) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from tickets where customer_id = :c order by created_at desc, id desc limit :limit")
                .param("c", customer.value()).param("limit", limit).query((rs, n) -> summary(rs)).list();
    }

    /** The newest ticket of this customer with this number (threading by "[#12345]" in a subject). */
    public Optional<TicketId> ofCustomerByNumber(CustomerId customer, long number) {
        return jdbc.sql("select id from tickets where number = :n and customer_id = :c").param("n", number)
                .param("c", customer.value()).query(Long.class).optional().map(TicketId::new);
    }

    // ---- SQL pieces ------------------------------------------------------------------------------------------------

    private static String viewPredicate(InboxView view, String tag, UserId viewer, Map<String, Object> params) {
        return switch (view) {
            case MINE -> {
                if (viewer == null) {
                    yield "false";
                }
                params.put("viewer", viewer.value());
                yield "assignee_id = :viewer and status not in ('SOLVED', 'CLOSED')";
            }
            case UNASSIGNED -> "assignee_id is null and status in ('NEW', 'OPEN')";
            case VIP -> "requester_vip_tier <> 'NONE' and status not in ('SOLVED', 'CLOSED')";
            case TAG -> {
                params.put("tag", Ticket.normalTag(tag));
                yield "tags @> array[cast(:tag as text)]";
            }
            case SLA_AT_RISK -> "sla_state = 'AT_RISK' and status not in ('SOLVED', 'CLOSED')";
            case SLA_BREACHED -> "sla_state = 'BREACHED' and status not in ('SOLVED', 'CLOSED')";
            case ALL -> "true";
        };
    }

    private static void filters(InboxQuery query, StringBuilder sql, Map<String, Object> params) {
        if (query.status() != null) {
            sql.append(" and status = :status");
            params.put("status", query.status().name());
        }
        if (query.priority() != null) {
            sql.append(" and priority = :priority");
            params.put("priority", query.priority().name());
        }
        if (query.channel() != null) {
            sql.append(" and channel = :channel");
            params.put("channel", query.channel().name());
        }
        if (query.assignee() != null) {
            sql.append(" and assignee_id = :assignee");
            params.put("assignee", query.assignee().value());
        }
        String q = query.q() == null ? "" : query.q().strip();
        if (!q.isEmpty()) {
            var number = NUMBER.matcher(q);
            if (number.matches()) {
                sql.append(" and (number = :qn or subject ilike :q)");
                params.put("qn", Long.parseLong(number.group(1)));
            } else {
                sql.append(" and subject ilike :q");
            }
            params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    // ---- row mapping -----------------------------------------------------------------------------------------------

    private static TicketSummary summary(ResultSet rs) throws SQLException {
        return new TicketSummary(new TicketId(rs.getLong("id")), rs.getLong("number"), rs.getString("subject"),
                TicketStatus.valueOf(rs.getString("status")), TicketPriority.valueOf(rs.getString("priority")),
                Channel.valueOf(rs.getString("channel")), new CustomerId(rs.getLong("customer_id")), rs.getString("requester_vip_tier"),
                nullableLong(rs, "assignee_id"), rs.getString("group_name"), strings(rs.getArray("tags")), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getString("sla_state"), instant(rs, "sla_next_due_at"));
    }

    private static TicketDetails details(ResultSet rs) throws SQLException {
        Long merged = nullableLong(rs, "merged_into_id");
        return new TicketDetails(new TicketId(rs.getLong("id")), rs.getLong("number"), rs.getString("subject"),
                TicketStatus.valueOf(rs.getString("status")), TicketPriority.valueOf(rs.getString("priority")),
                Channel.valueOf(rs.getString("channel")), new CustomerId(rs.getLong("customer_id")), rs.getString("requester_vip_tier"),
                nullableLong(rs, "assignee_id"), rs.getString("group_name"), strings(rs.getArray("tags")), nullableLong(rs, "crisis_id"),
                merged == null ? null : new TicketId(merged), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "last_customer_message_at"), instant(rs, "last_agent_reply_at"), instant(rs, "first_responded_at"),
                instant(rs, "solved_at"), instant(rs, "closed_at"), rs.getString("sla_state"), instant(rs, "sla_first_response_due_at"),
                instant(rs, "sla_resolution_due_at"), instant(rs, "sla_paused_since"), instant(rs, "sla_next_due_at"), Map.of());
    }

    private static TicketDetails withFields(TicketDetails d, Map<String, String> fields) {
        return new TicketDetails(d.id(), d.number(), d.subject(), d.status(), d.priority(), d.channel(), d.customerId(),
                d.requesterVipTier(), d.assigneeId(), d.groupName(), d.tags(), d.crisisId(), d.mergedIntoId(), d.createdAt(),
                d.updatedAt(), d.lastCustomerMessageAt(), d.lastAgentReplyAt(), d.firstRespondedAt(), d.solvedAt(), d.closedAt(),
                d.slaState(), d.slaFirstResponseDueAt(), d.slaResolutionDueAt(), d.slaPausedSince(), d.slaNextDueAt(), fields);
    }

    private static TicketMessage message(ResultSet rs) throws SQLException {
        List<AttachmentRef> attachments = new ArrayList<>();
        Array array = rs.getArray("attachment_ids");
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                long id = ((Number) o).longValue();
                attachments.add(new AttachmentRef(id, "#" + id, null, 0));
            }
        }
        return new TicketMessage(rs.getLong("id"), new TicketId(rs.getLong("ticket_id")), rs.getString("kind"),
                nullableLong(rs, "author_user_id"), nullableLong(rs, "author_customer_id"), rs.getString("body_text"),
                rs.getString("body_html"), rs.getString("channel"), rs.getString("email_message_id"), attachments,
                rs.getString("delivery_status"), rs.getString("delivery_error"), rs.getString("script_refs"),
                rs.getString("call_caller"), rs.getString("call_outcome"), instant(rs, "created_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private record Row(TicketSummary summary, int rank, Instant slaDue) {
    }

    /** The sort key of the last row shown, as an opaque, URL-safe string. */
    record Cursor(InboxSort sort, int rank, Instant time, long id) {

        static Cursor of(InboxSort sort, Row row) {
            Instant time = switch (sort) {
                case UPDATED, PRIORITY -> row.summary().updatedAt();
                case CREATED -> row.summary().createdAt();
                case SLA -> row.slaDue();
            };
            return new Cursor(sort, row.rank(), time, row.summary().id().value());
        }

        String encode() {
            String raw = sort.name() + "|" + rank + "|" + time + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** Null for no cursor; a cursor made for another sort order or tampered with is refused (400). */
        static Cursor decode(String cursor, InboxSort expected) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                InboxSort sort = InboxSort.valueOf(parts[0]);
                if (sort != expected || parts.length != 4) {
                    throw new IllegalArgumentException("the cursor belongs to another sort order");
                }
                return new Cursor(sort, Integer.parseInt(parts[1]), Instant.parse(parts[2]), Long.parseLong(parts[3]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid cursor", e);
            }
        }
    }
}
