package com.steadydesk.channels;

import com.steadydesk.channels.internal.Mailbox;
import com.steadydesk.channels.internal.MailboxPoller;
import com.steadydesk.channels.internal.Mailboxes;
import com.steadydesk.channels.internal.SecretBox;
import com.steadydesk.identity.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Configures support mailboxes (admin screens, set-up scripts, other modules' tests): create, change, activate,
 * poll now. Every change is audited; passwords go in, are stored sealed (decision 0007) and never come out.
 */
@Service
public class MailboxManagement {

    private final Mailboxes mailboxes;
    private final MailboxPoller poller;
    private final AuditLog audit;
    private final SecretBox secrets;

    MailboxManagement(Mailboxes mailboxes, MailboxPoller poller, AuditLog audit, SecretBox secrets) {
        this.mailboxes = mailboxes;
        this.poller = poller;
        this.audit = audit;
        this.secrets = secrets;
    }

    /** A new mailbox, inactive until {@link #activate}; answers its id. */
    @Transactional
    public long create(MailboxSettings settings) {
        long id = mailboxes.save(Mailbox.create(settings, secrets));
        audit.record("channels.mailbox.created", "mailbox:" + id, settings.address());
        return id;
    }

    /** New settings; blank passwords keep the stored ones. */
    @Transactional
    public void update(long id, MailboxSettings settings) {
        mailboxes.save(mailboxes.get(id).withSettings(settings, secrets));
        audit.record("channels.mailbox.updated", "mailbox:" + id, settings.address());
    }

    /** Starts polling it (and sending from it). */
    @Transactional
    public void activate(long id) {
        mailboxes.get(id);
        mailboxes.setActive(id, true);
        audit.record("channels.mailbox.activated", "mailbox:" + id, null);
    }

    @Transactional
    public void deactivate(long id) {
        mailboxes.get(id);
        mailboxes.setActive(id, false);
        audit.record("channels.mailbox.deactivated", "mailbox:" + id, null);
    }

    /** Fetches new mail now instead of at the next interval. */
    public PollSummary pollNow(long id) {
        mailboxes.get(id);
        MailboxPoller.PollResult r = poller.pollNow(id);
        return new PollSummary(r.stored(), r.duplicates(), r.parsed(), r.quarantined(), r.error());
    }

    /** What one poll did; {@code error} is null when the server answered. */
    public record PollSummary(int stored, int duplicates, int parsed, int quarantined, String error) {
    }
}
