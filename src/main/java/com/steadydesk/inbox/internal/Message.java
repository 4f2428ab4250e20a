package com.steadydesk.inbox.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One entry of a ticket's conversation. Its own aggregate (append-only; a ticket can collect hundreds), so saving a
 * ticket never rewrites its conversation. Only the delivery status of an outgoing reply changes afterwards.
 */
@Table("ticket_messages")
public class Message {

    /** Kinds of message, as in {@code MessageAdded.kind}. */
    public static final String CUSTOMER = "CUSTOMER", REPLY = "REPLY", NOTE = "NOTE", PHONE = "PHONE", SYSTEM = "SYSTEM";

    @Id
    private Long id;
    private long ticketId;
    private String kind;
    private Long authorUserId;
    private Long authorCustomerId;
    private String bodyText;
    private String bodyHtml;
    private String channel;
    private String emailMessageId;
    private String inReplyTo;
    private String emailReferences;
    private Long[] attachmentIds;
    private Long mailboxId;
    private String deliveryStatus;
    private String deliveryError;
    private Long inboundMessageId;
    private String scriptRefs;
    private String callCaller;
    private String callOutcome;
    private Instant createdAt;

    @PersistenceCreator
    Message(Long id, long ticketId, String kind, Long authorUserId, Long authorCustomerId, String bodyText, String bodyHtml,
            String channel, String emailMessageId, String inReplyTo, String emailReferences, Long[] attachmentIds, Long mailboxId,
            String deliveryStatus, String deliveryError, Long inboundMessageId, String scriptRefs, String callCaller,
            String callOutcome, Instant createdAt) {
        this.id = id;
        this.ticketId = ticketId;
        this.kind = kind;
        this.authorUserId = authorUserId;
        this.authorCustomerId = authorCustomerId;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml;
        this.channel = channel;
        this.emailMessageId = emailMessageId;
        this.inReplyTo = inReplyTo;
        this.emailReferences = emailReferences;
        this.attachmentIds = attachmentIds == null ? new Long[0] : attachmentIds;
        this.mailboxId = mailboxId;
        this.deliveryStatus = deliveryStatus;
        this.deliveryError = deliveryError;
        this.inboundMessageId = inboundMessageId;
        this.scriptRefs = scriptRefs;
        this.callCaller = callCaller;
        this.callOutcome = callOutcome;
        this.createdAt = createdAt;
    }

    /** A message from the customer (any channel). */
    public static Message fromCustomer(long ticketId, long customerId, String text, String html, String channel,
            String emailMessageId, String inReplyTo, List<String> references, List<Long> attachments, Long mailboxId,
            Long inboundMessageId, Instant at) {
        return new Message(null, ticketId, CUSTOMER, null, customerId, text(text), html, channel, emailMessageId, inReplyTo,
                references == null || references.isEmpty() ? null : String.join(" ", references), ids(attachments), mailboxId, null,
                null, inboundMessageId, null, null, null, at);
    }

    /** A public reply or an internal note by an agent. */
    public static Message byAgent(long ticketId, String kind, Long userId, String text, List<Long> attachments, String scriptRefs,
            Instant at) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the message is empty");
        }
        return new Message(null, ticketId, kind, userId, null, text.strip(), null, null, null, null, null, ids(attachments), null, null,
                null, null, blankToNull(scriptRefs), null, null, at);
    }

    /** A phone call logged by an agent. */
    public static Message call(long ticketId, Long userId, String caller, String summary, String outcome, Instant at) {
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("the call needs a summary");
        }
        return new Message(null, ticketId, PHONE, userId, null, summary.strip(), null, "PHONE", null, null, null, new Long[0], null, null,
                null, null, null, caller, outcome, at);
    }

    /**
     * A line written by the system (merge, follow-up), stored language-neutral as {@code code|arg|arg} and put into
     * words by the screen (message key {@code inbox.system.<code>}).
     */
    public static Message system(long ticketId, String code, List<String> args, Instant at) {
        String text = String.join("|", java.util.stream.Stream.concat(java.util.stream.Stream.of(code), args.stream()).toList());
        return new Message(null, ticketId, SYSTEM, null, null, text, null, null, null, null, null, new Long[0], null, null, null, null,
                null, null, null, at);
    }

    /** The reply went out as an email with this Message-ID and threading headers. */
    public void queuedAsEmail(String messageId, String inReplyTo, List<String> references) {
        this.emailMessageId = messageId;
        this.inReplyTo = inReplyTo;
        this.emailReferences = references == null || references.isEmpty() ? null : String.join(" ", references);
        this.deliveryStatus = "QUEUED";
    }

    private static String text(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long[] ids(List<Long> ids) {
        return ids == null ? new Long[0] : ids.toArray(Long[]::new);
    }

    /** Binds the message's columns in the order of {@link NewTickets}' insert; the id was allocated there. */
    void bindInsert(long allocatedId, java.sql.PreparedStatement ps) throws java.sql.SQLException {
        id = allocatedId;
        ps.setLong(1, id);
        ps.setLong(2, ticketId);
        ps.setString(3, kind);
        ps.setObject(4, authorUserId, java.sql.Types.BIGINT);
        ps.setObject(5, authorCustomerId, java.sql.Types.BIGINT);
        ps.setString(6, bodyText);
        ps.setString(7, bodyHtml);
        ps.setString(8, channel);
        ps.setString(9, emailMessageId);
        ps.setString(10, inReplyTo);
        ps.setString(11, emailReferences);
        ps.setArray(12, ps.getConnection().createArrayOf("bigint", attachmentIds));
        ps.setObject(13, mailboxId, java.sql.Types.BIGINT);
        ps.setString(14, deliveryStatus);
        ps.setString(15, deliveryError);
        ps.setObject(16, inboundMessageId, java.sql.Types.BIGINT);
        ps.setString(17, scriptRefs);
        ps.setString(18, callCaller);
        ps.setString(19, callOutcome);
        ps.setTimestamp(20, java.sql.Timestamp.from(createdAt));
    }

    void setTicketId(long ticketId) {
        this.ticketId = ticketId;
    }

    public Long getId() { return id; }
    public long getTicketId() { return ticketId; }
    public String getKind() { return kind; }
    public String getBodyText() { return bodyText; }
    public String getEmailMessageId() { return emailMessageId; }
    public String getEmailReferences() { return emailReferences; }
    public List<Long> getAttachmentIds() { return List.of(attachmentIds); }
    public Long getMailboxId() { return mailboxId; }
    public Instant getCreatedAt() { return createdAt; }
}
