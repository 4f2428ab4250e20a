package com.steadydesk.channels.internal;

import com.steadydesk.channels.Attachments;
import com.steadydesk.channels.Attachments.StoredAttachment;
import com.steadydesk.channels.internal.OutboundQueue.Outbound;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Builds the MIME message of a queued mail (UTF-8, threading headers, alternatives, attachments) and hands it to SMTP. */
@Component
public class SmtpDelivery {

    private final MailServers servers;
    private final Attachments attachments;
    private final Clock clock;

    SmtpDelivery(MailServers servers, Attachments attachments, Clock clock) {
        this.servers = servers;
        this.attachments = attachments;
        this.clock = clock;
    }

    public void send(Outbound mail, Mailbox mailbox) throws MessagingException, UnsupportedEncodingException {
        Session session = servers.smtpSession(mailbox);
        MimeMessage message = build(session, mail, mailbox);
        try (Transport transport = servers.connectSmtp(mailbox, session)) {
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    MimeMessage build(Session session, Outbound mail, Mailbox mailbox) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(mailbox.address(), mailbox.displayName() == null ? mailbox.name() : mailbox.displayName(), "UTF-8"));
        message.setRecipient(MimeMessage.RecipientType.TO, mail.toName() == null
                ? new InternetAddress(mail.to()) : new InternetAddress(mail.to(), mail.toName(), "UTF-8"));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
        }
        if (!mail.references().isEmpty()) {
            // folded: long threads easily pass the 998-character line limit
            message.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", mail.references())));
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), "UTF-8", "plain");
        MimeMultipart alternative = null;
        if (mail.htmlBody() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.htmlBody(), "UTF-8", "html");
            alternative = new MimeMultipart("alternative", text, html);
        }
        if (mail.attachmentIds().isEmpty()) {
            if (alternative == null) {
                message.setText(mail.textBody(), "UTF-8", "plain");
            } else {
                message.setContent(alternative);
            }
        } else {
            MimeBodyPart body = text;
            if (alternative != null) {
                body = new MimeBodyPart();
                body.setContent(alternative);
            }
            MimeMultipart mixed = new MimeMultipart("mixed", body);
            for (long id : mail.attachmentIds()) {
                StoredAttachment stored = attachments.load(id);
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(stored.content(), stored.ref().contentType())));
                part.setFileName(MimeUtility.encodeText(stored.ref().filename(), "UTF-8", null));
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** Keeps the Message-ID fixed at queue time (Jakarta Mail would make up a new one on saveChanges). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
