package com.steadydesk.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.steadydesk.channels.internal.Mailbox;
import com.steadydesk.channels.internal.MailboxPoller;
import com.steadydesk.channels.internal.MailboxPoller.PollResult;
import com.steadydesk.channels.internal.Mailboxes;
import com.steadydesk.channels.internal.SecretBox;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every message of the shared real-world corpus (and of our own hostile set) APPENDed to a real IMAP server and
 * fetched by the real poller ends up as exactly one of: a new ticket, a reply threaded into a ticket, a quarantine
 * entry, or an exact duplicate; and no poll ever stops at a message.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MailCorpusTests {

    static final Path CORPUS = Path.of("..", "shared", "corpora", "email");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired Mailboxes mailboxes;
    @Autowired MailboxPoller poller;
    @Autowired SecretBox secrets;
    @Autowired JdbcClient jdbc;

    @Test
    void everyCorpusMessageBecomesATicketAReplyAQuarantineEntryOrAnExactDuplicate() throws Exception {
        assertThat(CORPUS).as("the shared mail corpus (see its README) must be present").isDirectory();
        List<byte[]> messages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".eml") || p.toString().endsWith(".msg")).sorted().toList()) {
                messages.add(Files.readAllBytes(file));
            }
        }
        assertThat(messages).hasSizeGreaterThan(200);

        accountsFor(messages);
    }

    @Test
    void everyHostileMessageBecomesATicketAReplyAQuarantineEntryOrAnExactDuplicate() throws Exception {
        List<byte[]> messages = HostileMail.all();

        accountsFor(messages);
    }

    /** APPENDs the messages to a fresh mailbox, polls until nothing is left, and checks that each one is accounted for. */
    private void accountsFor(List<byte[]> messages) throws Exception {
        String login = "c" + UUID.randomUUID().toString().substring(0, 8);
        String address = login + "@steadydesk.test";
        greenMail.setUser(address, login, "secret");
        int offered = messages.size();
        messages = append(login, messages);
        assertThat(messages.size()).as("messages the test server accepted, of %d: refused %s", offered, refused)
                .isGreaterThan(offered * 9 / 10);
        MailboxSettings s = new MailboxSettings("corpus " + login, address, "Corpus", greenMail.getImap().getBindTo(),
                greenMail.getImap().getPort(), false, login, "secret", null, 25, false, false, null, null, 60, false);
        long mailboxId = mailboxes.save(Mailbox.create(s, secrets));

        List<PollResult> polls = new ArrayList<>();
        polls.add(poller.pollNow(mailboxId));
        polls.add(poller.pollNow(mailboxId)); // a second poll finds nothing new: the first went through to the end

        assertThat(polls).allSatisfy(p -> assertThat(p.error()).as("poll error").isNull());
        assertThat(polls.get(1).stored() + polls.get(1).duplicates()).isZero();
        long exactDuplicates = messages.size() - distinctContents(messages);
        assertThat(polls.get(0).duplicates()).isEqualTo(exactDuplicates);
        long quarantined = count("select count(*) from inbound_messages where mailbox_id = ? and status = 'QUARANTINED'", mailboxId);
        long parsed = count("select count(*) from inbound_messages where mailbox_id = ? and status = 'PARSED'", mailboxId);
        assertThat(count("select count(*) from inbound_messages where mailbox_id = ? and status not in ('PARSED', 'QUARANTINED')", mailboxId))
                .isZero();
        // each parsed message becomes a customer message in a ticket, opening it or threaded into it
        await().atMost(Duration.ofMinutes(3)).until(() -> count("""
                select count(*) from ticket_messages t join inbound_messages m on m.id = t.inbound_message_id
                where m.mailbox_id = ? and t.kind = 'CUSTOMER'""", mailboxId) == parsed);
        assertThat(parsed + quarantined + exactDuplicates).isEqualTo(messages.size());
    }

    private long count(String sql, long mailboxId) {
        return jdbc.sql(sql).param(mailboxId).query(Long.class).single();
    }

    private static long distinctContents(List<byte[]> messages) throws Exception {
        Set<String> hashes = new HashSet<>();
        for (byte[] m : messages) {
            hashes.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(m)));
        }
        return hashes.size();
    }

    /**
     * IMAP APPEND of the bytes exactly as they are (a MimeMessage would rewrite what it cannot read). A message the
     * test server itself cannot store (GreenMail drops the connection on a few) is not appended and not counted.
     */
    private static List<byte[]> append(String login, List<byte[]> messages) throws Exception {
        Session session = Session.getInstance(new Properties());
        List<byte[]> appended = new ArrayList<>();
        Store store = null;
        Folder inbox = null;
        for (byte[] raw : messages) {
            if (inbox == null || !inbox.isOpen()) {
                store = session.getStore("imap");
                store.connect(greenMail.getImap().getBindTo(), greenMail.getImap().getPort(), login, "secret");
                inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
            }
            try {
                inbox.appendMessages(new Message[] {new RawMessage(session, raw)});
                appended.add(raw);
            } catch (jakarta.mail.MessagingException refusedByTheTestServer) {
                refused.add(new String(raw, 0, Math.min(raw.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1));
                try {
                    store.close();
                } catch (jakarta.mail.MessagingException ignored) {
                    // already dropped by the server
                }
                inbox = null;
            }
        }
        if (inbox != null) {
            inbox.close(false);
            store.close();
        }
        return appended;
    }

    static final List<String> refused = new ArrayList<>();

    private static final class RawMessage extends MimeMessage {
        private final byte[] raw;

        RawMessage(Session session, byte[] raw) throws Exception {
            super(session, new ByteArrayInputStream(raw));
            this.raw = raw;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(raw);
        }

        @Override
        public int getSize() {
            return raw.length;
        }
    }
}
