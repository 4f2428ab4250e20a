package com.steadydesk.channels.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.util.Properties;
import org.springframework.stereotype.Component;

/** Opens connections to a mailbox's IMAP and SMTP servers with the module's timeouts. */
@Component
public class MailServers {

    private final String timeoutMillis;
    private final SecretBox secrets;
    private final Mailboxes mailboxes;

    MailServers(ChannelsProperties properties, SecretBox secrets, Mailboxes mailboxes) {
        this.timeoutMillis = String.valueOf(properties.smtpTimeout().toMillis());
        this.secrets = secrets;
        this.mailboxes = mailboxes;
    }

    public Store connectImap(Mailbox mailbox) throws MessagingException {
        if (mailbox.imapHost() == null) {
            throw new MessagingException("no IMAP server configured");
        }
        String protocol = mailbox.imapSsl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.setProperty("mail." + protocol + ".connectiontimeout", timeoutMillis);
        props.setProperty("mail." + protocol + ".timeout", timeoutMillis);
        props.setProperty("mail." + protocol + ".writetimeout", timeoutMillis);
        props.setProperty("mail." + protocol + ".partialfetch", "false");
        props.setProperty("mail." + protocol + ".peek", "true");
        String password = password(mailbox, "IMAP", mailbox.sealedImapPassword());
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(mailbox.imapHost(), mailbox.imapPort(), mailbox.imapUsername(), password);
        return store;
    }

    /** A session for sending through the mailbox's SMTP server. */
    public Session smtpSession(Mailbox mailbox) {
        String protocol = smtpProtocol(mailbox);
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty("mail." + protocol + ".host", mailbox.smtpHost());
        props.setProperty("mail." + protocol + ".port", String.valueOf(mailbox.smtpPort()));
        props.setProperty("mail." + protocol + ".auth", String.valueOf(mailbox.smtpUsername() != null));
        props.setProperty("mail." + protocol + ".starttls.enable", String.valueOf(mailbox.smtpStarttls()));
        props.setProperty("mail." + protocol + ".starttls.required", String.valueOf(mailbox.smtpStarttls()));
        props.setProperty("mail." + protocol + ".connectiontimeout", timeoutMillis);
        props.setProperty("mail." + protocol + ".timeout", timeoutMillis);
        props.setProperty("mail." + protocol + ".writetimeout", timeoutMillis);
        props.setProperty("mail." + protocol + ".from", mailbox.address());
        return Session.getInstance(props);
    }

    public Transport connectSmtp(Mailbox mailbox, Session session) throws MessagingException {
        if (mailbox.smtpHost() == null) {
            throw new MessagingException("no SMTP server configured");
        }
        String password = password(mailbox, "SMTP", mailbox.sealedSmtpPassword());
        Transport transport = session.getTransport(smtpProtocol(mailbox));
        transport.connect(mailbox.smtpHost(), mailbox.smtpPort(), mailbox.smtpUsername(), password);
        return transport;
    }

    /** Tries both servers; answers one line per server, "OK" or the error. */
    public ConnectionTest test(Mailbox mailbox) {
        String imap;
        if (mailbox.imapHost() == null) {
            imap = null;
        } else {
            try (Store store = connectImap(mailbox)) {
                store.getFolder("INBOX").exists();
                imap = "OK";
            } catch (MessagingException | RuntimeException e) {
                imap = describe(e);
            }
        }
        String smtp;
        if (mailbox.smtpHost() == null) {
            smtp = null;
        } else {
            try (Transport transport = connectSmtp(mailbox, smtpSession(mailbox))) {
                smtp = transport.isConnected() ? "OK" : "not connected";
            } catch (MessagingException | RuntimeException e) {
                smtp = describe(e);
            }
        }
        return new ConnectionTest(imap, smtp);
    }

    /**
     * Opens a sealed password just before connecting. One that cannot be opened is put on the mailbox as its last
     * error at once, so that the admin screen shows it also when only sending (not polling) fails.
     */
    private String password(Mailbox mailbox, String server, String sealed) throws MailboxPasswordUnreadable {
        try {
            return secrets.open(sealed);
        } catch (SecretBox.Unreadable e) {
            MailboxPasswordUnreadable error = new MailboxPasswordUnreadable(server, e);
            if (mailbox.id() != null) {
                mailboxes.recordError(mailbox.id(), describe(error));
            }
            throw error;
        }
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 1500; t = t.getCause()) {
            if (!sb.isEmpty()) sb.append(" ← ");
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) sb.append(": ").append(t.getMessage().strip());
            if (t.getCause() == t) break;
        }
        return sb.length() > 1500 ? sb.substring(0, 1500) : sb.toString();
    }

    private static String smtpProtocol(Mailbox mailbox) {
        return mailbox.smtpSsl() ? "smtps" : "smtp";
    }

    /** Result of "test connection": null for a server that is not configured. */
    public record ConnectionTest(String imap, String smtp) {
        public boolean ok() {
            return (imap == null || imap.equals("OK")) && (smtp == null || smtp.equals("OK"));
        }
    }
}
