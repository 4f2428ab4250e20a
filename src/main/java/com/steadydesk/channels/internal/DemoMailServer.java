package com.steadydesk.channels.internal;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The demo's own mail server (GreenMail, SMTP and IMAP on 127.0.0.1, in memory): started only in demo mode, so that a
 * newcomer sees replies, confirmations and notices really leave, and customer mail really arrive by IMAP, without
 * any mail account. Every address is a mailbox on it; logins need no password set up (any password opens the box).
 * Ports are free ones unless configured ({@code steadydesk.channels.demo-mail.smtp-port} / {@code imap-port}).
 */
@Component
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
public class DemoMailServer implements SmartLifecycle {

    /** The password the demo mailboxes log in with (the server accepts any). */
    public static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    private final int smtpPort;
    private final int imapPort;
    private volatile GreenMail server;

    DemoMailServer(@Value("${steadydesk.channels.demo-mail.smtp-port:0}") int smtpPort,
            @Value("${steadydesk.channels.demo-mail.imap-port:0}") int imapPort) {
        this.smtpPort = smtpPort == 0 ? freePort() : smtpPort;
        this.imapPort = imapPort == 0 ? freePort() : imapPort;
    }

    @Override
    public void start() {
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        server = mail;
        log.info("Demo mail server on 127.0.0.1: SMTP {} and IMAP {}; read what it received at /admin/demo-mail", smtpPort, imapPort);
    }

    @Override
    public void stop() {
        GreenMail mail = server;
        server = null;
        if (mail != null) {
            mail.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Started before the application's runners set the demo mailboxes up, stopped after the poller. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Puts a message into {@code address}'s mailbox on the server, as if someone had mailed it there. */
    public void deliver(String address, byte[] raw) {
        try {
            server.setUser(address, address, PASSWORD).deliver(new MimeMessage(null, new ByteArrayInputStream(raw)));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a mail message", e);
        }
    }

    /** Every message the server holds, newest first, as raw bytes with the mailbox it is in. */
    public List<ReceivedMail> received() {
        GreenMail mail = server;
        if (mail == null) {
            return List.of();
        }
        List<ReceivedMail> all = new ArrayList<>();
        MimeMessage[] messages = mail.getReceivedMessages();
        for (int i = 0; i < messages.length; i++) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                messages[i].writeTo(out);
                String[] to = messages[i].getHeader("To");
                all.add(new ReceivedMail(i, to == null ? "" : String.join(", ", Arrays.asList(to)), out.toByteArray()));
            } catch (MessagingException | IOException e) {
                throw new UncheckedIOException(new IOException("demo mail " + i + " cannot be read", e));
            }
        }
        all.sort(Comparator.comparingInt(ReceivedMail::index).reversed());
        return all;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message on the demo server: its position in arrival order, its To header and its bytes. */
    public record ReceivedMail(int index, String to, byte[] raw) {
    }
}
