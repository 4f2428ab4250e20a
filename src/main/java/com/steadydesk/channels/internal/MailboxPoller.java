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
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches new mail from every active mailbox: by UID above the last one seen (a new UIDVALIDITY starts over), each
 * message stored raw before it is parsed. A PostgreSQL advisory lock per mailbox makes one node poll it at a time.
 */
@Component
public class MailboxPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int MAX_RECONNECTS = 20;

    private final Mailboxes mailboxes;
    private final MailServers servers;
    private final MailIntake intake;
    private final AdvisoryLocks locks;
    private final Clock clock;
    private static final Duration STOP_WAIT = Duration.ofSeconds(25);
    /** Polls hold it shared; shutdown takes it exclusively to wait for them. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock inFlight = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile boolean stopping;
    private volatile boolean running;

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
            if (stopping) {
                return;
            }
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
        inFlight.readLock().lock();
        try {
            return pollHoldingShutdown(mailboxId);
        } finally {
            inFlight.readLock().unlock();
        }
    }

    private PollResult pollHoldingShutdown(long mailboxId) {
        Mailbox mailbox = mailboxes.get(mailboxId); // re-read under the lock: progress may have moved
        Counts counts = new Counts();
        String error = null;
        // a message that makes the server drop the connection is quarantined, then the poll reconnects and goes on
        for (int connection = 0; connection <= MAX_RECONNECTS; connection++) {
            try (Store store = servers.connectImap(mailbox)) {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    if (fetchNew(mailboxId, inbox, counts)) {
                        break;
                    }
                } finally {
                    if (inbox.isOpen()) {
                        try {
                            inbox.close(false);
                        } catch (MessagingException | RuntimeException closing) {
                            log.debug("closing INBOX of {} failed", mailbox.name(), closing);
                        }
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                // the server or the connection failed outside any one message: the UID mark stays, next poll goes on
                error = MailServers.describe(e);
                log.warn("Polling mailbox {} stopped: {}", mailbox.name(), error);
                break;
            }
            mailbox = mailboxes.get(mailboxId);
        }
        mailboxes.polled(mailboxId, Instant.now(clock), error);
        return new PollResult(counts.stored, counts.duplicates, counts.parsed, counts.quarantined, error);
    }

    /**
     * Fetches every message above the UID mark, one at a time. Answers true when it went through to the end, false
     * when the connection was lost at a message (which is then already quarantined, so a reconnect goes on after it).
     */
    private boolean fetchNew(long mailboxId, Folder inbox, Counts counts) throws MessagingException {
        Mailbox mailbox = mailboxes.get(mailboxId);
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
        profile.add(UIDFolder.FetchProfileItem.UID); // UIDs only: ENVELOPE or SIZE can fail for one odd message
        inbox.fetch(messages, profile);
        for (Message message : messages) {
            if (stopping) {
                return true; // shutting down: the message in hand was finished, the UID mark says where to go on
            }
            long uid = uids.getUID(message);
            if (uid <= lastUid) {
                continue; // "n:*" answers the last message even when it is older than n
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
            try {
                message.writeTo(buffer);
            } catch (MessagingException | IOException | RuntimeException e) {
                String error = "fetching UID " + uid + " failed: " + MailServers.describe(e);
                log.warn("Mailbox {}: {}", mailbox.name(), error);
                intake.storeUnreadable(mailboxId, validity, uid, buffer.toByteArray(), error);
                counts.quarantined++;
                if (!inbox.isOpen() || !inbox.getStore().isConnected()) {
                    return false;
                }
                continue;
            }
            Optional<Long> id = intake.storeRaw(mailboxId, validity, uid, buffer.toByteArray());
            if (id.isEmpty()) {
                counts.duplicates++;
                continue;
            }
            counts.stored++;
            MailIntake.Outcome outcome = intake.process(id.get());
            if (outcome.parsed()) counts.parsed++;
            if (outcome.quarantined()) counts.quarantined++;
        }
        return true;
    }

    /**
     * On shutdown, polling stops first (this phase stops before the web server, the scheduler and the database pool):
     * no new message is fetched, the one in hand is stored and parsed, then connections close.
     */
    @Override
    public void stop() {
        stopping = true;
        try {
            // wait for the poll in progress to finish its message and close (bounded: a hung server must not hold shutdown)
            if (inFlight.writeLock().tryLock(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                inFlight.writeLock().unlock();
            } else {
                log.warn("A mailbox poll did not finish within {}; shutting down anyway", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static final class Counts {
        int stored, duplicates, parsed, quarantined;
    }

    /** What one poll did. */
    public record PollResult(int stored, int duplicates, int parsed, int quarantined, String error) {
    }
}
