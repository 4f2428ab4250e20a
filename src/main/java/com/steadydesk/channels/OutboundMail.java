package com.steadydesk.channels;

import com.steadydesk.channels.internal.AdvisoryLocks;
import com.steadydesk.channels.internal.ChannelsProperties;
import com.steadydesk.channels.internal.MailHtml;
import com.steadydesk.channels.internal.Mailbox;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.channels.internal.Mailboxes;
import com.steadydesk.channels.internal.MessageIds;
import com.steadydesk.channels.internal.OutboundQueue;
import com.steadydesk.channels.internal.OutboundQueue.Outbound;
import com.steadydesk.channels.internal.SmtpDelivery;
import com.steadydesk.platform.NotFoundException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues mail for SMTP delivery and sends it with retries (after 1, 2, 4, 8 minutes; FAILED after
 * {@value #MAX_ATTEMPTS} attempts), publishing {@link MessageDelivered} or {@link DeliveryFailed}. The Message-ID is
 * fixed when queued, so the caller can thread the conversation at once. One node sends at a time (advisory lock).
 */
@Service
public class OutboundMail {

    /** Attempts before a mail is given up (status FAILED, {@code willRetry} false). */
    public static final int MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(OutboundMail.class);

    private final OutboundQueue queue;
    private final Mailboxes mailboxes;
    private final SmtpDelivery smtp;
    private final MailFooter footer;
    private final AdvisoryLocks locks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String defaultDomain;
    private final AuditLog audit;

    OutboundMail(OutboundQueue queue, Mailboxes mailboxes, SmtpDelivery smtp, MailFooter footer, AdvisoryLocks locks,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock, ChannelsProperties properties,
            AuditLog audit) {
        this.audit = audit;
        this.queue = queue;
        this.mailboxes = mailboxes;
        this.smtp = smtp;
        this.footer = footer;
        this.locks = locks;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.defaultDomain = properties.defaultDomain();
    }

    /**
     * Stores the mail for delivery (in the caller's transaction) and answers its Message-ID, {@code <uuid@domain>} with
     * the domain of the sending mailbox. The active footer notices are appended now, so what is stored is what is sent.
     */
    @Transactional
    public QueuedEmail queue(OutgoingEmail email) {
        if (email.to() == null || email.to().isBlank()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
        try {
            new InternetAddress(email.to().strip(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an email address: " + email.to());
        }
        if (email.textBody() == null && email.htmlBody() == null) {
            throw new IllegalArgumentException("a mail needs a body");
        }
        Optional<Mailbox> mailbox = email.mailboxId() == null ? mailboxes.findDefault() : Optional.of(mailboxes.get(email.mailboxId()));
        String domain = mailbox.map(Mailbox::domain).orElse(defaultDomain);
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        var notices = footer.current();
        String text = email.textBody() != null ? email.textBody() : MailHtml.toText(email.htmlBody());
        Outbound outbound = new Outbound(null, mailbox.map(Mailbox::id).orElse(null), messageId, email.to().strip(),
                blankToNull(email.toName()), email.subject() == null ? "" : email.subject(), footer.appendToText(text, notices),
                footer.appendToHtml(email.htmlBody(), notices), MessageIds.normalise(email.inReplyTo()),
                MessageIds.normaliseAll(email.references()), email.attachmentIds() == null ? List.of() : List.copyOf(email.attachmentIds()),
                email.correlation(), "QUEUED", 0, null);
        long id = queue.insert(outbound, Instant.now(clock));
        return new QueuedEmail(id, messageId);
    }

    /** Sends every mail that is due now (the scheduler calls it every few seconds; tests call it directly). */
    public void deliverDue() {
        locks.runWhenFree(AdvisoryLocks.OUTBOUND_SEND, 0, Duration.ofSeconds(60), this::deliverEachDue);
    }

    @Scheduled(fixedDelayString = "${steadydesk.channels.send-tick-millis:5000}", initialDelayString = "${steadydesk.channels.poll-initial-delay-millis:15000}")
    void scheduledDelivery() {
        try {
            locks.runExclusively(AdvisoryLocks.OUTBOUND_SEND, 0, this::deliverEachDue);
        } catch (RuntimeException e) {
            log.warn("Outbound delivery round failed", e);
        }
    }

    /** The stored state of a queued mail (status, attempts, last error). */
    public DeliveryStatus status(long outboundId) {
        Outbound o = queue.find(outboundId).orElseThrow(() -> new NotFoundException("outbound message", outboundId));
        return new DeliveryStatus(o.id(), o.messageId(), o.status(), o.attempts(), o.lastError());
    }

    /**
     * An admin or supervisor sends a queued or failed mail again now, with a fresh round of attempts (and back-off).
     * Answers false when the mail was sent meanwhile.
     */
    @Transactional
    public boolean retry(long outboundId) {
        queue.find(outboundId).orElseThrow(() -> new NotFoundException("outbound message", outboundId));
        boolean requeued = queue.requeue(outboundId, Instant.now(clock));
        if (requeued) {
            audit.record("channels.outbox.retried", "outbound:" + outboundId, null);
        }
        return requeued;
    }

    /**
     * Sends a copy of a mail again (e.g. the customer lost it): queued as a new mail with the same content, recipient,
     * threading headers and correlation, and a new Message-ID. Answers the copy.
     */
    @Transactional
    public QueuedEmail resend(long outboundId) {
        Outbound o = queue.find(outboundId).orElseThrow(() -> new NotFoundException("outbound message", outboundId));
        String domain = o.messageId().substring(o.messageId().lastIndexOf('@') + 1, o.messageId().length() - 1);
        String messageId = "<" + UUID.randomUUID() + "@" + domain + ">";
        long id = queue.insert(new Outbound(null, o.mailboxId(), messageId, o.to(), o.toName(), o.subject(), o.textBody(), o.htmlBody(),
                o.inReplyTo(), o.references(), o.attachmentIds(), o.correlation(), "QUEUED", 0, null), Instant.now(clock));
        audit.record("channels.outbox.resent", "outbound:" + outboundId, "as outbound:" + id);
        return new QueuedEmail(id, messageId);
    }

    /**
     * Whether mail can leave at all: some active mailbox has an SMTP server (the default one, or any when there is
     * no default). Screens that send show a warning when not, instead of letting mail queue up unseen.
     */
    public boolean sendingAvailable() {
        Optional<Mailbox> fallback = mailboxes.findDefault();
        if (fallback.isPresent()) {
            return fallback.get().active() && fallback.get().canSend();
        }
        return mailboxes.active().stream().anyMatch(Mailbox::canSend);
    }

    private void deliverEachDue() {
        for (long id : queue.due(Instant.now(clock), 100)) {
            deliver(id);
        }
    }

    private void deliver(long id) {
        Outbound mail = queue.find(id).orElse(null);
        if (mail == null || !"QUEUED".equals(mail.status())) {
            return;
        }
        String error;
        try {
            Mailbox mailbox = sender(mail);
            smtp.send(mail, mailbox);
            tx.executeWithoutResult(s -> {
                queue.markSent(id, Instant.now(clock));
                events.publishEvent(new MessageDelivered(id, mail.correlation(), mail.messageId()));
            });
            return;
        } catch (Exception e) {
            error = describe(e);
        }
        int attempt = mail.attempts() + 1;
        boolean willRetry = attempt < MAX_ATTEMPTS;
        Instant next = willRetry ? Instant.now(clock).plus(Duration.ofMinutes(1L << (attempt - 1))) : null;
        String reason = error;
        tx.executeWithoutResult(s -> {
            queue.markAttemptFailed(id, reason, next);
            events.publishEvent(new DeliveryFailed(id, mail.correlation(), reason, willRetry));
        });
        log.warn("Outbound mail {} attempt {} failed{}: {}", id, attempt, willRetry ? " (will retry)" : " (giving up)", reason);
    }

    private Mailbox sender(Outbound mail) {
        Mailbox mailbox = (mail.mailboxId() == null ? mailboxes.findDefault() : mailboxes.find(mail.mailboxId()))
                .orElseThrow(() -> new IllegalStateException("no mailbox to send from (configure a default mailbox)"));
        if (!mailbox.active()) {
            throw new IllegalStateException("mailbox " + mailbox.name() + " is inactive");
        }
        if (!mailbox.canSend()) {
            throw new IllegalStateException("mailbox " + mailbox.name() + " has no SMTP server");
        }
        return mailbox;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 1000; t = t.getCause()) {
            if (!sb.isEmpty()) sb.append(" <- ");
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) sb.append(": ").append(t.getMessage().strip());
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Where a queued mail stands. */
    public record DeliveryStatus(long outboundId, String messageId, String status, int attempts, String lastError) {
    }
}
