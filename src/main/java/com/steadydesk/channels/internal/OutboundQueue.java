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

    /** A queued mail as stored (footer already appended, ids in canonical form). */
    public record Outbound(Long id, Long mailboxId, String messageId, String to, String toName, String subject, String textBody,
            String htmlBody, String inReplyTo, List<String> references, List<Long> attachmentIds, String correlation,
            String status, int attempts, String lastError) {
    }
}
