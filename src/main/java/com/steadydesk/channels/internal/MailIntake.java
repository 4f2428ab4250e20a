package com.steadydesk.channels.internal;

import com.steadydesk.channels.AttachmentRef;
import com.steadydesk.channels.Attachments;
import com.steadydesk.channels.Channel;
import com.steadydesk.channels.InboundMessageId;
import com.steadydesk.channels.InboundMessageReceived;
import com.steadydesk.channels.internal.InboundMailParser.MailAttachment;
import com.steadydesk.channels.internal.InboundMailParser.ParsedMail;
import com.steadydesk.channels.internal.InboundMessageStore.Parsed;
import com.steadydesk.channels.internal.InboundMessageStore.Raw;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.platform.DomainRuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The way in: raw mail is stored first (its own transaction), parsed in a second step, and either published as
 * {@link InboundMessageReceived} (in the transaction that marks it PARSED, so the event registry holds it) or put in
 * quarantine with the error. Nothing that arrives is dropped, and one bad message never stops the others.
 */
@Service
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    private static final String REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InboundMessageStore store;
    private final Mailboxes mailboxes;
    private final InboundMailParser parser;
    private final Attachments attachments;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditLog audit;
    private final CurrentUser currentUser;

    MailIntake(InboundMessageStore store, Mailboxes mailboxes, InboundMailParser parser, Attachments attachments, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock, AuditLog audit, CurrentUser currentUser) {
        this.store = store;
        this.mailboxes = mailboxes;
        this.parser = parser;
        this.attachments = attachments;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /**
     * Stores raw mail fetched from a mailbox and moves the mailbox's UID mark past it, in one transaction of their own.
     * Empty when this mailbox already holds the Message-ID (a duplicate is stored once).
     */
    public Optional<Long> storeRaw(long mailboxId, long uidValidity, long uid, byte[] raw) {
        return tx.execute(s -> {
            Optional<Long> id = store.insertRaw(Channel.EMAIL, mailboxId, uid, raw, InboundMailParser.messageIdOf(raw), Instant.now(clock));
            mailboxes.advance(mailboxId, uidValidity, uid);
            return id;
        });
    }

    /**
     * A message whose bytes could not be (fully) fetched: what was read is kept in quarantine with the error (or only
     * its UID and the error when nothing was), and the UID mark moves past it so that polling goes on.
     */
    public long storeUnreadable(long mailboxId, long uidValidity, long uid, byte[] partial, String error) {
        return tx.execute(s -> {
            Instant now = Instant.now(clock);
            long id;
            Optional<Long> stored = partial.length == 0 ? Optional.empty()
                    : store.insertRaw(Channel.EMAIL, mailboxId, uid, partial, InboundMailParser.messageIdOf(partial), now);
            if (stored.isPresent()) {
                id = stored.get();
                store.markQuarantined(id, error);
            } else {
                id = store.insertUnfetchable(mailboxId, uid, error, now);
            }
            mailboxes.advance(mailboxId, uidValidity, uid);
            return id;
        });
    }

    /** Parses a stored message; a failure quarantines it with the error and is answered, never thrown. */
    public Outcome process(long id) {
        try {
            Boolean parsed = tx.execute(s -> parseAndPublish(id));
            return Boolean.TRUE.equals(parsed) ? Outcome.success() : Outcome.skipped();
        } catch (RuntimeException e) {
            String error = describe(e);
            tx.executeWithoutResult(s -> store.markQuarantined(id, error));
            log.warn("Inbound message {} quarantined: {}", id, error);
            return Outcome.quarantined(error);
        }
    }

    /** An admin re-runs the parser on a quarantined message's stored bytes. */
    public Outcome retry(long id) {
        if (store.status(id) != InboundStatus.QUARANTINED) {
            throw new DomainRuleViolation("inbound.not-quarantined", "only a quarantined message can be retried");
        }
        Outcome outcome = process(id);
        audit.record("channels.quarantine.retried", "inbound:" + id, outcome.parsed() ? "parsed" : "still failing: " + outcome.error());
        return outcome;
    }

    /** An admin gives up on a quarantined message; it stays stored (DISCARDED) for the record. */
    public void discard(long id) {
        tx.executeWithoutResult(s -> {
            store.markDiscarded(id, currentUser.username(), Instant.now(clock));
            audit.record("channels.quarantine.discarded", "inbound:" + id, null);
        });
    }

    /** Parses what was stored but never parsed (the node stopped in between); run by the poller's tick. */
    public void recoverStuck() {
        for (long id : store.stuckSince(Instant.now(clock).minus(Duration.ofMinutes(2)), 50)) {
            process(id);
        }
    }

    /** A message from the public contact form: stored, already structured, and published at once. */
    public String acceptWebForm(WebSubmission s) {
        return tx.execute(status -> {
            Instant now = Instant.now(clock);
            String reference = reference(now);
            Map<String, String> fields = new LinkedHashMap<>();
            if (s.phone() != null && !s.phone().isBlank()) fields.put("phone", s.phone().strip());
            if (s.orderNo() != null && !s.orderNo().isBlank()) fields.put("order_no", s.orderNo().strip());
            fields.put("reference", reference);
            String rendering = "Channel: WEB\nReference: " + reference + "\nName: " + s.name() + "\nEmail: " + s.email()
                    + "\nPhone: " + nullToEmpty(s.phone()) + "\nOrder: " + nullToEmpty(s.orderNo()) + "\nSubject: "
                    + nullToEmpty(s.subject()) + "\n\n" + s.message();
            Parsed parsed = new Parsed(s.email().strip().toLowerCase(java.util.Locale.ROOT), s.name().strip(), null,
                    subjectOf(s), s.message().strip(), null,
                    null, null, List.of(), List.of(), null);
            long id = store.insertParsed(Channel.WEB, rendering.getBytes(StandardCharsets.UTF_8), reference, parsed, fields, now);
            events.publishEvent(new InboundMessageReceived(new InboundMessageId(id), Channel.WEB));
            return reference;
        });
    }

    private boolean parseAndPublish(long id) {
        Optional<Raw> locked = store.lockForParsing(id);
        if (locked.isEmpty()) {
            return false;
        }
        Raw raw = locked.get();
        if (raw.channel() != Channel.EMAIL) {
            throw new DomainRuleViolation("inbound.not-email", "only email can be parsed again");
        }
        ParsedMail mail = parser.parse(raw.bytes());
        List<Long> attachmentIds = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (MailAttachment a : mail.attachments()) {
            if (a.content().length > attachments.maxBytes()) {
                refused.add(a.filename() + " (" + megabytes(a.content().length) + " > " + megabytes(attachments.maxBytes()) + ")");
            } else {
                AttachmentRef ref = attachments.store(a.filename(), a.contentType(), a.content());
                attachmentIds.add(ref.id());
            }
        }
        String notes = refused.isEmpty() ? null : "附件超过大小限制，未保存 / attachment over the size limit, not stored: " + String.join(", ", refused);
        String text = notes == null ? mail.textBody() : (mail.textBody() + "\n\n[" + notes + "]").strip();
        store.markParsed(id, new Parsed(mail.fromAddress(), mail.fromName(), mail.toAddress(), mail.subject(), text,
                mail.sanitizedHtml(), mail.messageId(), mail.inReplyTo(), mail.references(), attachmentIds, notes), Map.of(),
                Instant.now(clock));
        events.publishEvent(new InboundMessageReceived(new InboundMessageId(id), Channel.EMAIL));
        return true;
    }

    /** A ticket needs a subject; a form sent without one is named by the start of its message. */
    private static String subjectOf(WebSubmission s) {
        if (s.subject() != null && !s.subject().isBlank()) {
            return s.subject().strip();
        }
        String firstLine = s.message().strip().split("\\R", 2)[0];
        return firstLine.length() > 40 ? firstLine.substring(0, 40) + "…" : firstLine;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String reference(Instant now) {
        StringBuilder sb = new StringBuilder("W").append(DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC).format(now)).append('-');
        for (int i = 0; i < 6; i++) {
            sb.append(REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** What became of a message handed to the parser. */
    public record Outcome(boolean parsed, boolean quarantined, String error) {
        static Outcome success() {
            return new Outcome(true, false, null);
        }

        static Outcome quarantined(String error) {
            return new Outcome(false, true, error);
        }

        static Outcome skipped() {
            return new Outcome(false, false, null);
        }
    }

    /** A contact-form submission, validated by the web layer. */
    public record WebSubmission(String name, String email, String phone, String orderNo, String subject, String message) {
    }
}
