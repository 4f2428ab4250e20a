package com.steadydesk.channels.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbound_messages table: mail waiting for SMTP, sent, or given up on. */
@Repository
public class OutboundQueue {

    private final JdbcClient jdbc;

    OutboundQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Outbound m, Instant now) {
        return jdbc.sql("""
                        insert into outbound_messages (mailbox_id, message_id, to_address, to_name, subject, text_body, html_body,
                          in_reply_to, refs, attachment_ids, correlation, status, attempts, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?) returning id""")
                .params(m.mailboxId(), m.messageId(), m.to(), m.toName(), m.subject(), m.textBody(), m.htmlBody(), m.inReplyTo(),
                        m.references().toArray(String[]::new), m.attachmentIds().toArray(Long[]::new), m.correlation(),
                        Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    /** Ids of mail due now, oldest first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("select id from outbound_messages where status = 'QUEUED' and next_attempt_at <= ? order by next_attempt_at, id limit ?")
                .params(Timestamp.from(now), limit).query(Long.class).list();
    }

    public Optional<Outbound> find(long id) {
        return jdbc.sql("select * from outbound_messages where id = ?").param(id).query(OutboundQueue::map).optional();
    }

    public void markSent(long id, Instant now) {
        jdbc.sql("update outbound_messages set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null where id = ?")
                .params(Timestamp.from(now), id).update();
    }

    /** Counts a failed attempt: QUEUED again at {@code next}, or FAILED when {@code next} is null. */
    public void markAttemptFailed(long id, String error, Instant next) {
        jdbc.sql("""
                        update outbound_messages set attempts = attempts + 1, last_error = ?,
                          status = case when cast(? as timestamptz) is null then 'FAILED' else 'QUEUED' end,
                          next_attempt_at = coalesce(cast(? as timestamptz), next_attempt_at)
                        where id = ?""")
                .params(error, next == null ? null : Timestamp.from(next), next == null ? null : Timestamp.from(next), id).update();
    }

    /** The outbox: newest first, optionally of one status, keyset-paginated by id. */
    public List<OutboxRow> list(String status, Long beforeId, int limit) {
        return jdbc.sql("""
                        select o.id, o.to_address, o.to_name, o.subject, o.status, o.attempts, o.last_error, o.next_attempt_at,
                               o.created_at, o.sent_at, b.name as mailbox_name
                        from outbound_messages o left join mailboxes b on b.id = o.mailbox_id
                        where (cast(? as varchar) is null or o.status = ?) and (cast(? as bigint) is null or o.id < ?)
                        order by o.id desc limit ?""")
                .params(status, status, beforeId, beforeId, limit)
                .query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getString("to_address"), rs.getString("to_name"),
                        rs.getString("subject"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                        instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("sent_at")), rs.getString("mailbox_name")))
                .list();
    }

    /** How many mails are in each status. */
    public java.util.Map<String, Long> countByStatus() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("QUEUED", 0L);
        counts.put("SENT", 0L);
        counts.put("FAILED", 0L);
        jdbc.sql("select status, count(*) as n from outbound_messages group by status")
                .query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
        return counts;
    }

    /** Queues a mail again at once with a fresh round of attempts; only one that is not sent. Answers whether it did. */
    public boolean requeue(long id, Instant now) {
        return jdbc.sql("""
                        update outbound_messages set status = 'QUEUED', attempts = 0, next_attempt_at = ?
                        where id = ? and status in ('QUEUED', 'FAILED')""")
                .params(Timestamp.from(now), id).update() == 1;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Outbound map(ResultSet rs, int n) throws SQLException {
        return new Outbound(rs.getLong("id"), rs.getObject("mailbox_id", Long.class), rs.getString("message_id"),
                rs.getString("to_address"), rs.getString("to_name"), rs.getString("subject"), rs.getString("text_body"),
                rs.getString("html_body"), rs.getString("in_reply_to"), strings(rs.getArray("refs")), longs(rs.getArray("attachment_ids")),
                rs.getString("correlation"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static List<Long> longs(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
    }

    /** A line of the outbox. */
    public record OutboxRow(long id, String to, String toName, String subject, String status, int attempts, String lastError,
            Instant nextAttemptAt, Instant createdAt, Instant sentAt, String mailboxName) {
    }

    /** A queued mail as stored (footer already appended, ids in canonical form). */
    public record Outbound(Long id, Long mailboxId, String messageId, String to, String toName, String subject, String textBody,
            String htmlBody, String inReplyTo, List<String> references, List<Long> attachmentIds, String correlation,
            String status, int attempts, String lastError) {
    }
}
