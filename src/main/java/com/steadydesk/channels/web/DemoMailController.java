package com.steadydesk.channels.web;

import com.steadydesk.channels.internal.DemoMailServer;
import com.steadydesk.channels.internal.InboundMailParser;
import com.steadydesk.channels.internal.InboundMailParser.ParsedMail;
import com.steadydesk.platform.NotFoundException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The demo mailbox: what the demo's local mail server received (replies, confirmations, notices), readable by admins. */
@Controller
class DemoMailController {

    private static final int SHOWN = 200;

    private final ObjectProvider<DemoMailServer> server;
    private final InboundMailParser parser = new InboundMailParser();

    DemoMailController(ObjectProvider<DemoMailServer> server) {
        this.server = server;
    }

    @GetMapping("/admin/demo-mail")
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model) {
        DemoMailServer demo = server.getIfAvailable();
        if (demo == null) {
            throw new NotFoundException("demo mail server", 0); // only in demo mode
        }
        List<Shown> mails = demo.received().stream().limit(SHOWN).map(this::show).toList();
        model.addAttribute("mails", mails);
        model.addAttribute("smtpPort", demo.smtpPort());
        model.addAttribute("imapPort", demo.imapPort());
        return "channels/demo-mail";
    }

    private Shown show(DemoMailServer.ReceivedMail mail) {
        try {
            ParsedMail parsed = parser.parse(mail.raw());
            return new Shown(mail.index(), parsed.fromName() == null ? parsed.fromAddress() : parsed.fromName() + " <" + parsed.fromAddress() + ">",
                    readable(mail.to()), parsed.subject(), parsed.textBody(), parsed.sentAt());
        } catch (InboundMailParser.UnparseableMailException e) {
            return new Shown(mail.index(), null, readable(mail.to()), null, e.getMessage(), null);
        }
    }

    /** The recipient header as a person reads it: encoded words ("=?UTF-8?B?...?=") decoded. */
    private static String readable(String header) {
        try {
            return header == null ? null : jakarta.mail.internet.MimeUtility.decodeText(header);
        } catch (java.io.UnsupportedEncodingException e) {
            return header;
        }
    }

    /** One message as the page shows it. */
    record Shown(int index, String from, String to, String subject, String text, java.time.Instant sentAt) {
    }
}
