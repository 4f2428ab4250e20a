package com.steadydesk.inbox.internal;

import com.steadydesk.inbox.sla.SlaStarts;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes new tickets and their first messages in batches: ids and numbers for the whole batch come from one query,
 * and each table gets one batched insert (the driver rewrites it into multi-row inserts). The ticket rows go in
 * with their SLA projection, so nothing updates them right after. This is the intake path, where a crisis brings a
 * thousand tickets a second; everything else about a ticket goes through the {@link Tickets} aggregate.
 */
@Repository
public class NewTickets {

    private static final String INSERT_TICKET = """
            insert into tickets (id, number, subject, status, priority, channel, customer_id, requester_vip_tier, assignee_id,
                group_name, tags, crisis_id, created_at, updated_at, last_customer_message_at, last_agent_reply_at,
                first_responded_at, solved_at, closed_at, sla_policy_id, sla_first_response_due_at, sla_resolution_due_at,
                sla_paused_since, sla_state, sla_next_due_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""";
    private static final String INSERT_MESSAGE = """
            insert into ticket_messages (id, ticket_id, kind, author_user_id, author_customer_id, body_text, body_html, channel,
                email_message_id, in_reply_to, email_references, attachment_ids, mailbox_id, delivery_status, delivery_error,
                inbound_message_id, script_refs, call_caller, call_outcome, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    NewTickets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the tickets (not stored yet) with their SLA clocks' projection; gives each its id and number. */
    public void insert(List<Ticket> tickets, List<SlaStarts.Start> slas) {
        if (tickets.isEmpty()) {
            return;
        }
        List<long[]> keys = jdbc.query("select nextval('tickets_id_seq'), nextval('ticket_number_seq') from generate_series(1, ?)",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, tickets.size());
        jdbc.batchUpdate(INSERT_TICKET, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                tickets.get(i).bindInsert(keys.get(i)[0], keys.get(i)[1], ps);
                SlaStarts.Start sla = slas.get(i);
                ps.setObject(20, sla.policyId(), java.sql.Types.BIGINT);
                ps.setTimestamp(21, timestamp(sla.firstResponseDueAt()));
                ps.setTimestamp(22, timestamp(sla.resolutionDueAt()));
                ps.setTimestamp(23, timestamp(sla.pausedSince()));
                ps.setString(24, sla.state());
                ps.setTimestamp(25, timestamp(sla.nextDueAt()));
            }

            @Override
            public int getBatchSize() {
                return tickets.size();
            }
        });
    }

    /** Inserts messages (not stored yet) of tickets stored already; gives each its id. */
    public void insertMessages(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Long> ids = jdbc.queryForList("select nextval('ticket_messages_id_seq') from generate_series(1, ?)", Long.class,
                messages.size());
        jdbc.batchUpdate(INSERT_MESSAGE, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                messages.get(i).bindInsert(ids.get(i), ps);
            }

            @Override
            public int getBatchSize() {
                return messages.size();
            }
        });
    }

    private static Timestamp timestamp(java.time.Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
