package com.steadydesk.channels.internal;

import com.steadydesk.channels.AttachmentRef;
import com.steadydesk.channels.Channel;
import com.steadydesk.channels.InboundMessageId;
import com.steadydesk.channels.ParsedInboundMessage;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbound_messages table: raw bytes written once, parsed columns filled later. Status changes are guarded in
 * SQL by the status they leave, so two nodes (or a poll and an admin's retry) cannot both parse one message.
 */
@Repository
public class InboundMessageStore {

    private final JdbcClient jdbc;

    InboundMessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores raw mail; answers empty when the mailbox already holds these exact bytes (a duplicate, stored once). A
     * Message-ID the mailbox already holds with other content is stored too, and marked {@code message_id_reused}.
     */
    public Optional<Long> insertRaw(Channel channel, Long mailboxId, Long uid, byte[] raw, String messageId, Instant now) {
        Optional<Long> id = jdbc.sql("""
                        insert into inbound_messages (channel, mailbox_id, source_uid, raw, raw_size, raw_sha256, status, received_at,
                          message_id, message_id_reused)
                        values (?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, cast(? as varchar) is not null and exists (
                          select 1 from inbound_messages o where o.mailbox_id = ? and o.message_id = ?))
                        on conflict (mailbox_id, raw_sha256) where mailbox_id is not null and raw_sha256 is not null do nothing
                        returning id""")
                .params(channel.name(), mailboxId, uid, raw, raw.length, sha256(raw), Timestamp.from(now), messageId, messageId,
                        mailboxId, messageId)
                .query(Long.class).optional();
        return id;
    }

    /**
     * Records a message the server listed but would not hand over (or that failed before its bytes were read): a
     * quarantine entry with its UID and the error, so it is seen by a person and the poll goes on past it.
     */
    public long insertUnfetchable(Long mailboxId, long uid, String error, Instant now) {
        byte[] note = ("UID " + uid + ": " + error).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return jdbc.sql("""
                        insert into inbound_messages (channel, mailbox_id, source_uid, raw, raw_size, status, error, received_at, unfetchable)
                        values ('EMAIL', ?, ?, ?, 0, 'QUARANTINED', ?, ?, true) returning id""")
                .params(mailboxId, uid, note, error, Timestamp.from(now)).query(Long.class).single();
    }

    static String sha256(byte[] raw) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Stores a message that arrived already structured (the web form): raw is a readable rendering of the fields. */
    public long insertParsed(Channel channel, byte[] raw, String reference, Parsed p, Map<String, String> fields, Instant now) {
        long id = jdbc.sql("""
                        insert into inbound_messages (channel, raw, raw_size, status, received_at, reference)
                        values (?, ?, ?, 'RECEIVED', ?, ?) returning id""")
                .params(channel.name(), raw, raw.length, Timestamp.from(now), reference).query(Long.class).single();
        markParsed(id, p, fields, now);
        return id;
    }

    /** Locks the row for parsing and answers its raw bytes, or empty when it is not (or no longer) parseable. */
    public Optional<Raw> lockForParsing(long id) {
        Raw raw = jdbc.sql("select id, channel, mailbox_id, status, raw from inbound_messages where id = ? for update")
                .param(id).query((rs, n) -> new Raw(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        rs.getObject("mailbox_id", Long.class), InboundStatus.valueOf(rs.getString("status")), rs.getBytes("raw")))
                .optional().orElseThrow(() -> new NotFoundException("inbound message", id));
        return raw.status().parseable() ? Optional.of(raw) : Optional.empty();
    }

    public void markParsed(long id, Parsed p, Map<String, String> fields, Instant now) {
        Map<String, String> f = fields == null ? Map.of() : fields;
        int updated = jdbc.sql("""
                        update inbound_messages set status = 'PARSED', error = null, parse_attempts = parse_attempts + 1, parsed_at = :now,
                          message_id = coalesce(message_id, :messageId), in_reply_to = :inReplyTo, refs = :refs,
                          from_address = :fromAddress, from_name = :fromName, to_address = :toAddress, subject = :subject,
                          text_body = :text, sanitized_html = :html, attachment_ids = :attachments, notes = :notes,
                          fields = jsonb_object(cast(:keys as text[]), cast(:values as text[]))
                        where id = :id and status in ('RECEIVED', 'QUARANTINED')""")
                .param("now", Timestamp.from(now)).param("messageId", p.messageId()).param("inReplyTo", p.inReplyTo())
                .param("refs", p.references().toArray(String[]::new)).param("fromAddress", p.fromAddress())
                .param("fromName", p.fromName()).param("toAddress", p.toAddress()).param("subject", p.subject())
                .param("text", p.textBody()).param("html", p.sanitizedHtml())
                .param("attachments", p.attachmentIds().toArray(Long[]::new)).param("notes", p.notes())
                .param("keys", f.keySet().toArray(String[]::new)).param("values", f.values().toArray(String[]::new))
                .param("id", id).update();
        if (updated != 1) {
            throw new DomainRuleViolation("inbound.not-parseable", "inbound message " + id + " is not waiting to be parsed");
        }
    }

    public void markQuarantined(long id, String error) {
        jdbc.sql("""
                        update inbound_messages set status = 'QUARANTINED', error = ?, parse_attempts = parse_attempts + 1
                        where id = ? and status in ('RECEIVED', 'QUARANTINED')""")
                .params(error, id).update();
    }

    public void markDiscarded(long id, String by, Instant now) {
        int updated = jdbc.sql("""
                        update inbound_messages set status = 'DISCARDED', discarded_by = ?, discarded_at = ?
                        where id = ? and status = 'QUARANTINED'""")
                .params(by, Timestamp.from(now), id).update();
        if (updated != 1) {
            throw new DomainRuleViolation("inbound.not-quarantined", "only a quarantined message can be discarded");
        }
    }

    /** Stored but not parsed since before {@code before}: the node stopped between the two steps. */
    public List<Long> stuckSince(Instant before, int limit) {
        return jdbc.sql("select id from inbound_messages where status = 'RECEIVED' and received_at < ? order by id limit ?")
                .params(Timestamp.from(before), limit).query(Long.class).list();
    }

    public Optional<ParsedInboundMessage> findParsed(long id) {
        return jdbc.sql("""
                        select m.* from inbound_messages m where id = ? and status = 'PARSED'""")
                .param(id).query(this::mapParsed).optional();
    }

    /** Quarantined messages, newest first, keyset-paginated by id. */
    public List<QuarantineRow> quarantined(Long beforeId, int limit) {
        return jdbc.sql("""
                        select m.id, m.mailbox_id, b.name as mailbox_name, m.received_at, m.error, m.parse_attempts, m.raw_size,
                               substring(m.raw from 1 for 16384) as head
                        from inbound_messages m left join mailboxes b on b.id = m.mailbox_id
                        where m.status = 'QUARANTINED' and (cast(? as bigint) is null or m.id < ?)
                        order by m.id desc limit ?""")
                .params(beforeId, beforeId, limit)
                .query((rs, n) -> {
                    byte[] head = rs.getBytes("head");
                    return new QuarantineRow(rs.getLong("id"), rs.getString("mailbox_name"), rs.getTimestamp("received_at").toInstant(),
                            rs.getString("error"), rs.getInt("parse_attempts"), rs.getInt("raw_size"),
                            header(head, "From"), header(head, "Subject"));
                }).list();
    }

    public long countQuarantined() {
        return jdbc.sql("select count(*) from inbound_messages where status = 'QUARANTINED'").query(Long.class).single();
    }

    public Optional<StoredMessage> find(long id) {
        return jdbc.sql("""
                        select m.id, m.channel, m.status, m.error, m.parse_attempts, m.received_at, m.raw, m.mailbox_id,
                               b.name as mailbox_name, m.message_id, m.discarded_by, m.discarded_at
                        from inbound_messages m left join mailboxes b on b.id = m.mailbox_id where m.id = ?""")
                .param(id).query((rs, n) -> new StoredMessage(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        InboundStatus.valueOf(rs.getString("status")), rs.getString("error"), rs.getInt("parse_attempts"),
                        rs.getTimestamp("received_at").toInstant(), rs.getBytes("raw"), rs.getString("mailbox_name"),
                        rs.getString("message_id"), rs.getString("discarded_by"))).optional();
    }

    public InboundStatus status(long id) {
        return jdbc.sql("select status from inbound_messages where id = ?").param(id).query(String.class).optional()
                .map(InboundStatus::valueOf).orElseThrow(() -> new NotFoundException("inbound message", id));
    }

    public boolean anyQuarantined() {
        return countQuarantined() > 0;
    }

    private static String header(byte[] head, String name) {
        String headers = InboundMailParser.rawHeaders(head).replaceAll("\\r?\\n[ \\t]+", " ");
        for (String line : headers.split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return HeaderText.decode(line.substring(colon + 1));
            }
        }
        return null;
    }

    /** A header of the raw message, decoded for people (used where the parser failed). */
    public static String rawHeader(byte[] raw, String name) {
        return header(raw, name);
    }

    private ParsedInboundMessage mapParsed(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Long> attachmentIds = longs(rs.getArray("attachment_ids"));
        List<AttachmentRef> attachments = attachmentIds.isEmpty() ? List.of() : jdbc.sql("""
                        select id, filename, content_type, size from attachments where id = any(?) order by id""")
                .param(attachmentIds.toArray(Long[]::new))
                .query((a, i) -> new AttachmentRef(a.getLong("id"), a.getString("filename"), a.getString("content_type"), a.getLong("size")))
                .list();
        Map<String, String> fields = new LinkedHashMap<>();
        jdbc.sql("select key, value from jsonb_each_text(cast(? as jsonb)) order by key").param(rs.getString("fields"))
                .query((f, i) -> fields.put(f.getString("key"), f.getString("value"))).list();
        return new ParsedInboundMessage(new InboundMessageId(id), Channel.valueOf(rs.getString("channel")),
                rs.getObject("mailbox_id", Long.class), rs.getString("from_address"), rs.getString("from_name"),
                rs.getString("to_address"), rs.getString("subject"), rs.getString("text_body"), rs.getString("sanitized_html"),
                rs.getString("message_id"), rs.getString("in_reply_to"), strings(rs.getArray("refs")), attachments,
                Map.copyOf(fields), rs.getTimestamp("received_at").toInstant());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Long[]) array.getArray()).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    /** Raw bytes of a message about to be parsed. */
    public record Raw(long id, Channel channel, Long mailboxId, InboundStatus status, byte[] bytes) {
    }

    /** The parsed columns, ids in canonical form, attachments already stored. */
    public record Parsed(String fromAddress, String fromName, String toAddress, String subject, String textBody,
            String sanitizedHtml, String messageId, String inReplyTo, List<String> references, List<Long> attachmentIds,
            String notes) {
    }

    /** A line of the quarantine list; from and subject read from the raw headers. */
    public record QuarantineRow(long id, String mailboxName, Instant receivedAt, String error, int attempts, int rawSize,
            String from, String subject) {
    }

    /** A stored message with its raw bytes, whatever its status. */
    public record StoredMessage(long id, Channel channel, InboundStatus status, String error, int attempts, Instant receivedAt,
            byte[] raw, String mailboxName, String messageId, String discardedBy) {
    }
}
