package com.steadydesk.channels.internal;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches new mail from every active mailbox: by UID above the last one seen (a new UIDVALIDITY starts over), each
 * message stored raw before it is parsed. A PostgreSQL advisory lock per mailbox makes one node poll it at a time.
 */
@Component
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final Mailboxes mailboxes;
    private final MailServers servers;
    private final MailIntake intake;
    private final AdvisoryLocks locks;
    private final Clock clock;

    MailboxPoller(Mailboxes mailboxes, MailServers servers, MailIntake intake, AdvisoryLocks locks, Clock clock) {
        this.mailboxes = mailboxes;
        this.servers = servers;
        this.intake = intake;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${steadydesk.channels.poll-tick-millis:5000}", initialDelayString = "${steadydesk.channels.poll-initial-delay-millis:15000}")
    void tick() {
        Instant now = Instant.now(clock);
        for (Mailbox mailbox : mailboxes.active()) {
            if (mailbox.pollDue(now)) {
                try {
                    locks.runExclusively(AdvisoryLocks.MAILBOX_POLL, mailbox.id(), () -> poll(mailbox.id()));
                } catch (RuntimeException e) {
                    log.warn("Polling mailbox {} failed", mailbox.name(), e);
                }
            }
        }
        intake.recoverStuck();
    }

    /** Polls at once ("poll now"); waits for a poll already running elsewhere, then fetches whatever is left. */
    public PollResult pollNow(long mailboxId) {
        PollResult[] result = new PollResult[1];
        boolean ran = locks.runWhenFree(AdvisoryLocks.MAILBOX_POLL, mailboxId, Duration.ofSeconds(60), () -> result[0] = poll(mailboxId));
        return ran ? result[0] : new PollResult(0, 0, 0, 0, "another node is polling this mailbox");
    }

    private PollResult poll(long mailboxId) {
        Mailbox mailbox = mailboxes.get(mailboxId); // re-read under the lock: progress may have moved
        int stored = 0, duplicates = 0, parsed = 0, quarantined = 0;
        String error = null;
        try (Store store = servers.connectImap(mailbox)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) inbox;
                long validity = uids.getUIDValidity();
                long lastUid = mailbox.lastUid();
                if (mailbox.uidValidity() != null && mailbox.uidValidity() != validity) {
                    log.info("Mailbox {}: UIDVALIDITY changed ({} -> {}), fetching everything again", mailbox.name(),
                            mailbox.uidValidity(), validity);
                    mailboxes.resetUids(mailboxId, validity);
                    lastUid = 0;
                }
                Message[] messages = uids.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                inbox.fetch(messages, profile);
                for (Message message : messages) {
                    long uid = uids.getUID(message);
                    if (uid <= lastUid) {
                        continue; // "n:*" answers the last message even when it is older than n
                    }
                    Optional<Long> id = intake.storeRaw(mailboxId, validity, uid, raw(message));
                    if (id.isEmpty()) {
                        duplicates++;
                        continue;
                    }
                    stored++;
                    MailIntake.Outcome outcome = intake.process(id.get());
                    if (outcome.parsed()) parsed++;
                    if (outcome.quarantined()) quarantined++;
                }
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(false);
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // stop at the message that failed: the UID mark stays before it, so it is fetched again next time
            error = MailServers.describe(e);
            log.warn("Polling mailbox {} stopped: {}", mailbox.name(), error);
        }
        mailboxes.polled(mailboxId, Instant.now(clock), error);
        return new PollResult(stored, duplicates, parsed, quarantined, error);
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(out);
        return out.toByteArray();
    }

    /** What one poll did. */
    public record PollResult(int stored, int duplicates, int parsed, int quarantined, String error) {
    }
}
