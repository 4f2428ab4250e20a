package com.steadydesk.channels;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An inbound message as parsed: text decoded whatever its charset, HTML sanitised, threading headers kept.
 * {@code fields} carries extra form fields (e.g. {@code order_no}, {@code phone}) from the web form.
 */
public record ParsedInboundMessage(InboundMessageId id, Channel channel, Long mailboxId, String fromAddress, String fromName,
        String toAddress, String subject, String textBody, String sanitizedHtml, String messageId, String inReplyTo,
        List<String> references, List<AttachmentRef> attachments, Map<String, String> fields, Instant receivedAt) {
}
